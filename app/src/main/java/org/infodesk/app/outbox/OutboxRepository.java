package org.infodesk.app.outbox;

import java.util.List;
import org.infodesk.app.data.StoreException;

/** The queue of certified submissions, in certification order. Items are added by certification. */
public interface OutboxRepository {

    /** Items not yet delivered, in certification order. */
    List<OutboxItem> undelivered() throws StoreException;

    /** Records a verified receipt; the item counts as delivered. */
    void markDelivered(String submissionId, byte[] receipt) throws StoreException;
}
