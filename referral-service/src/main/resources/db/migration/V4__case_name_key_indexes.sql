-- At most one open case per normalised names + birth date + school; the duplicates V3 found in older data are marked
-- identity_review and stay out of the index until someone closes or corrects them.
-- Retention nulls the keys with the names.
CREATE UNIQUE INDEX ux_case_open_identity ON pupil_case (first_name_key, last_name_key, birth_date, coalesce(school_uai, ''))
    WHERE status = 'OPEN' AND NOT identity_review;
-- Subject-access search (open and closed cases): by keys and birth date.
CREATE INDEX ix_case_name_keys ON pupil_case (last_name_key, first_name_key, birth_date);
