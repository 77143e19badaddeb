package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.wire.ConflictHead;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox against a scripted server, on a real store of really certified domains: each way a
 * push can go wrong ends in its state (SPEC §4.6, §4.7, §4.11), and an item counts as delivered
 * only with a receipt that verifies with the pinned key and names the item.
 */
class OutboxSenderTest {

    static final KeyPair OTHER_KEY = Ed25519Keys.generate();

    @TempDir
    Path folder;
    SyncFixture world;
    SqliteOutboxRepository outbox;
    MockWebServer server;
    OutboxSender sender;
    List<String> certified;

    @BeforeEach
    void setUp() throws Exception {
        world = new SyncFixture(folder);
        certified = SyncFixture.certified();
        outbox = world.outbox;
        server = world.server;
        sender = world.sender(world.link(new MutableClock(SyncFixture.RECEIVED)), ProtocolLimits.DEFAULT,
                new Backoff(Backoff.FIRST, Backoff.MOST, new Random(7)));
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    // ------------------------------------------------------------------ delivered

    @Test
    void receiptsThatVerifyDeliverTheBatchInCertificationOrderAndTheNextBatchIsLarger() throws Exception {
        server.enqueue(SyncFixture.answer(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED)));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(certified.size(), 0));
        assertThat(SyncFixture.sentIds(server.takeRequest())).containsExactlyElementsOf(certified);
        assertThat(outbox.undelivered()).isEmpty();
        assertThat(receiptOf(certified.get(0))).isNotNull();
        assertThat(domainState(certified.get(0))).isEqualTo("DELIVERED");
        assertThat(sender.sendBatch()).isEqualTo(new OutboxSender.Round.Idle());
    }

    @Test
    void theEnvelopesSentAreTheCertifiedOnesAndVerifyWithTheDeviceKey() throws Exception {
        server.enqueue(SyncFixture.answer(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED)));

        sender.sendBatch();

        for (byte[] bytes : SyncFixture.envelopes(server.takeRequest())) {
            SubmissionEnvelope envelope = SyncFixture.CODEC.read(bytes);
            SyncFixture.CODEC.verify(envelope, world.keys.publicKey());
        }
    }

    @Test
    void aResetAfterTheServerStoredTheBatchIsResentAndTheDuplicateCountsAsDelivered() throws Exception {
        server.enqueue(new MockResponse.Builder(SyncFixture.answer(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED)))
                .onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(SyncFixture.answer(outcomes(SyncFixture.SERVER_KEY, Outcome.DUPLICATE)));

        OutboxSender.Round first = sender.sendBatch();
        OutboxSender.Round second = sender.sendBatch();

        assertThat(first).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.UNREACHABLE));
        assertThat(second).isEqualTo(new OutboxSender.Round.Sent(certified.size(), 0));
        assertThat(SyncFixture.sentIds(server.takeRequest())).isEqualTo(SyncFixture.sentIds(server.takeRequest()));
        assertThat(outbox.undelivered()).isEmpty();
    }

    // ------------------------------------------------------------------ set aside, and the queue goes on

    @Test
    void aConflictIsSetAsideWithTheServersReasonAndTheRestIsDelivered() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED));
        outcomes.set(0, ItemOutcome.conflict(UUID.fromString(certified.get(0)), new ConflictHead(UUID.randomUUID(), 3)));
        server.enqueue(SyncFixture.answer(outcomes));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(certified.size() - 1, 1));
        assertThat(outbox.undelivered()).singleElement().satisfies(item -> {
            assertThat(item.submissionId()).isEqualTo(certified.get(0));
            assertThat(item.state()).isEqualTo(OutboxItem.State.REFUSED);
        });
        assertThat(refusalOf(certified.get(0))).contains("NOT_SUPERSEDING");
        assertThat(outbox.queued(100)).as("a refused item is not sent again").isEmpty();
    }

    @Test
    void theSyncScreensListHasEveryItemNewestFirstWithItsDomainReceiptAndRefusal() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED));
        outcomes.set(0, ItemOutcome.conflict(UUID.fromString(certified.get(0)), new ConflictHead(UUID.randomUUID(), 3)));
        server.enqueue(SyncFixture.answer(outcomes));
        sender.sendBatch();

        var entries = outbox.entries(100);

        List<String> newestFirst = new ArrayList<>(certified);
        java.util.Collections.reverse(newestFirst);
        assertThat(entries).extracting(org.infodesk.app.outbox.OutboxEntry::submissionId).containsExactlyElementsOf(newestFirst);
        var refused = entries.get(entries.size() - 1);
        assertThat(refused.state()).isEqualTo(OutboxItem.State.REFUSED);
        assertThat(refused.refusal()).contains("NOT_SUPERSEDING");
        assertThat(org.infodesk.app.storage.StoreFixture.DEFINITION.domain(refused.domain())).isPresent();
        assertThat(refused.revision()).isEqualTo(1);
        assertThat(entries.get(0).state()).isEqualTo(OutboxItem.State.DELIVERED);
        assertThat(WireCodec.read(entries.get(0).receipt(), Receipt.class).receivedAt()).isEqualTo(SyncFixture.RECEIVED);
        assertThat(entries.get(0).verdict()).isNull();
        assertThat(outbox.entries(1)).hasSize(1);
    }

    @Test
    void anEnvelopeTheServerCouldNotReadIsSetAsideByItsPlaceInTheBatch() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED));
        outcomes.set(0, ItemOutcome.refused(null, Outcome.REJECTED, "NOT_CANONICAL", List.of(), "the payload is not canonical"));
        server.enqueue(SyncFixture.answer(outcomes));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(certified.size() - 1, 1));
        assertThat(refusalOf(certified.get(0))).contains("NOT_CANONICAL");
    }

    // ------------------------------------------------------------------ no receipt: stays queued

    @Test
    void aReceiptWithABadSignatureIsNoReceiptAndTheItemsStayQueued() throws Exception {
        server.enqueue(SyncFixture.answer(outcomes(OTHER_KEY, Outcome.ACCEPTED)));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void theItemsWithReceiptsThatVerifyAreDeliveredAndTheOneWithoutWaits() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED));
        outcomes.set(1, world.outcomes(List.of(certified.get(1)), OTHER_KEY, Outcome.ACCEPTED).get(0));
        server.enqueue(SyncFixture.answer(outcomes));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOf(OutboxSender.Round.Wait.class);
        assertThat(outbox.undelivered()).singleElement().satisfies(item -> {
            assertThat(item.submissionId()).isEqualTo(certified.get(1));
            assertThat(item.state()).isEqualTo(OutboxItem.State.QUEUED);
        });
    }

    @Test
    void aMalformedReceiptIsNoAnswerAndTheItemsStayQueued() throws Exception {
        String good = new String(WireCodec.write(new PushResult(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED))), StandardCharsets.UTF_8);
        server.enqueue(SyncFixture.protocol(200, "application/json", good.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\"short\"")));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void aCaptivePortals200PageDeliversNothing() throws Exception {
        server.enqueue(SyncFixture.portalPage());

        assertThat(sender.sendBatch()).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void a500WaitsWithBackOffAndA503WaitsAtLeastItsRetryAfter() throws Exception {
        server.enqueue(SyncFixture.problem(ProblemCode.INTERNAL));
        server.enqueue(new MockResponse.Builder(SyncFixture.problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "120").build());

        OutboxSender.Round first = sender.sendBatch();
        OutboxSender.Round second = sender.sendBatch();

        assertThat(first).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait -> {
            assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.SERVER_BUSY);
            assertThat(wait.delay()).isBetween(Backoff.FIRST.dividedBy(2), Backoff.FIRST);
        });
        assertThat(second).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(120)));
        assertThat(outbox.undelivered()).hasSize(certified.size()).allSatisfy(item -> assertThat(item.attempts()).isEqualTo(2));
    }

    @Test
    void aTimeoutMidBodyWaitsAndHalvesTheBatch() throws Exception {
        server.enqueue(new MockResponse.Builder(SyncFixture.answer(outcomes(SyncFixture.SERVER_KEY, Outcome.ACCEPTED)))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
        OutboxSender sender = world.sender(world.link(new MutableClock(SyncFixture.RECEIVED), Duration.ofMillis(300)),
                ProtocolLimits.DEFAULT, new Backoff(Backoff.FIRST, Backoff.MOST, new Random(7)));
        int before = sender.batchSize();

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.TIMED_OUT));
        assertThat(sender.batchSize()).isLessThan(before).isEqualTo(Math.max(1, Math.min(before, certified.size()) / 2));
        assertQueuedAfterOneAttempt();
    }

    // ------------------------------------------------------------------ refusals of the whole request

    @Test
    void a401StopsSendingAndChangesNothing() throws Exception {
        server.enqueue(SyncFixture.problem(ProblemCode.UNAUTHENTICATED));

        assertThat(sender.sendBatch()).isInstanceOfSatisfying(OutboxSender.Round.Stopped.class, stopped -> {
            assertThat(stopped.action()).isEqualTo(Exchange.Action.ENROL_AGAIN);
            assertThat(stopped.problem().code()).isEqualTo(ProblemCode.UNAUTHENTICATED);
        });
        assertThat(outbox.undelivered()).hasSize(certified.size()).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(OutboxItem.State.QUEUED);
            assertThat(item.attempts()).isZero();
        });
    }

    @Test
    void a413HalvesTheBatchUntilOneItemAloneIsSetAsideAsTooLarge() throws Exception {
        for (int i = 0; i < 10; i++) {
            server.enqueue(SyncFixture.problem(ProblemCode.BODY_TOO_LARGE));
        }
        int batch = sender.batchSize();

        List<Integer> sizes = new ArrayList<>();
        OutboxSender.Round round;
        do {
            round = sender.sendBatch();
            sizes.add(SyncFixture.envelopes(server.takeRequest()).size());
        } while (round.equals(new OutboxSender.Round.Sent(0, 0)));

        assertThat(sizes.get(0)).isEqualTo(Math.min(batch, certified.size()));
        assertThat(sizes).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).endsWith(1);
        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(0, 1));
        assertThat(refusalOf(certified.get(0))).contains("TOO_LARGE");
        assertThat(outbox.queued(100)).extracting(o -> o.submissionId()).containsExactlyElementsOf(certified.subList(1, certified.size()));
    }

    // ------------------------------------------------------------------ helpers

    void assertQueuedAfterOneAttempt() throws Exception {
        assertThat(outbox.undelivered()).hasSize(certified.size()).allSatisfy(item -> {
            assertThat(item.state()).isEqualTo(OutboxItem.State.QUEUED);
            assertThat(item.attempts()).isEqualTo(1);
        });
        assertThat(domainState(certified.get(0))).isNotEqualTo("DELIVERED");
    }

    List<ItemOutcome> outcomes(KeyPair key, Outcome outcome) throws Exception {
        return world.outcomes(certified, key, outcome);
    }

    String receiptOf(String id) throws Exception {
        return world.column("SELECT receipt FROM outbox_item WHERE submission_id = ?", id);
    }

    String refusalOf(String id) throws Exception {
        return world.column("SELECT refusal FROM outbox_item WHERE submission_id = ?", id);
    }

    String domainState(String id) throws Exception {
        return world.column("""
                SELECT r.state FROM domain_revision r JOIN certified_snapshot s ON s.revision_id = r.id
                WHERE s.submission_id = ?""", id);
    }
}
