package org.infodesk.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync in the background for an enrolled installation: the {@link OutboxWorker} delivers the
 * outbox, and the {@link Puller} pulls what the server has for this office (reviewers' decisions)
 * at start, after each round that emptied the queue, and every {@link #PULL_EVERY}. Both run on
 * one scheduler thread, one step at a time. What they come to is told to the listener on that
 * thread. Stopped when the app closes.
 */
public final class SyncEngine implements SyncControl {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** How often the server is asked for changes while nothing else makes the app ask. */
    public static final Duration PULL_EVERY = Duration.ofMinutes(10);

    /** What the engine tells the screens. */
    public interface Listener {
        /** The outbox's status changed. */
        void status(OutboxWorker.Status status);

        /** A pull ended. */
        void pulled(Puller.Result result);
    }

    private final Scheduler scheduler;
    private final OutboxWorker worker;
    private final Puller puller;
    private final Listener listener;
    // touched on the scheduler's thread only
    private OutboxWorker.Phase lastPhase = OutboxWorker.Phase.IDLE;
    private Scheduler.Planned nextPull;
    private volatile boolean stopped;
    /** Someone asked (start, send now): pull after this round even if it delivered nothing. */
    private volatile boolean pullAsked;
    /** The last delivery when the last pull began (scheduler thread). */
    private java.time.Instant deliveryAtPull;

    /**
     * @param link        the link to the enrolled server, through the office's proxy
     * @param deviceKeyId the key id of this installation's device key
     */
    public SyncEngine(ServerAccount account, ServerLink link, OutboxRepository outbox, PullRepository pulls, String deviceKeyId,
            Scheduler scheduler, Listener listener) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.listener = Objects.requireNonNull(listener);
        OutboxSender sender = new OutboxSender(outbox, link, account, deviceKeyId,
                new Backoff(Backoff.FIRST, Backoff.MOST, new SplittableRandom()));
        this.worker = new OutboxWorker(sender, link, outbox, scheduler, this::statusChanged);
        this.puller = new Puller(link, account, pulls);
    }

    /** The engine of an enrolment on its own daemon thread, with the app's proxy and the system clock. */
    public static SyncEngine onThread(ServerAccount account, ProxySettings proxy, OutboxRepository outbox, PullRepository pulls,
            String deviceKeyId, Listener listener) {
        ServerLink link = new ServerLink(proxy.client(), account.server(), Clock.systemUTC());
        return new SyncEngine(account, link, outbox, pulls, deviceKeyId, Scheduler.onThread("infodesk-sync"), listener);
    }

    /** Starts: a round of sending (which pulls once the queue is empty). */
    public void start() {
        pullAsked = true;
        worker.start();
    }

    /** The latest status of the outbox. */
    public OutboxWorker.Status status() {
        return worker.status();
    }

    @Override
    public void sendNow() {
        if (!stopped) {
            pullAsked = true;
            worker.sendNow();
        }
    }

    @Override
    public void pause() {
        worker.pause();
    }

    /**
     * Something may have been certified: sends it now, unless the user paused or a person must act
     * first. Pulls afterwards only if something was delivered (the dashboard nudges at every visit).
     */
    public void nudge() {
        OutboxWorker.Phase phase = worker.status().phase();
        if (!stopped && (phase == OutboxWorker.Phase.IDLE || phase == OutboxWorker.Phase.WAITING)) {
            worker.sendNow();
        }
    }

    /** Stops sending and pulling (the app is closing, or the device enrols again). */
    public void stop() {
        stopped = true;
        worker.pause();
        scheduler.schedule(() -> {
            if (nextPull != null) {
                nextPull.cancel();
            }
        }, Duration.ZERO);
    }

    // ------------------------------------------------------------------ on the scheduler's thread

    private void statusChanged(OutboxWorker.Status status) {
        listener.status(status);
        boolean emptied = lastPhase == OutboxWorker.Phase.SENDING && status.phase() == OutboxWorker.Phase.IDLE;
        lastPhase = status.phase();
        boolean delivered = status.lastDelivery() != null && !status.lastDelivery().equals(deliveryAtPull);
        if (emptied && !stopped && (pullAsked || delivered)) {
            pullNow();
        }
    }

    private void pullNow() {
        if (nextPull != null) {
            nextPull.cancel();
        }
        pullAsked = false;
        deliveryAtPull = worker.status().lastDelivery();
        Puller.Result result;
        try {
            result = puller.pull();
        } catch (StoreException | RuntimeException e) {
            LOG.error("pulling changes failed", e);
            result = new Puller.Result.Later(Exchange.Trouble.UNREACHABLE, Duration.ZERO, "the store failed: " + e.getMessage());
        }
        if (result instanceof Puller.Result.Later later) {
            LOG.info("pull waits: {} ({})", later.trouble(), later.detail());
        } else if (result instanceof Puller.Result.Refused refused) {
            LOG.warn("pull refused: {}", refused.action());
        }
        listener.pulled(result);
        if (!stopped) {
            nextPull = scheduler.schedule(this::pullNow, PULL_EVERY);
        }
    }
}
