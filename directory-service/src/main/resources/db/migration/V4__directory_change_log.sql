-- Every write to the directory (editor forms, a partner's upkeep of its own programmes, the UAI import) leaves one
-- row: who (token subject, role, organisation), when, which record, and the NAMES of the fields changed with their
-- old and new values. Directory data are public facts, never a pupil's; contacts are functional ones only.
CREATE TABLE directory_change (
    id                 uuid PRIMARY KEY,
    changed_at         timestamptz NOT NULL,
    actor_subject      varchar(100),
    actor_role         varchar(40) NOT NULL,
    actor_organisation uuid,
    record_type        varchar(20) NOT NULL,
    record_id          uuid NOT NULL,
    operation          varchar(20) NOT NULL,
    channel            varchar(30) NOT NULL,
    changes            jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX directory_change_record_idx ON directory_change (record_id, changed_at DESC);
CREATE INDEX directory_change_time_idx ON directory_change (changed_at DESC, id);
