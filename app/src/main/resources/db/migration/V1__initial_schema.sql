-- InfoDesk local store, schema 1. One append-only ladder: never edit a released migration.
-- Times are ISO-8601 UTC instants as text. Values are JSON (sync-protocol SPEC 2.3).

-- The LAO this installation works for.
CREATE TABLE lao_profile (
    code         TEXT PRIMARY KEY CHECK (length(code) = 7),
    name_th      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    district_th  TEXT NOT NULL,
    district_en  TEXT NOT NULL,
    province_th  TEXT NOT NULL,
    province_en  TEXT NOT NULL
);

-- Every questionnaire definition received, all versions.
CREATE TABLE questionnaire_definition (
    definition_key TEXT PRIMARY KEY,            -- id/fiscalYear/version
    fiscal_year    INTEGER NOT NULL,
    document       BLOB NOT NULL,
    received_at    TEXT NOT NULL
);

-- One revision of one domain of one LAO in one fiscal year (DESIGN 6).
CREATE TABLE domain_revision (
    id             INTEGER PRIMARY KEY,
    lao_code       TEXT NOT NULL,
    fiscal_year    INTEGER NOT NULL,
    domain         TEXT NOT NULL,
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    definition_key TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('NOT_STARTED', 'DRAFT', 'READY', 'CERTIFIED', 'QUEUED',
                                                  'DELIVERED', 'ACCEPTED', 'RETURNED')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    review_comment TEXT,
    UNIQUE (lao_code, fiscal_year, domain, revision)
);

-- The answers of a revision: one row per item; a repeat group's rows are one JSON array.
CREATE TABLE answer (
    revision_id INTEGER NOT NULL REFERENCES domain_revision (id),
    item        TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (revision_id, item)
) WITHOUT ROWID;

-- Every change: who, when, which item, old and new value (JSON; NULL = unanswered).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    revision_id INTEGER NOT NULL REFERENCES domain_revision (id),
    item        TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT
);

-- A certified revision, frozen: the canonical payload, its digest and signature.
CREATE TABLE certified_snapshot (
    revision_id        INTEGER PRIMARY KEY REFERENCES domain_revision (id),
    submission_id      TEXT NOT NULL UNIQUE,
    payload            BLOB NOT NULL,
    digest             TEXT NOT NULL,
    signature          BLOB NOT NULL,
    certifier_name     TEXT NOT NULL,
    certifier_position TEXT NOT NULL,
    certified_at       TEXT NOT NULL
);

-- What is to be delivered, in certification order.
CREATE TABLE outbox_item (
    id              INTEGER PRIMARY KEY,
    submission_id   TEXT NOT NULL UNIQUE REFERENCES certified_snapshot (submission_id),
    state           TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'DELIVERED', 'REFUSED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    receipt         BLOB,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE sync_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    level   TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Certified data never changes in place.
CREATE TRIGGER certified_snapshot_no_update BEFORE UPDATE ON certified_snapshot
BEGIN
    SELECT RAISE(ABORT, 'certified snapshots are immutable');
END;

CREATE TRIGGER certified_snapshot_no_delete BEFORE DELETE ON certified_snapshot
BEGIN
    SELECT RAISE(ABORT, 'certified snapshots are immutable');
END;

CREATE TRIGGER answer_frozen_insert BEFORE INSERT ON answer
WHEN (SELECT state FROM domain_revision WHERE id = NEW.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;

CREATE TRIGGER answer_frozen_update BEFORE UPDATE ON answer
WHEN (SELECT state FROM domain_revision WHERE id = OLD.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;

CREATE TRIGGER answer_frozen_delete BEFORE DELETE ON answer
WHEN (SELECT state FROM domain_revision WHERE id = OLD.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;

-- A certified revision cannot go back to being editable.
CREATE TRIGGER revision_no_thaw BEFORE UPDATE OF state ON domain_revision
WHEN OLD.state NOT IN ('NOT_STARTED', 'DRAFT', 'READY') AND NEW.state IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'a certified revision cannot be edited again: amend it');
END;
