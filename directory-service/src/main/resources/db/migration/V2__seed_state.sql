-- Which content of the seed folder has been loaded: a start that finds the same fingerprint skips
-- reading and checking the files again (they only ever add missing records).
CREATE TABLE seed_state (
    fingerprint varchar(64) PRIMARY KEY,
    loaded_at   timestamptz NOT NULL
);
