-- Schema 7 (issue 7): what the device pulled from the server (SPEC §4.8).

-- A reviewer's decision on a submission this office certified: ACCEPTED, or RETURNED with the
-- reviewer's comment (the domain then shows it and may be amended).
CREATE TABLE review_decision (
    submission_id TEXT PRIMARY KEY REFERENCES certified_snapshot (submission_id),
    verdict       TEXT NOT NULL CHECK (verdict IN ('ACCEPTED', 'RETURNED')),
    comment       TEXT CHECK (comment IS NULL OR length(comment) <= 2000),
    reviewer      TEXT NOT NULL CHECK (length(reviewer) BETWEEN 1 AND 200),
    decided_at    TEXT NOT NULL,
    pulled_at     TEXT NOT NULL,
    CHECK (verdict = 'ACCEPTED' OR comment IS NOT NULL)
);

-- Every other change pulled, kept whole (its JSON) once per identity until what reads it is
-- built (new definitions, last year's values, a district's status of its LAOs), and a decision
-- on a submission this store does not hold.
CREATE TABLE pulled_change (
    kind      TEXT NOT NULL CHECK (kind IN ('decision', 'definition', 'last_year_values', 'lao_status')),
    identity  TEXT NOT NULL CHECK (length(identity) BETWEEN 1 AND 300),
    body      TEXT NOT NULL,
    pulled_at TEXT NOT NULL,
    PRIMARY KEY (kind, identity)
) WITHOUT ROWID;
