-- Schema 2: last year's certified values (the update workflow, ปรับปรุง), and audit look-ups by revision.

CREATE TABLE last_year_value (
    lao_code    TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,            -- the year the values were certified for
    domain      TEXT NOT NULL,
    item        TEXT NOT NULL,
    value       TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (lao_code, fiscal_year, domain, item)
) WITHOUT ROWID;

CREATE INDEX audit_log_by_revision ON audit_log (revision_id, id);
