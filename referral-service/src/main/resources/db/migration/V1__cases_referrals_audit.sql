-- referral-service schema. Flyway runs as the database owner; the application runs as
-- referral_app (SET ROLE on every pooled connection), which may not UPDATE or DELETE audit rows.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'referral_app') THEN
        CREATE ROLE referral_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- created concurrently by another migration of the same cluster
END
$$;
-- The owner must be able to SET ROLE referral_app. A role created beforehand by an administrator
-- (owner without CREATEROLE) must already be granted to the owner.
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'referral_app', 'MEMBER') THEN
        EXECUTE format('GRANT referral_app TO %I', current_user);
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO referral_app;

-- A young person's case. Identity columns are nullable because retention erases them.
CREATE TABLE pupil_case (
    id                  uuid PRIMARY KEY,
    version             bigint       NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    first_name          varchar(100),
    last_name           varchar(100),
    birth_date          date,
    ine                 varchar(11),
    school_uai          varchar(8),
    school_level        varchar(16),
    schooling_status    varchar(16),
    home_commune_code   varchar(5),
    lives_in_qpv        boolean,
    guardians           jsonb,
    consent_given_by    varchar(16),
    consent_given_at    date,
    consent_purpose     varchar(32),
    consent_withdrawn_at timestamptz,
    origin_uai          varchar(8),
    origin_platform     uuid,
    created_by          varchar(255) NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    closed_at           timestamptz,
    close_reason        varchar(32),
    anonymised_at       timestamptz
);
-- At most one open case per INE, and per names + birth date + school.
CREATE UNIQUE INDEX ux_case_open_ine ON pupil_case (ine) WHERE status = 'OPEN' AND ine IS NOT NULL;
CREATE UNIQUE INDEX ux_case_open_identity ON pupil_case (lower(first_name), lower(last_name), birth_date, coalesce(school_uai, ''))
    WHERE status = 'OPEN';
CREATE INDEX ix_case_school ON pupil_case (school_uai, updated_at DESC);
CREATE INDEX ix_case_origin_platform ON pupil_case (origin_platform, updated_at DESC);
CREATE INDEX ix_case_retention ON pupil_case (closed_at) WHERE status = 'CLOSED' AND anonymised_at IS NULL;

CREATE TABLE referral (
    id                      uuid PRIMARY KEY,
    version                 bigint       NOT NULL,
    case_id                 uuid         NOT NULL REFERENCES pupil_case (id),
    parent_id               uuid REFERENCES referral (id),
    redirected_to_id        uuid REFERENCES referral (id),
    status                  varchar(16)  NOT NULL,
    target_type             varchar(16)  NOT NULL CHECK (target_type IN ('PLATFORM', 'PROGRAMME')),
    target_id               uuid         NOT NULL,
    target_name             varchar(300),
    target_organisation_id  uuid,
    target_admission_mode   varchar(32),
    triage_platform_id      uuid,
    origin_uai              varchar(8),
    origin_platform         uuid,
    created_by              varchar(255) NOT NULL,
    reason                  varchar(32)  NOT NULL,
    urgency                 varchar(16)  NOT NULL,
    priority                smallint     NOT NULL,
    context                 text,
    eligibility_override_reason text,
    eligibility_mismatches  jsonb,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    submitted_at            timestamptz,
    received_at             timestamptz,
    accepted_at             timestamptz,
    waitlisted_at           timestamptz,
    declined_at             timestamptz,
    commission_date         date,
    decline_reason          varchar(32),
    start_date              date,
    outcome                 varchar(32),
    outcome_date            date,
    completed_at            timestamptz,
    cancel_reason           varchar(32),
    cancelled_at            timestamptz,
    CHECK (origin_uai IS NOT NULL OR origin_platform IS NOT NULL)
);
-- A case has at most one open referral to a given target.
CREATE UNIQUE INDEX ux_referral_open_target ON referral (case_id, target_type, target_id)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'RECEIVED', 'WAITLISTED', 'ACCEPTED', 'IN_PROGRESS');
-- Triage queue: keyset pagination on (priority, submitted_at, id) within one platform,
-- only over the statuses a coordinator triages, so the index stays small at millions of rows.
CREATE INDEX ix_referral_triage ON referral (triage_platform_id, priority, submitted_at, id)
    WHERE status IN ('SUBMITTED', 'RECEIVED', 'WAITLISTED');
