-- Deadlines (DeadlinePolicy): the running deadline of each referral, stamped at every transition in the transition's
-- transaction, so that lists can filter and sort on it. Referrals already waiting have no stamp yet: the deadline
-- job stamps them on its first pass (the delays are per-platform configuration, not known to SQL).
ALTER TABLE referral
    ADD COLUMN deadline_stage           varchar(32),
    ADD COLUMN due_at                   timestamptz,
    ADD COLUMN waitlist_reviewed_at     timestamptz,
    -- The deadline last announced as overdue (referral.overdue): one announcement per stage and due date.
    ADD COLUMN overdue_announced_stage  varchar(32),
    ADD COLUMN overdue_announced_due_at timestamptz;

CREATE INDEX ix_referral_due ON referral (due_at) WHERE due_at IS NOT NULL;
-- What the job looks for: deadlines not announced yet (the same predicate as DeadlineRepository.overdueUnannounced),
-- so that referrals long overdue and already announced cost a pass nothing.
CREATE INDEX ix_referral_due_unannounced ON referral (due_at)
    WHERE due_at IS NOT NULL
      AND (overdue_announced_due_at IS DISTINCT FROM due_at OR overdue_announced_stage IS DISTINCT FROM deadline_stage);
-- The few referrals waiting without a stamp (before V8, or after an operator cleared deadline_stage).
CREATE INDEX ix_referral_unstamped ON referral (id)
    WHERE deadline_stage IS NULL AND status IN ('SUBMITTED', 'RECEIVED', 'WAITLISTED', 'ACCEPTED');

-- case.training_obligation_alert: raised once per case.
ALTER TABLE pupil_case ADD COLUMN training_alert_at timestamptz;
CREATE INDEX ix_case_training_watch ON pupil_case (created_at)
    WHERE status = 'OPEN' AND schooling_status = 'LEFT_SCHOOL' AND training_alert_at IS NULL;
