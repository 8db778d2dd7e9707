-- E-mail notifications (DESIGN.md, "Events, notifications and deadlines").
-- A person's choices: what to receive and how (IMMEDIATE, DAILY_DIGEST, OFF), per event type. The address, role and
-- attachment are copied from the token when the person saves them: the mail side never reads a token.
CREATE TABLE notification_preference (
    subject      text        PRIMARY KEY,
    role         text        NOT NULL,
    attachment   text        NOT NULL,
    email        text,
    default_mode text        NOT NULL CHECK (default_mode IN ('OFF', 'IMMEDIATE', 'DAILY_DIGEST')),
    event_modes  jsonb       NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX ix_notification_preference_attachment ON notification_preference (attachment);

-- Mail waiting to be sent. Queued by the outbox consumer in the relay's transaction (no network there): a functional
-- mailbox is stored by what owns it (programme:/organisation:/platform:<uuid>) and resolved in the directory at send
-- time; a person by the address they saved. facts: ids, codes, dates and directory names only, never pupil data.
CREATE TABLE mail_outbox (
    id              bigserial   PRIMARY KEY,
    dedupe_key      text        NOT NULL UNIQUE,
    template        text        NOT NULL,
    event_type      text,
    recipient_kind  text        NOT NULL CHECK (recipient_kind IN ('MAILBOX', 'USER')),
    recipient       text        NOT NULL,
    facts           jsonb       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'NO_ADDRESS', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);

-- Events kept for people who chose the daily digest, until the digest that lists them.
CREATE TABLE notification_digest_item (
    id          bigserial   PRIMARY KEY,
    subject     text        NOT NULL,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    facts       jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    digest_date date,
    UNIQUE (subject, event_id)
);
CREATE INDEX ix_digest_item_pending ON notification_digest_item (subject, id) WHERE digest_date IS NULL;

-- One row per digest day once it has been queued: a second replica, or a second run, finds it and does nothing.
CREATE TABLE notification_digest_run (
    digest_date  date        PRIMARY KEY,
    completed_at timestamptz NOT NULL,
    messages     integer     NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preference, mail_outbox, notification_digest_item TO referral_app;
GRANT SELECT, INSERT ON notification_digest_run TO referral_app;
GRANT USAGE, SELECT ON SEQUENCE mail_outbox_id_seq, notification_digest_item_id_seq TO referral_app;
