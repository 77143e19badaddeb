package org.infodesk.app.sync;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionProblem;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;

/**
 * Sends the outbox (DESIGN §7, SPEC §4.6 and §4.11), one batch a {@link #sendBatch() round}: the
 * oldest queued items in certification order as one gzip push, then one outcome per item. An item
 * is delivered only by a receipt that verifies with the pinned server key and names the item's id
 * and digest; an item the server refuses for good (conflict, rejected, unauthorised) is set aside
 * with the server's reasons and the queue goes on; anything else leaves the batch queued and says
 * how long to wait. The batch size adapts to the link: smaller after a timeout or a 413, larger
 * after full batches go through. Not thread-safe: one sender per outbox, on one thread.
 */
public final class OutboxSender {

    /** The batch size a sender starts with (SPEC §4.10 allows up to the server's limit). */
    public static final int FIRST_BATCH = 8;

    /** What one round came to. */
    public sealed interface Round {
        /** Nothing is queued. */
        record Idle() implements Round {}

        /**
         * The server answered the batch: {@code delivered} items have a verified receipt, {@code refused}
         * are set aside. (Items that came back without a receipt that verifies make the round a
         * {@link Wait}, after those that did are recorded.)
         */
        record Sent(int delivered, int refused) implements Round {}

        /** Nothing was delivered; try again after {@code delay}. */
        record Wait(Duration delay, Exchange.Trouble trouble, String detail) implements Round {}

        /** The server (or a proxy) refused in a way only a person can change: sending stops. */
        record Stopped(Exchange.Action action, Problem problem) implements Round {}
    }

    private final OutboxRepository outbox;
    private final ServerLink link;
    private final String token;
    private final PublicKey serverKey;
    private final String deviceKeyId;
    private final int mostPerBatch;
    private final Backoff backoff;
    private int batchSize;

    /**
     * @param account     the enrolment: the token, the pinned server key and the batch limit
     * @param deviceKeyId the key id (SPEC §3.5) of this installation's device key, which signed the items
     */
    public OutboxSender(OutboxRepository outbox, ServerLink link, ServerAccount account, String deviceKeyId, Backoff backoff) {
        this.outbox = Objects.requireNonNull(outbox);
        this.link = Objects.requireNonNull(link);
        this.token = account.enrolment().token();
        this.serverKey = account.enrolment().serverKey();
        this.deviceKeyId = Objects.requireNonNull(deviceKeyId);
        this.mostPerBatch = Math.max(1, account.enrolment().limits().maxItemsPerBatch());
        this.backoff = Objects.requireNonNull(backoff);
        this.batchSize = Math.min(FIRST_BATCH, mostPerBatch);
    }

    /** The size of the next batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Sends the next batch and records what came of each item. */
    public Round sendBatch() throws StoreException {
        List<Outgoing> batch = outbox.queued(batchSize);
        if (batch.isEmpty()) {
            backoff.reset();
            return new Round.Idle();
        }
        List<byte[]> envelopes = new ArrayList<>(batch.size());
        for (Outgoing item : batch) {
            // A relayed item names the LAO device's key; this device's own items name its key.
            envelopes.add(SubmissionCodec.envelopeBytes(item.payload(), item.digest(), item.signature(),
                    item.keyId() != null ? item.keyId() : deviceKeyId));
        }
        Exchange<PushResult> exchange = link.push(token, envelopes);
        if (exchange instanceof Exchange.Answered<PushResult> answered) {
            return answered(batch, answered.value());
        }
        if (exchange instanceof Exchange.Refused<PushResult> refused) {
            return refused(batch, refused);
        }
        return later(batch, (Exchange.RetryLater<PushResult>) exchange);
    }

    private Round answered(List<Outgoing> batch, PushResult result) throws StoreException {
        int delivered = 0;
        int refused = 0;
        List<String> unconfirmed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outgoing item = batch.get(i);
            ItemOutcome outcome = result.outcomes().get(i);
            // An envelope the server could not read has no id in its outcome (SPEC §4.6 step 1): the
            // outcomes come in the order sent, so it is this item's; any other id is not.
            boolean ours = outcome.submissionId() == null ? !outcome.outcome().delivered()
                    : outcome.submissionId().toString().equals(item.submissionId());
            if (!ours) {
                unconfirmed.add(item.submissionId());
            } else if (outcome.outcome().delivered()) {
                Receipt receipt = outcome.receipt();
                if (receipt != null && receipt.confirms(serverKey, UUID.fromString(item.submissionId()), item.digest())) {
                    outbox.markDelivered(item.submissionId(), WireCodec.write(receipt));
                    delivered++;
                } else {
                    unconfirmed.add(item.submissionId());
                }
            } else {
                outbox.markRefused(item.submissionId(), new String(WireCodec.write(outcome), StandardCharsets.UTF_8));
                refused++;
            }
        }
        if (!unconfirmed.isEmpty()) {
            // A receipt that does not verify is no receipt (SPEC §4.7): the items wait, as for any failure.
            // The items that were confirmed are recorded; the others wait, so that a server answering
            // bad receipts is not asked again and again at once.
            outbox.recordAttempt(unconfirmed, "no receipt that verifies with the pinned server key");
            return new Round.Wait(backoff.next(Duration.ZERO), Exchange.Trouble.NOT_THE_SERVER, unconfirmed.size()
                    + " of " + batch.size() + " without a receipt that verifies with the pinned server key (" + delivered
                    + " delivered, " + refused + " set aside)");
        } else {
            backoff.reset();
            if (batch.size() == batchSize) {
                batchSize = Math.min(mostPerBatch, batchSize * 2);
            }
        }
        return new Round.Sent(delivered, refused);
    }

    private Round refused(List<Outgoing> batch, Exchange.Refused<PushResult> refused) throws StoreException {
        if (refused.action() != Exchange.Action.SMALLER_BATCH) {
            return new Round.Stopped(refused.action(), refused.problem());
        }
        if (batch.size() > 1) {
            batchSize = Math.max(1, batch.size() / 2);
            return new Round.Sent(0, 0);
        }
        // One item alone is over the server's limits: it can never be sent as it is.
        Outgoing item = batch.get(0);
        ItemOutcome tooLarge = ItemOutcome.refused(UUID.fromString(item.submissionId()), Outcome.REJECTED,
                SubmissionProblem.Code.TOO_LARGE.name(), List.of(), "alone over the server's limit: " + refused.problem().code());
        outbox.markRefused(item.submissionId(), new String(WireCodec.write(tooLarge), StandardCharsets.UTF_8));
        return new Round.Sent(0, 1);
    }

    private Round later(List<Outgoing> batch, Exchange.RetryLater<PushResult> later) throws StoreException {
        if (later.trouble() == Exchange.Trouble.TIMED_OUT) {
            batchSize = Math.max(1, batch.size() / 2);
        }
        outbox.recordAttempt(batch.stream().map(Outgoing::submissionId).toList(), later.trouble() + ": " + later.detail());
        return new Round.Wait(backoff.next(later.notBefore()), later.trouble(), later.detail());
    }
}
