package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.outbox.Outgoing;

/** {@link OutboxRepository} on the SQLite store. */
public final class SqliteOutboxRepository implements OutboxRepository {

    private final Store store;
    private final QueueStatements queue;

    public SqliteOutboxRepository(Store store) {
        this.store = store;
        this.queue = new QueueStatements(store, "outbox_item", "outbox item", "created_at");
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
                    SELECT o.id, o.submission_id, r.domain, r.revision, o.state, o.attempts, o.created_at, o.updated_at,
                           o.receipt, o.refusal, o.last_error, d.verdict, d.comment
                    FROM outbox_item o
                    JOIN certified_snapshot s ON s.submission_id = o.submission_id
                    JOIN domain_revision r ON r.id = s.revision_id
                    LEFT JOIN review_decision d ON d.submission_id = o.submission_id
                    ORDER BY o.id DESC LIMIT ?""")) {
                s.setInt(1, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new OutboxEntry(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4),
                                OutboxItem.State.valueOf(r.getString(5)), r.getInt(6), Instant.parse(r.getString(7)),
                                Instant.parse(r.getString(8)), r.getBytes(9), r.getString(10), r.getString(11),
                                r.getString(12), r.getString(13)));
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
                    SELECT o.id, o.submission_id, s.payload, s.digest, s.signature
                    FROM outbox_item o JOIN certified_snapshot s ON s.submission_id = o.submission_id
                    WHERE o.state IN ('QUEUED', 'SENDING') ORDER BY o.id LIMIT ?""")) {
                s.setInt(1, max);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Outgoing(r.getLong(1), r.getString(2), r.getBytes(3), r.getString(4), r.getBytes(5)));
                    }
                }
            }
            return out;
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

    @Override
    public void markDelivered(String submissionId, byte[] receipt) throws StoreException {
        markAllDelivered(java.util.Map.of(submissionId, receipt));
    }

    @Override
    public void markAllDelivered(java.util.Map<String, byte[]> receipts) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            try (PreparedStatement item = c.prepareStatement(
                         "UPDATE outbox_item SET state = 'DELIVERED', receipt = ?, updated_at = ? WHERE submission_id = ?");
                 PreparedStatement revision = c.prepareStatement("""
                         UPDATE domain_revision SET state = 'DELIVERED', updated_at = ?
                         WHERE id = (SELECT revision_id FROM certified_snapshot WHERE submission_id = ?)
                           AND state IN ('CERTIFIED', 'QUEUED')""")) {
                for (java.util.Map.Entry<String, byte[]> e : receipts.entrySet()) {
                    item.setBytes(1, e.getValue());
                    item.setString(2, now.toString());
                    item.setString(3, e.getKey());
                    if (item.executeUpdate() != 1) {
                        throw Revisions.failure(store, StoreException.Problem.CONFLICT, "no outbox item " + e.getKey());
                    }
                    revision.setString(1, now.toString());
                    revision.setString(2, e.getKey());
                    revision.executeUpdate();
                }
            }
            return null;
        });
    }
}
