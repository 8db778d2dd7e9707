-- At most one open case per normalised names + birth date + school (V3 has checked that existing rows comply).
-- Retention nulls the keys with the names.
CREATE UNIQUE INDEX ux_case_open_identity ON pupil_case (first_name_key, last_name_key, birth_date, coalesce(school_uai, ''))
    WHERE status = 'OPEN';
-- Subject-access search (open and closed cases): by keys and birth date.
CREATE INDEX ix_case_name_keys ON pupil_case (last_name_key, first_name_key, birth_date);
