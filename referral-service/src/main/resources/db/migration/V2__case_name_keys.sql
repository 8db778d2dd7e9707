-- Comparison keys of the names (fr.passerelle.referral.domain.PersonName#key): the duplicate rule and the searches
-- compare these, so that case, accents and invisible characters cannot make two cases of one young person.
-- V3 (a Java migration, to use the very same rule) fills them for existing rows; V4 indexes them.
ALTER TABLE pupil_case ADD COLUMN first_name_key varchar(200);
ALTER TABLE pupil_case ADD COLUMN last_name_key varchar(200);
