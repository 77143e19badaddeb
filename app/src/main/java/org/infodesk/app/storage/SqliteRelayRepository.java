package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.app.relay.RelayRepository;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionPayload;

/** {@link RelayRepository} on the SQLite store (table {@code relay_envelope}, schema 9). */
public final class SqliteRelayRepository implements RelayRepository {

    private final Store store;
    private final QueueStatements queue;

    public SqliteRelayRepository(Store store) {
        this.store = store;
        this.queue = new QueueStatements(store, "relay_envelope", "relayed envelope", "imported_at");
    }

    @Override
    public Held hold(Bundles.Submissions bundle) throws StoreException {
        Instant now = store.clock().instant();
        String deviceKey = Ed25519Keys.encode(bundle.deviceKey());
        return store.write(c -> {
            int added = 0;
            int already = 0;
            List<String> reused = new ArrayList<>();
            try (PreparedStatement find = c.prepareStatement("SELECT digest FROM relay_envelope WHERE submission_id = ?");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO relay_envelope (submission_id, lao_code, domain, revision, payload, digest, signature,
                             key_id, device_key, bundle_file, state, imported_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")) {
                for (Bundles.Carried carried : bundle.envelopes()) {
                    SubmissionEnvelope envelope = carried.envelope();
                    SubmissionPayload payload = envelope.payload();
                    String id = payload.submissionId().toString();
                    find.setString(1, id);
                    try (ResultSet r = find.executeQuery()) {
                        if (r.next()) {
                            if (r.getString(1).equals(envelope.digest())) {
                                already++;
                            } else {
                                reused.add(id);
                            }
                            continue;
                        }
                    }
                    insert.setString(1, id);
                    insert.setString(2, payload.laoCode());
                    insert.setString(3, payload.domainId());
                    insert.setInt(4, payload.revision());
                    insert.setBytes(5, carried.canonicalPayload());
                    insert.setString(6, envelope.digest());
                    insert.setBytes(7, envelope.signatureBytes());
                    insert.setString(8, envelope.keyId());
                    insert.setString(9, deviceKey);
                    insert.setString(10, bundle.file());
                    insert.setString(11, now.toString());
                    insert.setString(12, now.toString());
                    insert.addBatch();
                    added++;
                }
                if (!reused.isEmpty()) {
                    return new Held(0, 0, reused);
                }
                insert.executeBatch();
            }
            return new Held(added, already, List.of());
        });
    }

    @Override
    public List<LaoCount> byLao() throws StoreException {
        return store.read(c -> {
            List<LaoCount> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT lao_code, count(*), sum(state = 'DELIVERED'), sum(state = 'REFUSED')
                    FROM relay_envelope GROUP BY lao_code ORDER BY lao_code""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new LaoCount(r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4)));
                }
            }
            return out;
        });
    }

    @Override
    public List<Carried> carried() throws StoreException {
        return store.read(c -> {
            List<Carried> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, submission_id, domain, revision, state, attempts, imported_at, updated_at, receipt, refusal,
                           last_error, lao_code
                    FROM relay_envelope ORDER BY lao_code, id""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Carried(r.getString(12), new OutboxEntry(r.getLong(1), r.getString(2), r.getString(3),
                            r.getInt(4), OutboxItem.State.valueOf(r.getString(5)), r.getInt(6), Instant.parse(r.getString(7)),
                            Instant.parse(r.getString(8)), r.getBytes(9), r.getString(10), r.getString(11), null, null)));
                }
            }
            return out;
        });
    }

    @Override
    public List<HeldReceipt> receipts(String laoCode) throws StoreException {
        return store.read(c -> {
            List<HeldReceipt> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT submission_id, receipt FROM relay_envelope
                    WHERE lao_code = ? AND state = 'DELIVERED' ORDER BY id""")) {
                s.setString(1, laoCode);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new HeldReceipt(r.getString(1), r.getBytes(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<OutboxItem> undelivered() throws StoreException {
        return queue.undelivered();
    }

    @Override
    public List<OutboxEntry> entries(int max) throws StoreException {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max);
        }
        return store.read(c -> {
            List<OutboxEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, submission_id, domain, revision, state, attempts, imported_at, updated_at, receipt, refusal,
                           last_error
                    FROM relay_envelope ORDER BY id DESC LIMIT ?""")) {
                s.setInt(1, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new OutboxEntry(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                                OutboxItem.State.valueOf(r.getString(5)), r.getInt(6), Instant.parse(r.getString(7)),
                                Instant.parse(r.getString(8)), r.getBytes(9), r.getString(10), r.getString(11), null, null));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Outgoing> queued(int max) throws StoreException {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max);
        }
        return store.read(c -> {
            List<Outgoing> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, submission_id, payload, digest, signature, key_id FROM relay_envelope
                    WHERE state IN ('QUEUED', 'SENDING') ORDER BY id LIMIT ?""")) {
                s.setInt(1, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Outgoing(r.getLong(1), r.getString(2), r.getBytes(3), r.getString(4), r.getBytes(5),
                                r.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void markDelivered(String submissionId, byte[] receipt) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE relay_envelope SET state = 'DELIVERED', receipt = ?, updated_at = ? WHERE submission_id = ?")) {
                s.setBytes(1, receipt);
                s.setString(2, now.toString());
                s.setString(3, submissionId);
                if (s.executeUpdate() != 1) {
                    throw Revisions.failure(store, StoreException.Problem.CONFLICT, "no relayed envelope " + submissionId);
                }
            }
            return null;
        });
    }

    @Override
    public void markRefused(String submissionId, String refusal) throws StoreException {
        queue.markRefused(submissionId, refusal);
    }

    @Override
    public void recordAttempt(List<String> submissionIds, String error) throws StoreException {
        queue.recordAttempt(submissionIds, error);
    }
}
