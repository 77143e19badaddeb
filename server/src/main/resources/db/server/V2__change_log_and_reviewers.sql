-- Pull (SPEC §4.8) and review. Append-only, like V1.

-- The changes devices pull, in the order they were recorded: each row is written in the
-- transaction of the event that makes it (a stored submission, a review decision), so a change
-- exists exactly when its event does. Writers take one transaction-level advisory lock
-- (changes.ChangeLog.LOCK) before they append, so ids become visible in id order and a reader
-- that has seen id n can never later find a smaller id committed: the cursor is an id.
-- The audience is everyone (both NULL: a definition), one LAO's devices, or one district
-- office's devices.
CREATE TABLE change_log (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lao_code            CHAR(7) REFERENCES lao (code),
    district_office_id  BIGINT REFERENCES district_office (id),
    kind                TEXT NOT NULL CHECK (kind IN ('decision', 'definition', 'last_year_values', 'lao_status')),
    body                BYTEA NOT NULL CHECK (length(body) BETWEEN 2 AND 4194304),
    -- Makes an append idempotent where it must be (one definition change per definition and digest).
    once_key            TEXT UNIQUE CHECK (once_key IS NULL OR length(once_key) BETWEEN 1 AND 300),
    recorded_at         TIMESTAMPTZ NOT NULL,
    CHECK (lao_code IS NULL OR district_office_id IS NULL)
);
CREATE INDEX change_log_by_lao ON change_log (lao_code, id) WHERE lao_code IS NOT NULL;
CREATE INDEX change_log_by_district ON change_log (district_office_id, id) WHERE district_office_id IS NOT NULL;
CREATE INDEX change_log_for_everyone ON change_log (id) WHERE lao_code IS NULL AND district_office_id IS NULL;

-- This database's change log, named: a cursor carries the name, so that a cursor of another
-- server, or of this server before its database was made anew, is refused (BAD_CURSOR) instead of
-- silently skipping changes. One row.
CREATE TABLE change_feed (
    only_one  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_one),
    name      TEXT NOT NULL CHECK (name ~ '^[0-9a-f]{16}$')
);
INSERT INTO change_feed (name) VALUES (substr(md5(random()::text || clock_timestamp()::text), 1, 16));

-- Central reviewers (DESIGN §2): scope is the whole country (both NULL), one province, or one
-- district office (province and district). Only the SHA-256 of the bearer token is kept.
CREATE TABLE reviewer (
    username      TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    province      TEXT CHECK (province IS NULL OR length(province) BETWEEN 1 AND 100),
    district      TEXT CHECK (district IS NULL OR length(district) BETWEEN 1 AND 100),
    token_hash    BYTEA NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    CHECK (district IS NULL OR province IS NOT NULL),
    FOREIGN KEY (province, district) REFERENCES district_office (province, district)
);

-- A decision names its reviewer's account (V1 kept only a name). One decision per submission, and
-- it is final: a returned domain is decided again only in a new revision (review.Review).
ALTER TABLE review_decision ADD COLUMN reviewer_username TEXT REFERENCES reviewer (username);
CREATE UNIQUE INDEX review_decision_once ON review_decision (submission_id);
