-- Schema 3: short justifications, per revision, for a year-over-year change beyond its threshold
-- (subject = the item id) or for a warning rule (subject = 'rule:' || rule id).

CREATE TABLE justification (
    revision_id INTEGER NOT NULL REFERENCES domain_revision (id),
    subject     TEXT NOT NULL,
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (revision_id, subject)
) WITHOUT ROWID;

CREATE TRIGGER justification_frozen_insert BEFORE INSERT ON justification
WHEN (SELECT state FROM domain_revision WHERE id = NEW.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;

CREATE TRIGGER justification_frozen_update BEFORE UPDATE ON justification
WHEN (SELECT state FROM domain_revision WHERE id = OLD.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;

CREATE TRIGGER justification_frozen_delete BEFORE DELETE ON justification
WHEN (SELECT state FROM domain_revision WHERE id = OLD.revision_id) NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
BEGIN
    SELECT RAISE(ABORT, 'the revision is certified: amend it to change a value');
END;
