-- Schema 4 (issue 5): local users with roles, their password hashes, failed sign-ins, and the
-- public half of this installation's device key.

-- A local user. Never deleted, and the name never changes: the audit log names users by it.
CREATE TABLE app_user (
    id                   TEXT PRIMARY KEY,                 -- UUID
    username             TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 32),  -- NFC, lower case
    display_name         TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),    -- as on the certification sheet
    position             TEXT NOT NULL CHECK (length(position) BETWEEN 1 AND 100),        -- ตำแหน่ง
    active               INTEGER NOT NULL CHECK (active IN (0, 1)),
    password_hash        TEXT NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 256),   -- PHC string, ADR 0005
    must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

-- The roles a user holds (one or more).
CREATE TABLE user_role (
    user_id TEXT NOT NULL REFERENCES app_user (id),
    role    TEXT NOT NULL CHECK (role IN ('DATA_ENTRY_OFFICER', 'CERTIFIER', 'LAO_ADMIN', 'DISTRICT_OFFICER')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- Failed sign-ins in a row, per user name as typed (normalised), whether or not a user has it.
CREATE TABLE sign_in_failure (
    username       TEXT PRIMARY KEY CHECK (length(username) <= 64),   -- longer names are cut (UserService)
    failures       INTEGER NOT NULL CHECK (failures >= 1),
    last_failed_at TEXT NOT NULL,
    locked_until   TEXT
) WITHOUT ROWID;

CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user
BEGIN
    SELECT RAISE(ABORT, 'users are never deleted: make the user inactive');
END;

CREATE TRIGGER app_user_name_immutable BEFORE UPDATE OF username ON app_user
WHEN NEW.username <> OLD.username
BEGIN
    SELECT RAISE(ABORT, 'a user name never changes: the audit log names users by it');
END;

-- The public half of this installation's Ed25519 device key (ADR 0006), recorded when the key is
-- made: a key folder that has gone missing is then reported, never silently replaced.
CREATE TABLE device_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    algorithm  TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    created_at TEXT NOT NULL
);
