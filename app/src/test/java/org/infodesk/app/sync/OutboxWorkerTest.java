package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox in the background, on a hand-moved clock: it sends batch after batch, waits after a
 * failure, asks the server itself whether it is back and goes on as soon as it is, honours the
 * server's "later", and stops only for what a person must do.
 */
class OutboxWorkerTest {

    /** Two items a batch, so that the sample's domains take several rounds. */
    static final ProtocolLimits TWO_A_BATCH = new ProtocolLimits(2L << 20, 16L << 20, 2, 1 << 20, 120, 1000);
    /** Back-off starting at a minute, so that a wait is long enough to be probed. */
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);

    @TempDir
    Path folder;
    SyncFixture world;
    ManualScheduler clock;
    OutboxWorker worker;
    List<OutboxWorker.Status> told;
    /** What the scripted server does with the next request; the good server's answers when null. */
    final AtomicReference<MockResponse> scripted = new AtomicReference<>();
    volatile boolean down;

    @BeforeEach
    void setUp() throws Exception {
        world = new SyncFixture(folder);
        clock = new ManualScheduler(SyncFixture.RECEIVED);
        Dispatcher good = world.goodServer();
        world.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (down) {
                    return SyncFixture.portalPage();
                }
                MockResponse once = scripted.getAndSet(null);
                return once != null ? once : good.dispatch(request);
            }
        });
        ServerLink link = world.link(new MutableClock(SyncFixture.RECEIVED));
        OutboxSender sender = world.sender(link, TWO_A_BATCH, new Backoff(FIRST_WAIT, Duration.ofMinutes(30), new Random(3)));
        told = new ArrayList<>();
        worker = new OutboxWorker(sender, link, world.outbox, clock, told::add);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void sendsBatchAfterBatchUntilTheQueueIsEmptyAndThenIdles() throws Exception {
        int items = SyncFixture.certified().size();

        worker.start();
        clock.runDue();

        assertThat(world.server.getRequestCount()).isEqualTo((items + 1) / 2);
        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(worker.status().queued()).isZero();
        assertThat(worker.status().lastDelivery()).isEqualTo(SyncFixture.RECEIVED);
        assertThat(told).extracting(OutboxWorker.Status::phase).contains(OutboxWorker.Phase.SENDING);
        assertThat(clock.nextDue()).as("nothing planned when idle").isNull();
    }

    @Test
    void whileTheServerCannotBeReachedItIsProbedAndSendingGoesOnAsSoonAsItAnswers() throws Exception {
        down = true;
        worker.start();
        clock.runDue();
        OutboxWorker.Status waiting = worker.status();
        assertThat(waiting.phase()).isEqualTo(OutboxWorker.Phase.WAITING);
        assertThat(waiting.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER);
        assertThat(waiting.nextAttempt()).isAfter(SyncFixture.RECEIVED.plus(OutboxWorker.PROBE_EVERY.multipliedBy(2)));

        clock.advance(OutboxWorker.PROBE_EVERY);
        int afterOneProbe = world.server.getRequestCount();
        assertThat(worker.status().phase()).as("a portal's page is not the server").isEqualTo(OutboxWorker.Phase.WAITING);
        down = false;
        clock.advance(OutboxWorker.PROBE_EVERY);

        assertThat(world.server.getRequestCount()).isGreaterThan(afterOneProbe);
        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(worker.status().queued()).isZero();
        assertThat(clock.now()).isBefore(waiting.nextAttempt());
    }

    @Test
    void aServerThatSaysLaterIsNotProbedAndIsAskedAgainOnlyAfterItsRetryAfter() throws Exception {
        scripted.set(new MockResponse.Builder(SyncFixture.problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "600").build());
        worker.start();
        clock.runDue();
        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.WAITING);
        assertThat(worker.status().trouble()).isEqualTo(Exchange.Trouble.SERVER_BUSY);

        clock.advance(Duration.ofSeconds(599));
        assertThat(world.server.getRequestCount()).as("no probe, no push before the server's time").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));

        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(worker.status().queued()).isZero();
    }

    @Test
    void aRevokedDeviceStopsSendingUntilSendNow() throws Exception {
        scripted.set(SyncFixture.problem(ProblemCode.DEVICE_REVOKED));
        worker.start();
        clock.runDue();

        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.STOPPED);
        assertThat(worker.status().stoppedFor()).isEqualTo(Exchange.Action.ENROL_AGAIN);
        assertThat(worker.status().problem().code()).isEqualTo(ProblemCode.DEVICE_REVOKED);
        clock.advance(Duration.ofHours(6));
        assertThat(world.server.getRequestCount()).isEqualTo(1);

        worker.sendNow();
        clock.runDue();

        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(worker.status().queued()).isZero();
    }

    @Test
    void pauseCallsOffTheNextAttemptAndSendNowGoesOnAtOnce() throws Exception {
        down = true;
        worker.start();
        clock.runDue();
        worker.pause();
        clock.runDue();
        int requests = world.server.getRequestCount();

        clock.advance(Duration.ofHours(1));
        assertThat(world.server.getRequestCount()).as("no attempt and no probe while paused").isEqualTo(requests);
        assertThat(worker.status().phase()).isEqualTo(OutboxWorker.Phase.PAUSED);
        down = false;
        worker.sendNow();
        clock.runDue();

        assertThat(worker.status().phase()).as(String.valueOf(worker.status())).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(worker.status().queued()).isZero();
    }
}
