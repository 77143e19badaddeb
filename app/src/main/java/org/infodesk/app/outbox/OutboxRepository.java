package org.infodesk.app.outbox;

import java.util.List;
import org.infodesk.app.data.StoreException;

/** The queue of certified submissions, in certification order. Items are added by certification. */
public interface OutboxRepository {

    /** Items not yet delivered, in certification order. */
    List<OutboxItem> undelivered() throws StoreException;

    /**
     * Every item, newest first, at most {@code max}: the sync screen's list (delivered ones with
     * their receipt, refused ones with the server's reasons, decisions pulled for them).
     */
    List<OutboxEntry> entries(int max) throws StoreException;

    /** The first {@code max} items waiting to be sent (queued, not refused), in certification order. */
    List<Outgoing> queued(int max) throws StoreException;

    /** Records a verified receipt; the item counts as delivered. */
    void markDelivered(String submissionId, byte[] receipt) throws StoreException;

    /**
     * Records verified receipts, all or none (a receipts bundle carried back from the district
     * office): submission id → the receipt's JSON.
     */
    default void markAllDelivered(java.util.Map<String, byte[]> receipts) throws StoreException {
        for (java.util.Map.Entry<String, byte[]> e : receipts.entrySet()) {
            markDelivered(e.getKey(), e.getValue());
        }
    }

    /**
     * Records that the server refused an item for good (a conflict, a rejection, unauthorised):
     * it is set aside and shown, and the queue goes on without it.
     *
     * @param refusal the server's outcome for the item, as its JSON
     */
    void markRefused(String submissionId, String refusal) throws StoreException;

    /** Records a failed attempt at sending these items: one more attempt each, and why it failed. */
    void recordAttempt(List<String> submissionIds, String error) throws StoreException;
}
