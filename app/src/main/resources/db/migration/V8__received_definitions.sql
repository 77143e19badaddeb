-- Schema 8 (issue 7): what pull does with the changes it keeps (SPEC §4.8).

-- Schema 1 made this table for received definitions but nothing ever filled it: made again with
-- the identity a definition change names and the SHA-256 its bytes were checked against.
DROP TABLE questionnaire_definition;
CREATE TABLE questionnaire_definition (
    definition_id TEXT NOT NULL CHECK (length(definition_id) BETWEEN 1 AND 64),
    fiscal_year   INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
    version       INTEGER NOT NULL CHECK (version >= 1),
    digest        TEXT NOT NULL CHECK (length(digest) = 64),
    document      BLOB NOT NULL CHECK (length(document) BETWEEN 1 AND 4194304),
    received_at   TEXT NOT NULL,
    PRIMARY KEY (definition_id, fiscal_year, version)
) WITHOUT ROWID;

-- Where each kept change stands:
--   KEPT     kept whole, nothing reads it yet (a district's lao_status; a decision on a submission
--            this store does not hold);
--   APPLIED  done: a definition fetched, checked and stored (or the one the app ships); last
--            year's values written to last_year_value;
--   WAITING  to do: a definition to fetch; last year's values whose definition is not held yet
--            (applied when it is);
--   REFUSED  could not be applied, with the problem (a digest that does not match, a definition
--            that does not read, values that do not fit their definition); the next change of
--            the same identity replaces it.
ALTER TABLE pulled_change ADD COLUMN state TEXT NOT NULL DEFAULT 'KEPT'
    CHECK (state IN ('KEPT', 'APPLIED', 'WAITING', 'REFUSED'));
ALTER TABLE pulled_change ADD COLUMN problem TEXT CHECK (problem IS NULL OR length(problem) <= 2000);

-- Definitions and last year's values pulled under schema 7 were only kept: they are to do now.
UPDATE pulled_change SET state = 'WAITING' WHERE kind IN ('definition', 'last_year_values');
