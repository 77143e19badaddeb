package org.infodesk.app.outbox;

import java.time.Instant;

/** One certified submission waiting for (or past) delivery. */
public record OutboxItem(long sequence, String submissionId, State state, int attempts, Instant createdAt) {

    /** Where an item is on its way to the server. */
    public enum State {
        QUEUED,
        SENDING,
        DELIVERED,
        REFUSED
    }
}