-- Inboxes: each role's scope, newest change first.
CREATE INDEX ix_referral_origin_uai ON referral (origin_uai, updated_at DESC, id);
CREATE INDEX ix_referral_origin_platform ON referral (origin_platform, updated_at DESC, id);
CREATE INDEX ix_referral_triage_platform ON referral (triage_platform_id, updated_at DESC, id);
CREATE INDEX ix_referral_target_org ON referral (target_organisation_id, updated_at DESC, id);
CREATE INDEX ix_referral_case ON referral (case_id);
CREATE INDEX ix_referral_parent ON referral (parent_id);

-- The case timeline: one event per action. payload may hold free text (erased by retention).
CREATE TABLE case_event (
    id               uuid PRIMARY KEY,
    case_id          uuid         NOT NULL REFERENCES pupil_case (id),
    referral_id      uuid REFERENCES referral (id),
    type             varchar(48)  NOT NULL,
    from_status      varchar(16),
    to_status        varchar(16),
    actor_subject    varchar(255),
    actor_role       varchar(32),
    actor_attachment varchar(64),
    occurred_at      timestamptz  NOT NULL,
    payload          jsonb
);
CREATE INDEX ix_case_event_case ON case_event (case_id, occurred_at, id);
CREATE INDEX ix_case_event_referral ON case_event (referral_id);

CREATE TABLE follow_up_entry (
    id                uuid PRIMARY KEY,
    referral_id       uuid         NOT NULL REFERENCES referral (id),
    case_id           uuid         NOT NULL REFERENCES pupil_case (id),
    entry_date        date         NOT NULL,
    kind              varchar(32)  NOT NULL,
    visibility        varchar(16)  NOT NULL CHECK (visibility IN ('AUTHOR_ORG', 'ALL_PARTIES')),
    text              text,
    author_subject    varchar(255) NOT NULL,
    author_role       varchar(32)  NOT NULL,
    author_attachment varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL
);
CREATE INDEX ix_follow_up_referral ON follow_up_entry (referral_id, entry_date, created_at);
CREATE INDEX ix_follow_up_case ON follow_up_entry (case_id);

-- Access log: one row per case a request touches. No names, ever.
CREATE TABLE audit_event (
    id           uuid PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    subject      varchar(255),
    role         varchar(32),
    attachment   varchar(64),
    operation    varchar(48)  NOT NULL,
    purpose      varchar(48)  NOT NULL,
    request_id   varchar(64),
    case_id      uuid,
    referral_id  uuid
);
CREATE INDEX ix_audit_time ON audit_event (occurred_at DESC, id);
CREATE INDEX ix_audit_case ON audit_event (case_id, occurred_at DESC);
CREATE INDEX ix_audit_subject ON audit_event (subject, occurred_at DESC);

-- Second layer behind the grants: even the owner cannot rewrite history without dropping this.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Idempotency-Key records: claimed before the work, completed in the work's transaction.
CREATE TABLE idempotency_record (
    subject          varchar(255) NOT NULL,
    idem_key         varchar(255) NOT NULL,
    operation        varchar(64)  NOT NULL,
    fingerprint      varchar(64)  NOT NULL,
    state            varchar(16)  NOT NULL CHECK (state IN ('IN_FLIGHT', 'DONE')),
    response_status  integer,
    response_headers jsonb,
    response_body    text,
    case_id          uuid,
    created_at       timestamptz  NOT NULL,
    completed_at     timestamptz,
    PRIMARY KEY (subject, idem_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);
CREATE INDEX ix_idempotency_case ON idempotency_record (case_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON pupil_case, referral, case_event, follow_up_entry, idempotency_record TO referral_app;
GRANT SELECT, INSERT ON audit_event TO referral_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM referral_app;
