package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, acceptance 2: the app's sync core delivers 500 certified submissions to the real
 * server through a link that drops, delays, cuts requests and answers mid-stream and doubles
 * answers; the server then holds exactly those 500, once each, and every one has a receipt that
 * verifies with the pinned server key.
 */
class DeliveryOverABadLinkTest {

    static final int SUBMISSIONS = 500;

    @TempDir
    Path serverData;
    @TempDir
    Path appData;

    @Test
    void fiveHundredCertifiedSubmissionsArriveExactlyOnceThroughABadLink() throws Exception {
        try (ServerAndApp world = new ServerAndApp(serverData, appData);
             FaultyLink link = new FaultyLink(world.server.port(), 20261126L, 0.4)) {
            List<String> certified = world.certify(SUBMISSIONS);
            ServerAccount account = world.enrol();
            SqliteOutboxRepository outbox = new SqliteOutboxRepository(world.app.store);
            // No kept-alive connections: each request opens one, and so meets a fault of its own.
            ServerLink throughBadLink = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5))
                            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build(),
                    HttpUrl.get("http://127.0.0.1:" + link.port() + "/"), Clock.systemUTC());
            // Batches of at most 8 (a server's limit may be that low): some 60 requests, each through a fault drawn for it.
            ServerAccount smallBatches = new ServerAccount(account.server(), new EnrolmentResponse(account.enrolment().deviceId(),
                    account.enrolment().token(), account.enrolment().serverPublicKey(), account.enrolment().serverKeyId(),
                    account.enrolment().laoCode(), null, new ProtocolLimits(2L << 20, 16L << 20, 8, 1 << 20, 120, 1000)),
                    account.enrolledAt());
            OutboxSender sender = new OutboxSender(outbox, throughBadLink, smallBatches, world.app.keys.keyId(),
                    new Backoff(Backoff.FIRST, Backoff.MOST, new Random(1)));

            int rounds = 0;
            OutboxSender.Round round;
            do {
                // The waits the sender asks for are skipped: the link's faults are what is tested here.
                round = sender.sendBatch();
                assertThat(round).as("round %d", rounds).isNotInstanceOf(OutboxSender.Round.Stopped.class);
                rounds++;
            } while (!(round instanceof OutboxSender.Round.Idle) && rounds < 20 * SUBMISSIONS);

            System.out.printf("%d submissions in %d rounds over %d connections%n", SUBMISSIONS, rounds, link.connections());
            assertThat(round).isInstanceOf(OutboxSender.Round.Idle.class);
            assertThat(world.count("SELECT count(*) FROM submission WHERE lao_code = ?", ServerAndApp.LAO)).isEqualTo(SUBMISSIONS);
            assertThat(world.count("SELECT count(DISTINCT submission_id) FROM submission")).isEqualTo(SUBMISSIONS);
            assertThat(outbox.undelivered()).extracting(OutboxItem::submissionId).isEmpty();
            PublicKey serverKey = account.enrolment().serverKey();
            for (String id : certified) {
                Receipt receipt = ServerAndApp.receiptOf(world.app.store, id);
                assertThat(receipt.verifies(serverKey)).isTrue();
                assertThat(receipt.submissionId()).isEqualTo(UUID.fromString(id));
            }
            for (FaultyLink.Fault fault : FaultyLink.Fault.values()) {
                assertThat(link.count(fault)).as("connections with fault " + fault).isPositive();
            }
        }
    }
}
