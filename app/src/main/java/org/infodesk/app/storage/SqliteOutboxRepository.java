package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;

/** {@link OutboxRepository} on the SQLite store. */
public final class SqliteOutboxRepository implements OutboxRepository {

    private final Store store;

    public SqliteOutboxRepository(Store store) {
        this.store = store;
    }

    @Override
    public List<OutboxItem> undelivered() throws StoreException {
        return store.read(c -> {
            List<OutboxItem> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, submission_id, state, attempts, created_at FROM outbox_item
                    WHERE state <> 'DELIVERED' ORDER BY id""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new OutboxItem(r.getLong(1), r.getString(2), OutboxItem.State.valueOf(r.getString(3)),
                            r.getInt(4), Instant.parse(r.getString(5))));
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
                    "UPDATE outbox_item SET state = 'DELIVERED', receipt = ?, updated_at = ? WHERE submission_id = ?")) {
                s.setBytes(1, receipt);
                s.setString(2, now.toString());
                s.setString(3, submissionId);
                if (s.executeUpdate() != 1) {
                    throw Revisions.failure(store, StoreException.Problem.CONFLICT, "no outbox item " + submissionId);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE domain_revision SET state = 'DELIVERED', updated_at = ?
                    WHERE id = (SELECT revision_id FROM certified_snapshot WHERE submission_id = ?)
                      AND state IN ('CERTIFIED', 'QUEUED')""")) {
                s.setString(1, now.toString());
                s.setString(2, submissionId);
                s.executeUpdate();
            }
            return null;
        });
    }
}
