package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.infodesk.app.data.StoreException;

/**
 * The writes that an outbox of this PC's certified items and a district's queue of carried
 * envelopes share: the same columns in two tables ({@code outbox_item}, {@code relay_envelope}).
 * The table names are constants of this package, never input.
 */
final class QueueStatements {

    /** The longest error text kept with an item. */
    static final int MAX_ERROR = 2000;

    private final Store store;
    private final String table;
    private final String item;

    /** @param item what a row is called in an error ("outbox item", "relayed envelope") */
    QueueStatements(Store store, String table, String item) {
        this.store = store;
        this.table = table;
        this.item = item;
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
