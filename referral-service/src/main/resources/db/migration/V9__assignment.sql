-- Ownership: a referral can be assigned to a named colleague of the party responsible for it. The ids are Keycloak
-- user ids (staff, not pupil data): retention leaves them. Table-level grants of V1 cover the new columns.
ALTER TABLE referral
    ADD COLUMN assignee_id text,
    ADD COLUMN assigned_at timestamptz,
    ADD COLUMN assigned_by text,
    -- The assignee's party as an attachment (uai:…, platform:…, organisation:…): when the referral moves on to
    -- another party, the assignment is released so that it shows unassigned to the party now responsible.
    ADD COLUMN assignee_party text;

-- "assigned to me" lists: few rows per assignee, most recently changed first.
CREATE INDEX ix_referral_assignee ON referral (assignee_id, updated_at DESC) WHERE assignee_id IS NOT NULL;
