-- When the device says the domain was certified (the payload's certified_at, SPEC §3.2), kept in a
-- column at ingest: the status (per LAO, district, province) shows it for every head, and reading
-- it out of each head's signed payload cost about 0.3 ms a head, tens of seconds for the national
-- status (about 63,000 heads). Still the device's claim; the payload stays the record.
ALTER TABLE submission ADD COLUMN certified_at TIMESTAMPTZ;
UPDATE submission SET certified_at = (convert_from(payload, 'UTF8')::jsonb ->> 'certified_at')::timestamptz;
ALTER TABLE submission ALTER COLUMN certified_at SET NOT NULL;
