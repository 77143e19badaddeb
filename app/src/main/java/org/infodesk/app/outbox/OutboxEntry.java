package org.infodesk.app.outbox;

import java.time.Instant;
import java.util.Objects;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;

/**
 * One item of the outbox as the sync screen lists it: which domain and revision it carries, where
 * it is, and what came of it: the receipt (delivered), the server's reasons (refused), the last
 * failed attempt, and the reviewer's decision once pulled.
 *
 * @param receipt   the verified receipt's JSON (delivered), else null
 * @param refusal   the server's outcome for the item as its JSON (refused), else null
 * @param lastError why the last attempt failed, in English for the log, or null
 * @param updatedAt when the item last changed state (for a delivered item: when its receipt was kept)
 * @param verdict   {@code ACCEPTED} or {@code RETURNED} once a reviewer decided, else null
 * @param comment   the reviewer's comment on a return, else null
 */
public record OutboxEntry(long sequence, String submissionId, String domain, int revision, OutboxItem.State state,
        int attempts, Instant createdAt, Instant updatedAt, byte[] receipt, String refusal, String lastError,
        String verdict, String comment) {

    public OutboxEntry {
        Objects.requireNonNull(submissionId);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(state);
    }

    /**
     * When the server received the item, as its receipt says; for a receipt that no longer reads
     * (it was verified when it came), when it was kept.
     */
    public Instant receivedAt() {
        if (receipt != null) {
            try {
                return WireCodec.read(receipt, Receipt.class).receivedAt();
            } catch (WireException | RuntimeException unreadable) {
                // shown by when it was kept
            }
        }
        return updatedAt;
    }
}
