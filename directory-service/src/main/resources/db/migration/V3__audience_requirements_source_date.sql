-- Who a programme serves and what it requires, as the documents state it (empty: not stated).
ALTER TABLE programme
    ADD COLUMN audiences                 text[] NOT NULL DEFAULT '{}',
    ADD COLUMN requirements              text[] NOT NULL DEFAULT '{}',
    ADD COLUMN max_age_with_disability   smallint,
    ADD COLUMN min_months_out_of_school  smallint,
    ADD COLUMN max_months_out_of_school  smallint,
    ADD COLUMN source_date               date,
    ADD CONSTRAINT programme_disability_age_ck
        CHECK (max_age_with_disability IS NULL OR max_age IS NULL OR max_age_with_disability >= max_age),
    ADD CONSTRAINT programme_months_out_ck
        CHECK (min_months_out_of_school IS NULL OR max_months_out_of_school IS NULL
               OR min_months_out_of_school <= max_months_out_of_school);

ALTER TABLE organisation ADD COLUMN source_date date;

-- Until now last_verified held the source document's date, which nobody confirmed: move it to source_date.
UPDATE organisation SET source_date = last_verified, last_verified = NULL WHERE source <> 'EDITOR';
UPDATE programme SET source_date = last_verified, last_verified = NULL WHERE source <> 'EDITOR';
