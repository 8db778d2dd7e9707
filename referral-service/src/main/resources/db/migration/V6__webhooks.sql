-- Webhooks: subscriptions of an attachment (organisation:<uuid>, platform:<uuid>), one delivery row per event and
-- subscription (queued by the outbox fan-out, in the relay's transaction), one attempt row per HTTP try.
CREATE TABLE webhook_subscription (
    id               uuid        PRIMARY KEY,
    owner_attachment text        NOT NULL,
    url              text        NOT NULL,
    events           jsonb       NOT NULL,
    description      text,
    -- AES-256-GCM of the secret's bytes with referral.webhooks.secret-key, the subscription id as associated data.
    secret_sealed    text        NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    disabled_at      timestamptz,
    disabled_reason  text
);
CREATE INDEX ix_webhook_subscription_owner ON webhook_subscription (owner_attachment, created_at);

CREATE TABLE webhook_delivery (
    seq             bigserial   PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    -- Deliveries of one subscription and one stream (the referral, or the case for case events) go out in seq order.
    stream_key      uuid        NOT NULL,
    -- The exact body sent (and signed) at every attempt.
    body            text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    first_attempt_at timestamptz,
    last_attempt_at timestamptz,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    delivered_at    timestamptz,
    last_status_code integer,
    CONSTRAINT uq_webhook_delivery_event UNIQUE (subscription_id, event_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX ix_webhook_delivery_stream ON webhook_delivery (subscription_id, stream_key, seq) WHERE status <> 'DELIVERED';
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (subscription_id, seq DESC);

CREATE TABLE webhook_attempt (
    id           bigserial   PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    duration_ms  integer     NOT NULL,
    outcome      text        NOT NULL,
    error_class  text
);
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscription, webhook_delivery, webhook_attempt TO referral_app;
GRANT USAGE, SELECT ON SEQUENCE webhook_delivery_seq_seq, webhook_attempt_id_seq TO referral_app;
