-- Outcome follow-up: 6 and 12 months after a referral was completed, the organisation that completed it records the
-- young person's situation (an Outcome code) and, optionally, a note (free text, erased at retention with the other
-- texts). *_asked_at: when the organisation was asked (once per milestone, by the deadline job).
ALTER TABLE referral
    ADD COLUMN six_month_situation         varchar(32),
    ADD COLUMN six_month_note              text,
    ADD COLUMN six_month_recorded_at       timestamptz,
    ADD COLUMN twelve_month_situation      varchar(32),
    ADD COLUMN twelve_month_note           text,
    ADD COLUMN twelve_month_recorded_at    timestamptz,
    ADD COLUMN six_month_asked_at          timestamptz,
    ADD COLUMN twelve_month_asked_at       timestamptz;

-- What the deadline job looks for: completed referrals whose organisation has not been asked yet.
CREATE INDEX ix_referral_follow_up_unasked ON referral (completed_at)
    WHERE status = 'COMPLETED' AND (six_month_asked_at IS NULL OR twelve_month_asked_at IS NULL);
