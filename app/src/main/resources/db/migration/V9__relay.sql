-- Schema 9 (issue 8): what a district office carries for its LAOs (SPEC §5). Each envelope of an
-- imported bundle, as the LAO's device signed it, grouped by LAO, with where its delivery stands
-- and the server's receipt once delivered (for the receipts bundle back to the LAO). An LAO's own
-- store leaves this table empty.
CREATE TABLE relay_envelope (
    id            INTEGER PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE CHECK (length(submission_id) = 36),
    lao_code      TEXT NOT NULL CHECK (length(lao_code) = 7),
    domain        TEXT NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    payload       BLOB NOT NULL,                 -- the canonical payload bytes the LAO device signed
    digest        TEXT NOT NULL CHECK (length(digest) = 64),
    signature     BLOB NOT NULL CHECK (length(signature) = 64),
    key_id        TEXT NOT NULL,                 -- the LAO device's key id, as in the envelope
    device_key    TEXT NOT NULL,                 -- the LAO device's public key, from the bundle's manifest
    bundle_file   TEXT NOT NULL,                 -- the file it came in (the first one)
    state         TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'DELIVERED', 'REFUSED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    receipt       BLOB,
    refusal       TEXT,
    imported_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX relay_envelope_by_lao ON relay_envelope (lao_code, id);
CREATE INDEX relay_envelope_queued ON relay_envelope (state, id);

-- What is carried is never changed in place: only its delivery state moves.
CREATE TRIGGER relay_envelope_frozen BEFORE UPDATE OF submission_id, lao_code, payload, digest, signature, key_id
    ON relay_envelope
BEGIN
    SELECT RAISE(ABORT, 'a relayed envelope is carried as signed');
END;
