package org.infodesk.app.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.protocol.wire.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox in the background (DESIGN §7): batch after batch while the server takes
 * them; after a failure it waits as the {@link OutboxSender} says, and while it waits because
 * the server could not be reached it asks the server itself ({@link ServerLink#probe()}) every
 * {@link #PROBE_EVERY} and goes on at once when it answers: the operating system's idea of
 * "online" is not asked. It stops only on a refusal a person must deal with (enrolment, update,
 * proxy) and on {@link #pause()}; {@link #sendNow()} goes on at once, whatever it was waiting for.
 * Every change is told to the listener as a {@link Status}, on the scheduler's thread.
 * Thread-safe: every step runs on the scheduler's one thread.
 */
public final class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** How often the server is asked whether it is back while the outbox waits for it. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(15);

    /** What the outbox is doing. */
    public enum Phase {
        /** Nothing to send. */
        IDLE,
        /** A batch is on its way. */
        SENDING,
        /** The last attempt failed; the next is planned ({@link Status#nextAttempt()}). */
        WAITING,
        /** Paused by the user; {@link #sendNow()} goes on. */
        PAUSED,
        /** Stopped by a refusal a person must deal with ({@link Status#stoppedFor()}). */
        STOPPED
    }

    /**
     * The outbox as the sync screen shows it.
     *
     * @param queued      items waiting to be delivered
     * @param refused     items the server refused for good, set aside
     * @param lastDelivery when an item was last delivered in this run, or null
     * @param nextAttempt when sending is tried again ({@link Phase#WAITING}), else null
     * @param trouble     why it waits ({@link Phase#WAITING}), else null
     * @param stoppedFor  what a person must do ({@link Phase#STOPPED}), else null
     * @param problem     the server's problem behind a stop, when it gave one
     * @param detail      the last failure, in English, for the log
     */
    public record Status(Phase phase, int queued, int refused, Instant lastDelivery, Instant nextAttempt,
                         Exchange.Trouble trouble, Exchange.Action stoppedFor, Problem problem, String detail) {
        public Status {
            Objects.requireNonNull(phase);
        }
    }

    private final OutboxSender sender;
    private final ServerLink link;
    private final OutboxRepository outbox;
    private final Scheduler scheduler;
    private final Consumer<Status> listener;

    // Touched only on the scheduler's thread.
    private Scheduler.Planned nextRound;
    private Scheduler.Planned nextProbe;
    private Instant waitUntil;
    private Instant lastDelivery;
    private Phase phase = Phase.IDLE;
    private volatile Status status;

    public OutboxWorker(OutboxSender sender, ServerLink link, OutboxRepository outbox, Scheduler scheduler, Consumer<Status> listener) {
        this.sender = Objects.requireNonNull(sender);
        this.link = Objects.requireNonNull(link);
        this.outbox = Objects.requireNonNull(outbox);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.listener = Objects.requireNonNull(listener);
        this.status = new Status(Phase.IDLE, 0, 0, null, null, null, null, null, null);
    }

    /** The latest status told to the listener. */
    public Status status() {
        return status;
    }

    /** Starts sending (at the app's start, and after each certification): the same as {@link #sendNow()}. */
    public void start() {
        sendNow();
    }

    /** Sends at once: ends a wait, a pause or a stop (the user has dealt with its cause, or wants to try). */
    public void sendNow() {
        scheduler.schedule(() -> {
            cancelPlans();
            phase = Phase.IDLE;
            round();
        }, Duration.ZERO);
    }

    /** Stops sending after the batch on its way, until {@link #sendNow()}. */
    public void pause() {
        scheduler.schedule(() -> {
            cancelPlans();
            phase = Phase.PAUSED;
            publish(null, null, null, null, null);
        }, Duration.ZERO);
    }

    // ------------------------------------------------------------------ on the scheduler's thread

    private void round() {
        if (phase == Phase.PAUSED || phase == Phase.STOPPED) {
            return;
        }
        phase = Phase.SENDING;
        publish(null, null, null, null, null);
        OutboxSender.Round round;
        try {
            round = sender.sendBatch();
        } catch (StoreException | RuntimeException e) {
            // The store (or a bug) failed: nothing was recorded wrongly (each item's change is one
            // transaction); try again after the longest wait, as after a network failure.
            LOG.error("sending the outbox failed; trying again in {}", Backoff.MOST, e);
            round = new OutboxSender.Round.Wait(Backoff.MOST, Exchange.Trouble.UNREACHABLE, "the store failed: " + e.getMessage());
        }
        if (round instanceof OutboxSender.Round.Sent sent) {
            if (sent.delivered() > 0) {
                lastDelivery = scheduler.now();
            }
            nextRound = scheduler.schedule(this::round, Duration.ZERO);
        } else if (round instanceof OutboxSender.Round.Idle) {
            phase = Phase.IDLE;
            publish(null, null, null, null, null);
        } else if (round instanceof OutboxSender.Round.Wait wait) {
            phase = Phase.WAITING;
            LOG.info("sending waits {}: {} ({})", wait.delay(), wait.trouble(), wait.detail());
            waitUntil = scheduler.now().plus(wait.delay());
            nextRound = scheduler.schedule(this::round, wait.delay());
            if (wait.trouble() != Exchange.Trouble.SERVER_BUSY && wait.delay().compareTo(PROBE_EVERY) > 0) {
                nextProbe = scheduler.schedule(this::probe, PROBE_EVERY);
            }
            publish(waitUntil, wait.trouble(), null, null, wait.detail());
        } else if (round instanceof OutboxSender.Round.Stopped stopped) {
            LOG.warn("sending stopped: {} ({})", stopped.action(), stopped.problem() == null ? "a proxy" : stopped.problem().code());
            phase = Phase.STOPPED;
            publish(null, null, stopped.action(), stopped.problem(),
                    stopped.problem() == null ? stopped.action().name() : stopped.problem().code() + ": " + stopped.problem().detail());
        }
    }

    /** While waiting for the server: if it answers now, send now; else ask again later. */
    private void probe() {
        nextProbe = null;
        if (phase != Phase.WAITING) {
            return;
        }
        if (link.probe() instanceof Exchange.Answered<Boolean>) {
            cancelPlans();
            round();
        } else if (scheduler.now().plus(PROBE_EVERY).isBefore(waitUntil)) {
            nextProbe = scheduler.schedule(this::probe, PROBE_EVERY);
        }
    }

    private void cancelPlans() {
        if (nextRound != null) {
            nextRound.cancel();
            nextRound = null;
        }
        if (nextProbe != null) {
            nextProbe.cancel();
            nextProbe = null;
        }
    }

    private void publish(Instant nextAttempt, Exchange.Trouble trouble, Exchange.Action stoppedFor, Problem problem, String detail) {
        int queued = 0;
        int refused = 0;
        try {
            List<OutboxItem> undelivered = outbox.undelivered();
            for (OutboxItem item : undelivered) {
                if (item.state() == OutboxItem.State.REFUSED) {
                    refused++;
                } else {
                    queued++;
                }
            }
        } catch (StoreException e) {
            detail = detail == null ? "the outbox could not be counted: " + e.getMessage() : detail;
        }
        status = new Status(phase, queued, refused, lastDelivery, nextAttempt, trouble, stoppedFor, problem, detail);
        listener.accept(status);
    }
}
