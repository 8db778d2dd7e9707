-- Identity and search (DESIGN "Identity, search and reporting").
-- A case merged into another keeps its row (audit rows and outbox events name it) but is closed and points at the
-- surviving case; its referrals, follow-ups and timeline events move to the survivor. Table-level grants of V1 cover
-- the new column.
ALTER TABLE pupil_case
    ADD COLUMN merged_into uuid REFERENCES pupil_case (id),
    ADD CONSTRAINT ck_case_merged_closed CHECK (merged_into IS NULL OR (status = 'CLOSED' AND merged_into <> id));

-- Near-duplicate candidates: the cases with one birth date (few), merged ones left out.
CREATE INDEX ix_case_birth_date ON pupil_case (birth_date) WHERE merged_into IS NULL;

-- Name-prefix search (LIKE 'prefix%' on the folded keys).
CREATE INDEX ix_case_last_name_key_prefix ON pupil_case (last_name_key text_pattern_ops) WHERE merged_into IS NULL;
CREATE INDEX ix_case_first_name_key_prefix ON pupil_case (first_name_key text_pattern_ops) WHERE merged_into IS NULL;
