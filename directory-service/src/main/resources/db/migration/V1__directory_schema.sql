-- Territories: official reference data (INSEE communes, départements, académies).
CREATE TABLE academie (
    code        varchar(32) PRIMARY KEY,
    name        varchar(100) NOT NULL
);

CREATE TABLE departement (
    code          varchar(3) PRIMARY KEY,
    name          varchar(100) NOT NULL,
    region_code   varchar(3) NOT NULL,
    academie_code varchar(32) NOT NULL REFERENCES academie (code)
);

CREATE TABLE commune (
    code             varchar(5) PRIMARY KEY,
    name             varchar(120) NOT NULL,
    departement_code varchar(3) NOT NULL REFERENCES departement (code)
);
CREATE INDEX commune_departement_idx ON commune (departement_code);

CREATE TABLE organisation (
    id               uuid PRIMARY KEY,
    name             varchar(200) NOT NULL,
    kind             varchar(40) NOT NULL,
    status           varchar(20) NOT NULL,
    closed_on        date,
    uai              varchar(8),
    description      text,
    website          varchar(500),
    street           varchar(300),
    postal_code      varchar(10),
    commune_code     varchar(5) REFERENCES commune (code),
    city             varchar(120),
    departement_code varchar(3) REFERENCES departement (code),
    academie_code    varchar(32) REFERENCES academie (code),
    contacts         jsonb NOT NULL DEFAULT '[]',
    source           varchar(20) NOT NULL,
    source_document  varchar(200),
    inferred_fields  text[] NOT NULL DEFAULT '{}',
    last_verified    date,
    archived_at      timestamptz,
    search_text      text NOT NULL DEFAULT '',
    search_vector    tsvector GENERATED ALWAYS AS (to_tsvector('french', search_text)) STORED,
    version          bigint NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_uai_uq ON organisation (uai) WHERE uai IS NOT NULL;
CREATE INDEX organisation_search_idx ON organisation USING gin (search_vector);
CREATE INDEX organisation_departement_idx ON organisation (departement_code);

CREATE TABLE programme (
    id                     uuid PRIMARY KEY,
    organisation_id        uuid NOT NULL REFERENCES organisation (id),
    name                   varchar(200) NOT NULL,
    description            text,
    categories             text[] NOT NULL DEFAULT '{}',
    min_age                smallint,
    max_age                smallint,
    school_levels          text[] NOT NULL DEFAULT '{}',
    schooling_statuses     text[] NOT NULL DEFAULT '{}',
    max_diploma_level      varchar(20),
    qpv_residence_required boolean NOT NULL DEFAULT false,
    admission_mode         varchar(40),
    intake                 varchar(20),
    duration_weeks         smallint,
    duration_text          varchar(200),
    capacity_per_cohort    integer,
    places_available       integer,
    free                   boolean,
    stipend                boolean,
    schedule               varchar(500),
    service_communes       text[] NOT NULL DEFAULT '{}',
    service_departements   text[] NOT NULL DEFAULT '{}',
    service_academies      text[] NOT NULL DEFAULT '{}',
    -- Derived on write: every département the service area touches (explicit, through a commune,
    -- or through an académie), so a département filter is one indexed test.
    area_departements      text[] NOT NULL DEFAULT '{}',
    contacts               jsonb NOT NULL DEFAULT '[]',
    status                 varchar(20) NOT NULL,
    closed_on              date,
    source                 varchar(20) NOT NULL,
    source_document        varchar(200),
    inferred_fields        text[] NOT NULL DEFAULT '{}',
    last_verified          date,
    archived_at            timestamptz,
    search_text            text NOT NULL DEFAULT '',
    search_vector          tsvector GENERATED ALWAYS AS (to_tsvector('french', search_text)) STORED,
    version                bigint NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT programme_age_range_ck CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
    CONSTRAINT programme_places_ck CHECK (places_available IS NULL OR places_available >= 0)
);
CREATE INDEX programme_organisation_idx ON programme (organisation_id);
CREATE INDEX programme_search_idx ON programme USING gin (search_vector);
CREATE INDEX programme_categories_idx ON programme USING gin (categories);
CREATE INDEX programme_service_communes_idx ON programme USING gin (service_communes);
CREATE INDEX programme_service_departements_idx ON programme USING gin (service_departements);
CREATE INDEX programme_area_departements_idx ON programme USING gin (area_departements);
-- Only open programmes are matched: keep that candidate set small and indexed.
CREATE INDEX programme_open_idx ON programme (id)
    WHERE archived_at IS NULL AND status = 'ACTIVE' AND (places_available IS NULL OR places_available > 0);

CREATE TABLE platform (
    id                     uuid PRIMARY KEY,
    name                   varchar(200) NOT NULL,
    description            text,
    territory_communes     text[] NOT NULL DEFAULT '{}',
    territory_departements text[] NOT NULL DEFAULT '{}',
    territory_academies    text[] NOT NULL DEFAULT '{}',
    source                 varchar(20) NOT NULL,
    source_document        varchar(200),
    archived_at            timestamptz,
    version                bigint NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE platform_organisation (
    platform_id     uuid NOT NULL REFERENCES platform (id),
    organisation_id uuid NOT NULL REFERENCES organisation (id),
    role            varchar(20) NOT NULL,
    PRIMARY KEY (platform_id, organisation_id, role)
);
CREATE INDEX platform_organisation_org_idx ON platform_organisation (organisation_id);
