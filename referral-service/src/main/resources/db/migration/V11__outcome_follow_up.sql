-- Outcome follow-up: 6 and 12 months after a referral was completed, the organisation that completed it records the
-- young person's situation (an Outcome code). One row per referral and milestone; the note is free text and is
-- erased with the case's other texts at retention.
CREATE TABLE referral_outcome_follow_up (
    referral_id  uuid        NOT NULL REFERENCES referral (id),
    milestone    varchar(16) NOT NULL CHECK (milestone IN ('SIX_MONTHS', 'TWELVE_MONTHS')),
    situation    varchar(32) NOT NULL,
    note         text,
    recorded_at  timestamptz NOT NULL,
    recorded_by  varchar(64) NOT NULL,
    PRIMARY KEY (referral_id, milestone)
);

-- The reminder sent to the completing organisation once a milestone is due: at most one per referral and milestone.
ALTER TABLE referral
    ADD COLUMN follow_up_six_asked_at    timestamptz,
    ADD COLUMN follow_up_twelve_asked_at timestamptz;

CREATE INDEX ix_referral_completed_follow_up ON referral (completed_at)
    WHERE status = 'COMPLETED' AND (follow_up_six_asked_at IS NULL OR follow_up_twelve_asked_at IS NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON referral_outcome_follow_up TO referral_app;
