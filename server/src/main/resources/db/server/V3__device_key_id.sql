-- A device is found by the key id of its pinned key (SPEC §3.5: base64url without padding of the
-- first 16 bytes of SHA-256 of the raw public key): an envelope's key_id names it, whether the
-- payload was certified before the device was enrolled (device_id = the key id) or after.
ALTER TABLE device ADD COLUMN key_id TEXT
    GENERATED ALWAYS AS (translate(rtrim(encode(substring(sha256(public_key) FROM 1 FOR 16), 'base64'), '='), '+/', '-_')) STORED;
CREATE UNIQUE INDEX device_by_key_id ON device (key_id);
