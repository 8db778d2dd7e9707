-- Transactional outbox: one row per lifecycle change, written in the change's own transaction. The relay hands each
-- row, in seq order, to the consumers (webhook fan-out, e-mail), which queue their own work in the relay's
-- transaction, then stamps dispatched_at. Payloads hold ids, statuses, codes and dates only: retention has nothing
-- to erase here.
CREATE TABLE outbox_event (
    seq           bigserial PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    type          text        NOT NULL,
    case_id       uuid        NOT NULL,
    referral_id   uuid,
    occurred_at   timestamptz NOT NULL,
    data          jsonb       NOT NULL,
    dispatched_at timestamptz
);
CREATE INDEX ix_outbox_pending ON outbox_event (seq) WHERE dispatched_at IS NULL;
CREATE INDEX ix_outbox_referral ON outbox_event (referral_id, seq);

GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_event TO referral_app;
GRANT USAGE, SELECT ON SEQUENCE outbox_event_seq_seq TO referral_app;
