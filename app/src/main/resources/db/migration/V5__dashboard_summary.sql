-- The dashboard as last computed, one row a domain: the next start shows it at once, before the
-- questionnaire is read and evaluated (docs/adr/0007), then replaces it with a fresh computation.
-- A derived copy: deleting every row loses nothing but the speed of one start.
CREATE TABLE dashboard_summary (
    lao_code        TEXT    NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    domain_id       TEXT    NOT NULL,
    definition_key  TEXT    NOT NULL,
    domain_order    INTEGER NOT NULL,
    label_th        TEXT    NOT NULL,
    label_en        TEXT,
    required        INTEGER NOT NULL CHECK (required >= 0),
    answered        INTEGER NOT NULL CHECK (answered >= 0),
    errors          INTEGER NOT NULL CHECK (errors >= 0),
    warnings        INTEGER NOT NULL CHECK (warnings >= 0),
    state           TEXT    NOT NULL,
    last_saved      TEXT,
    computed_at     TEXT    NOT NULL,
    PRIMARY KEY (lao_code, fiscal_year, domain_id)
);
