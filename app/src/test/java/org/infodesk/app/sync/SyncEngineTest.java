package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.Routes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background sync: the outbox worker's rounds, then a pull once the queue is empty, and pulls on a schedule. */
class SyncEngineTest {

    @TempDir
    Path folder;
    SyncFixture world;
    ManualScheduler scheduler;
    final List<OutboxWorker.Status> statuses = new CopyOnWriteArrayList<>();
    final List<Puller.Result> pulls = new CopyOnWriteArrayList<>();
    SyncEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        world = new SyncFixture(folder);
        Dispatcher pushes = world.goodServer();
        world.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals(Routes.PULL.path())) {
                    return PullerTest.page("1.LOG.7", false);
                }
                return pushes.dispatch(request);
            }
        });
        scheduler = new ManualScheduler(SyncFixture.RECEIVED);
        engine = new SyncEngine(world.account(ProtocolLimits.DEFAULT), world.link(new MutableClock(SyncFixture.RECEIVED)),
                world.outbox, new SqlitePullRepository(world.store), world.keys.keyId(), scheduler, new SyncEngine.Listener() {
                    @Override
                    public void status(OutboxWorker.Status status) {
                        statuses.add(status);
                    }

                    @Override
                    public void pulled(Puller.Result result) {
                        pulls.add(result);
                    }
                });
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void aRoundThatEmptiesTheQueueIsFollowedByAPullAndPullsComeAgainOnTheirSchedule() throws Exception {
        engine.start();
        scheduler.runDue();

        assertThat(world.outbox.undelivered()).isEmpty();
        assertThat(engine.status().phase()).isEqualTo(OutboxWorker.Phase.IDLE);
        assertThat(pulls).singleElement().isEqualTo(new Puller.Result.Pulled(0, false));

        scheduler.advance(SyncEngine.PULL_EVERY);

        assertThat(pulls).hasSize(2);
    }

    @Test
    void aNudgeSendsWhenIdleButNotWhenTheUserPaused() throws Exception {
        engine.pause();
        scheduler.runDue();

        engine.nudge();
        scheduler.runDue();

        assertThat(engine.status().phase()).isEqualTo(OutboxWorker.Phase.PAUSED);
        assertThat(world.outbox.undelivered()).isNotEmpty();

        engine.sendNow();
        scheduler.runDue();

        assertThat(world.outbox.undelivered()).isEmpty();
    }

    @Test
    void aNudgeWithNothingDeliveredDoesNotPullButSendNowDoes() throws Exception {
        engine.start();
        scheduler.runDue();
        assertThat(pulls).hasSize(1);

        engine.nudge();
        scheduler.runDue();

        assertThat(pulls).as("the dashboard nudges at every visit: no pull for nothing sent").hasSize(1);

        engine.sendNow();
        scheduler.runDue();

        assertThat(pulls).hasSize(2);
    }

    @Test
    void onceStoppedNothingIsSentOrPulled() throws Exception {
        engine.stop();
        engine.sendNow();
        scheduler.runDue();
        scheduler.advance(SyncEngine.PULL_EVERY);

        assertThat(world.outbox.undelivered()).isNotEmpty();
        assertThat(pulls).isEmpty();
    }
}
