-- Comparison keys of the names (fr.passerelle.referral.domain.PersonName#key): the duplicate rule and the searches
-- compare these, so that case, accents and invisible characters cannot make two cases of one young person.
-- V3 (a Java migration, to use the very same rule) cleans the names and fills the keys of existing rows; V4 indexes
-- them. The rule on lower(name) goes first: cleaning a name would trip it, and the keys replace it.
ALTER TABLE pupil_case ADD COLUMN first_name_key varchar(200);
ALTER TABLE pupil_case ADD COLUMN last_name_key varchar(200);
DROP INDEX ux_case_open_identity;
