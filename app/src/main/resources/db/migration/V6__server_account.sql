-- Schema 6 (issue 7): the server this installation is enrolled with, and what the outbox keeps
-- about each attempt to deliver.

-- The enrolment (SPEC §4.4): at most one. The token is the device's bearer secret; the store's
-- folder is the user's own (docs/adr/0006). The server key is pinned here: a receipt counts only
-- when it verifies with this key.
CREATE TABLE server_account (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    server_url     TEXT NOT NULL CHECK (length(server_url) BETWEEN 8 AND 2000),
    device_id      TEXT NOT NULL CHECK (length(device_id) BETWEEN 1 AND 64),
    token          TEXT NOT NULL CHECK (length(token) BETWEEN 16 AND 200),
    server_key     BLOB NOT NULL CHECK (length(server_key) = 32),
    server_key_id  TEXT NOT NULL CHECK (length(server_key_id) BETWEEN 1 AND 64),
    limits         TEXT NOT NULL,                 -- ProtocolLimits as the server's JSON
    lao_code       TEXT CHECK (lao_code IS NULL OR length(lao_code) = 7),
    district_code  TEXT,
    enrolled_at    TEXT NOT NULL,
    CHECK ((lao_code IS NULL) <> (district_code IS NULL))
);

-- Why the server refused an item (an ItemOutcome's JSON), kept beside the item for the sync screen.
ALTER TABLE outbox_item ADD COLUMN refusal TEXT;
