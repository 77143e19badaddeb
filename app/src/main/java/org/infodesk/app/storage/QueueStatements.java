package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxItem;

/**
 * The statements that an outbox of this PC's certified items and a district's queue of carried
 * envelopes share: the same columns in two tables ({@code outbox_item}, {@code relay_envelope}).
 * The table and column names are constants of this package, never input.
 */
final class QueueStatements {

    /** The longest error text kept with an item. */
    static final int MAX_ERROR = 2000;

    private final Store store;
    private final String table;
    private final String item;
    private final String queuedAt;

    /**
     * @param item     what a row is called in an error ("outbox item", "relayed envelope")
     * @param queuedAt the column of the time the item joined the queue
     */
    QueueStatements(Store store, String table, String item, String queuedAt) {
        this.store = store;
        this.table = table;
        this.item = item;
        this.queuedAt = queuedAt;
    }

    /** The items not yet delivered, in the order they joined the queue. */
    List<OutboxItem> undelivered() throws StoreException {
        return store.read(c -> {
            List<OutboxItem> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, submission_id, state, attempts, " + queuedAt + " FROM "
                    + table + " WHERE state <> 'DELIVERED' ORDER BY id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new OutboxItem(r.getLong(1), r.getString(2), OutboxItem.State.valueOf(r.getString(3)),
                            r.getInt(4), Instant.parse(r.getString(5))));
                }
            }
            return out;
        });
    }

    /** Sets an undelivered item aside with the server's reasons. */
    void markRefused(String submissionId, String refusal) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table
                    + " SET state = 'REFUSED', refusal = ?, updated_at = ? WHERE submission_id = ? AND state <> 'DELIVERED'")) {
                s.setString(1, refusal);
                s.setString(2, now.toString());
                s.setString(3, submissionId);
                if (s.executeUpdate() != 1) {
                    throw Revisions.failure(store, StoreException.Problem.CONFLICT, "no undelivered " + item + " " + submissionId);
                }
            }
            return null;
        });
    }

    /** Counts an attempt at sending the items still queued, with its error (cut to {@link #MAX_ERROR}). */
    void recordAttempt(List<String> submissionIds, String error) throws StoreException {
        Instant now = store.clock().instant();
        String cut = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE " + table
                    + " SET attempts = attempts + 1, last_error = ?, updated_at = ?"
                    + " WHERE submission_id = ? AND state IN ('QUEUED', 'SENDING')")) {
                for (String id : submissionIds) {
                    s.setString(1, cut);
                    s.setString(2, now.toString());
                    s.setString(3, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
