package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.storage.crash.ChildJvm;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 3: the app's sync core, in a process of its own ({@link SyncChild}), is
 * killed with SIGKILL at random moments while it sends to the real server, {@code sync.kills}
 * times (100 by default), and started again each time. Afterwards every certified submission is
 * on the server exactly once, and the office's outbox has a verifying receipt for each.
 *
 * <p>The kill moment is chosen by the child's own output, not by a clock: after K rounds (K random
 * in 0..2, 0 meaning as soon as it is ready), while the next round is on its way: in the HTTP
 * exchange, in the server's transaction, or in the store's. {@code -Dsync.seed=N} repeats the K values.
 */
class SyncKillTest {

    static final int KILLS = Integer.getInteger("sync.kills", 100);
    static final int SUBMISSIONS = 240;
    static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path serverData;
    @TempDir
    Path appData;
    @TempDir
    Path temp;

    @Test
    void everySubmissionIsOnTheServerExactlyOnceWhateverMomentsTheSenderIsKilledAt() throws Exception {
        long seed = Long.getLong("sync.seed", System.nanoTime());
        Random random = new Random(seed);
        try (ServerAndApp world = new ServerAndApp(serverData, appData)) {
            List<String> certified = world.certify(SUBMISSIONS);
            world.enrol();
            world.closeApp();
            String server = world.serverUrl().toString();
            ChildJvm.Launch launch = ChildJvm.Launch.ofTestClassPath().withClassDataSharing(temp.resolve("cds"), SyncChild.class,
                    LINE_TIMEOUT, child -> child.awaitLine("DONE", LINE_TIMEOUT), trainingFolder(appData).toString(), unreachable(), "--once");

            Map<Phase, Integer> kills = new EnumMap<>(Phase.class);
            int killed = 0;
            // One child is always started ahead and warms up on a scratch copy while the one before it works.
            ChildJvm next = warm(launch, 0, server);
            while (killed < KILLS) {
                int rounds = random.nextInt(3);
                try (ChildJvm child = next) {
                    child.awaitLine("WARM", LINE_TIMEOUT);
                    next = warm(launch, killed + 1, server);
                    child.send("GO");
                    child.awaitLine("READY", LINE_TIMEOUT);
                    boolean done = false;
                    for (int i = 0; i < rounds && !done; i++) {
                        String line = child.nextLine(LINE_TIMEOUT);
                        done = line == null || line.equals("ROUND Idle");
                    }
                    if (done) {
                        break; // everything was delivered before this kill: the rest of the kills have nothing to hit
                    }
                    child.kill(LINE_TIMEOUT);
                    kills.merge(rounds == 0 ? Phase.AT_START : Phase.MID_QUEUE, 1, Integer::sum);
                    killed++;
                }
            }
            next.kill(LINE_TIMEOUT);
            next.close();
            System.out.printf("sync kill test: seed %d, %d kills %s, %d submissions%n", seed, killed, kills, SUBMISSIONS);
            try (ChildJvm last = launch.start(SyncChild.class, temp.resolve("last.stderr"), appData.toString(), server)) {
                last.awaitLine("DONE", Duration.ofMinutes(5));
                assertThat(last.waitFor(LINE_TIMEOUT)).isZero();
            }

            assertThat(killed).as("kills before the queue ran dry (seed %d)", seed).isGreaterThanOrEqualTo(Math.min(KILLS, 50));
            assertThat(world.count("SELECT count(*) FROM submission WHERE lao_code = ?", ServerAndApp.LAO)).isEqualTo(SUBMISSIONS);
            assertThat(world.count("SELECT count(DISTINCT submission_id) FROM submission")).isEqualTo(SUBMISSIONS);
            try (Store store = StoreFixture.open(appData)) {
                assertThat(new SqliteOutboxRepository(store).undelivered()).isEmpty();
                PublicKey serverKey = new SqliteAccountRepository(store).current().orElseThrow().enrolment().serverKey();
                for (String id : certified) {
                    Receipt receipt = ServerAndApp.receiptOf(store, id);
                    // the receipt names what the office certified, not merely what the server says it holds
                    assertThat(receipt.confirms(serverKey, UUID.fromString(id), ServerAndApp.digestOf(store, id))).isTrue();
                }
            }
        }
    }

    enum Phase { AT_START, MID_QUEUE }

    /** A child started ahead: it warms up on the training copy, prints WARM and waits for GO before opening the office's folder. */
    private ChildJvm warm(ChildJvm.Launch launch, int n, String server) throws Exception {
        return launch.start(SyncChild.class, temp.resolve("child-" + n + ".stderr"), appData.toString(), server,
                "--warm", temp.resolve("training").toString());
    }

    /** A copy of the office's folder for the training run (which must not touch the real one). */
    private Path trainingFolder(Path office) throws Exception {
        Path copy = temp.resolve("training");
        try (var files = Files.walk(office)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(office.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    /** An address where nothing listens: the training run's one round waits, and it exits. */
    private static String unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }
}
