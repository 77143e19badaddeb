-- The server's schema (ADR 0008). One append-only ladder: never edit a migration once merged.
-- Exactly-once is the database's job: UNIQUE(submission_id) (the primary key), one row per
-- LAO, fiscal year, domain and revision, and one head per LAO, fiscal year and domain.

-- A district office (ท้องถิ่นอำเภอ): one per district of a province, made by the registry import.
CREATE TABLE district_office (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province  TEXT NOT NULL CHECK (length(province) BETWEEN 1 AND 100),
    district  TEXT NOT NULL CHECK (length(district) BETWEEN 1 AND 100),
    UNIQUE (province, district)
);

-- The LAO registry (อปท.): 7-digit code T PP AA NN.
CREATE TABLE lao (
    code      CHAR(7) PRIMARY KEY CHECK (code ~ '^[2-6][0-9]{6}$'),
    name_th   TEXT NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
    name_en   TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    province  TEXT NOT NULL,
    district  TEXT NOT NULL,
    FOREIGN KEY (province, district) REFERENCES district_office (province, district)
);
CREATE INDEX lao_by_district ON lao (province, district);

-- One-time enrolment codes, for one LAO or one district office; only the SHA-256 of the code is kept.
CREATE TABLE enrolment_code (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash           BYTEA NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    kind                TEXT NOT NULL CHECK (kind IN ('LAO', 'DISTRICT')),
    lao_code            CHAR(7) REFERENCES lao (code),
    district_office_id  BIGINT REFERENCES district_office (id),
    issued_at           TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    used_at             TIMESTAMPTZ,
    CHECK ((kind = 'LAO' AND lao_code IS NOT NULL AND district_office_id IS NULL)
        OR (kind = 'DISTRICT' AND district_office_id IS NOT NULL AND lao_code IS NULL)),
    CHECK (expires_at > issued_at)
);

-- An enrolled device: its Ed25519 public key (raw 32 bytes), what it speaks for, the SHA-256 of its token.
CREATE TABLE device (
    id                  UUID PRIMARY KEY,
    public_key          BYTEA NOT NULL UNIQUE CHECK (length(public_key) = 32),
    kind                TEXT NOT NULL CHECK (kind IN ('LAO', 'DISTRICT')),
    lao_code            CHAR(7) REFERENCES lao (code),
    district_office_id  BIGINT REFERENCES district_office (id),
    token_hash          BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    enrolment_code_id   BIGINT NOT NULL UNIQUE REFERENCES enrolment_code (id),
    created_at          TIMESTAMPTZ NOT NULL,
    revoked_at          TIMESTAMPTZ,
    CHECK ((kind = 'LAO' AND lao_code IS NOT NULL AND district_office_id IS NULL)
        OR (kind = 'DISTRICT' AND district_office_id IS NOT NULL AND lao_code IS NULL))
);

-- One certified revision of one domain, as delivered. received_at is the server's clock; the
-- device's claimed times stay inside the signed payload.
CREATE TABLE submission (
    submission_id       UUID PRIMARY KEY,
    lao_code            CHAR(7) NOT NULL REFERENCES lao (code),
    fiscal_year         SMALLINT NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    domain              TEXT NOT NULL CHECK (length(domain) BETWEEN 1 AND 100),
    revision            INTEGER NOT NULL CHECK (revision >= 1),
    definition_version  TEXT NOT NULL CHECK (length(definition_version) BETWEEN 1 AND 100),
    digest              BYTEA NOT NULL CHECK (length(digest) = 32),
    payload             BYTEA NOT NULL,
    envelope            BYTEA NOT NULL,
    device_id           UUID NOT NULL REFERENCES device (id),
    relay_device_id     UUID REFERENCES device (id),
    received_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (lao_code, fiscal_year, domain, revision)
);
CREATE INDEX submission_by_received ON submission (received_at);

-- The current head of each LAO, fiscal year and domain: the highest revision accepted so far.
-- Ingest moves it with INSERT ... ON CONFLICT ... DO UPDATE ... WHERE revision < the new one.
CREATE TABLE domain_head (
    lao_code       CHAR(7) NOT NULL,
    fiscal_year    SMALLINT NOT NULL,
    domain         TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    submission_id  UUID NOT NULL UNIQUE REFERENCES submission (submission_id),
    PRIMARY KEY (lao_code, fiscal_year, domain)
);

-- The receipt signed by the server key for a stored submission: stored in the same transaction.
CREATE TABLE receipt (
    submission_id  UUID PRIMARY KEY REFERENCES submission (submission_id),
    issued_at      TIMESTAMPTZ NOT NULL,
    body           BYTEA NOT NULL,
    signature      BYTEA NOT NULL CHECK (length(signature) = 64),
    key_id         TEXT NOT NULL
);

-- A reviewer's decision on a submission; devices pull them in id order.
CREATE TABLE review_decision (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id  UUID NOT NULL REFERENCES submission (submission_id),
    decision       TEXT NOT NULL CHECK (decision IN ('ACCEPTED', 'RETURNED')),
    comment        TEXT CHECK (comment IS NULL OR length(comment) <= 4000),
    reviewer       TEXT NOT NULL CHECK (length(reviewer) BETWEEN 1 AND 200),
    decided_at     TIMESTAMPTZ NOT NULL,
    CHECK (decision = 'ACCEPTED' OR length(trim(comment)) > 0)
);
CREATE INDEX review_decision_by_submission ON review_decision (submission_id);
