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

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final KeyPair OTHER_KEY = Ed25519Keys.generate();
    static final Instant RECEIVED = Instant.parse("2026-11-26T03:00:04.125Z");

    /** A store with the sample's domains certified, made once; each test works on its own copy. */
    @TempDir
    static Path template;
    static List<String> certified;

    @TempDir
    Path folder;
    Store store;
    DeviceKeys keys;
    SqliteOutboxRepository outbox;
    MockWebServer server;
    OutboxSender sender;

    @BeforeAll
    static void certifyTheSample() throws Exception {
        certified = new ArrayList<>();
        try (CertificationFixture fixture = new CertificationFixture(template)) {
            for (Domain domain : StoreFixture.DEFINITION.domains()) {
                DomainKey key = new DomainKey(CertificationFixture.INFRASTRUCTURE.lao(), 2564, domain.id());
                fixture.enterSample(key);
                if (fixture.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                        instanceof CertificationService.Outcome.Certified done) {
                    certified.add(done.snapshot().submissionId());
                }
            }
        }
        assertThat(certified).as("domains of the sample that certify").hasSizeGreaterThanOrEqualTo(3);
    }

    @BeforeEach
    void setUp() throws Exception {
        try (var files = Files.walk(template)) {
            for (Path from : files.toList()) {
                Path to = folder.resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        store = StoreFixture.open(folder, new MutableClock(RECEIVED));
        keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
        outbox = new SqliteOutboxRepository(store);
        server = new MockWebServer();
        server.start();
        sender = sender(ProtocolLimits.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        server.close();
        store.close();
    }

    OutboxSender sender(ProtocolLimits limits) {
        ServerLink link = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build(), server.url("/"),
                new MutableClock(RECEIVED));
        EnrolmentResponse enrolment = new EnrolmentResponse("dev-1", "A".repeat(43), Ed25519Keys.encode(SERVER_KEY.getPublic()),
                Ed25519Keys.keyId(SERVER_KEY.getPublic()), "5650801", null, limits);
        return new OutboxSender(outbox, link, new ServerAccount(server.url("/"), enrolment, RECEIVED),
                Ed25519Keys.keyId(keys.publicKey()), new Backoff(Backoff.FIRST, Backoff.MOST, new Random(7)));
    }

    // ------------------------------------------------------------------ delivered

    @Test
    void receiptsThatVerifyDeliverTheBatchInCertificationOrderAndTheNextBatchIsLarger() throws Exception {
        server.enqueue(answer(outcomes(SERVER_KEY, Outcome.ACCEPTED)));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(certified.size(), 0, 0));
        assertThat(sentIds(server.takeRequest())).containsExactlyElementsOf(certified);
        assertThat(outbox.undelivered()).isEmpty();
        assertThat(receiptOf(certified.get(0))).isNotNull();
        assertThat(domainState(certified.get(0))).isEqualTo("DELIVERED");
        assertThat(sender.sendBatch()).isEqualTo(new OutboxSender.Round.Idle());
    }

    @Test
    void theEnvelopesSentAreTheCertifiedOnesAndVerifyWithTheDeviceKey() throws Exception {
        server.enqueue(answer(outcomes(SERVER_KEY, Outcome.ACCEPTED)));

        sender.sendBatch();

        SubmissionCodec codec = new SubmissionCodec(org.infodesk.protocol.submission.DefinitionLookup.of(StoreFixture.DEFINITION));
        for (byte[] bytes : envelopes(server.takeRequest())) {
            SubmissionEnvelope envelope = codec.read(bytes);
            codec.verify(envelope, keys.publicKey());
        }
    }

    @Test
    void aResetAfterTheServerStoredTheBatchIsResentAndTheDuplicateCountsAsDelivered() throws Exception {
        server.enqueue(new MockResponse.Builder(answer(outcomes(SERVER_KEY, Outcome.ACCEPTED)))
                .onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(answer(outcomes(SERVER_KEY, Outcome.DUPLICATE)));

        OutboxSender.Round first = sender.sendBatch();
        OutboxSender.Round second = sender.sendBatch();

        assertThat(first).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.UNREACHABLE));
        assertThat(second).isEqualTo(new OutboxSender.Round.Sent(certified.size(), 0, 0));
        assertThat(sentIds(server.takeRequest())).isEqualTo(sentIds(server.takeRequest()));
        assertThat(outbox.undelivered()).isEmpty();
    }

    // ------------------------------------------------------------------ set aside, and the queue goes on

    @Test
    void aConflictIsSetAsideWithTheServersReasonAndTheRestIsDelivered() throws Exception {
        List<ItemOutcome> outcomes = new ArrayList<>(outcomes(SERVER_KEY, Outcome.ACCEPTED));
        outcomes.set(0, ItemOutcome.conflict(UUID.fromString(certified.get(0)), new ConflictHead(UUID.randomUUID(), 3)));
        server.enqueue(answer(outcomes));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(certified.size() - 1, 1, 0));
        assertThat(outbox.undelivered()).singleElement().satisfies(item -> {
            assertThat(item.submissionId()).isEqualTo(certified.get(0));
            assertThat(item.state()).isEqualTo(OutboxItem.State.REFUSED);
        });
        assertThat(refusalOf(certified.get(0))).contains("NOT_SUPERSEDING");
        assertThat(outbox.queued(100)).as("a refused item is not sent again").isEmpty();
    }

    // ------------------------------------------------------------------ no receipt: stays queued

    @Test
    void aReceiptWithABadSignatureIsNoReceiptAndTheItemsStayQueued() throws Exception {
        server.enqueue(answer(outcomes(OTHER_KEY, Outcome.ACCEPTED)));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void aMalformedReceiptIsNoAnswerAndTheItemsStayQueued() throws Exception {
        String good = new String(WireCodec.write(new PushResult(outcomes(SERVER_KEY, Outcome.ACCEPTED))), StandardCharsets.UTF_8);
        server.enqueue(protocol(200, "application/json", good.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":\"short\"")));

        OutboxSender.Round round = sender.sendBatch();

        assertThat(round).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void aCaptivePortals200PageDeliversNothing() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>เข้าสู่ระบบอินเทอร์เน็ตของสำนักงาน</html>").build());

        assertThat(sender.sendBatch()).isInstanceOfSatisfying(OutboxSender.Round.Wait.class, wait ->
                assertThat(wait.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertQueuedAfterOneAttempt();
    }

    @Test
    void a500WaitsWithBackOffAndA503WaitsAtLeastItsRetryAfter() throws Exception {
        server.enqueue(problem(ProblemCode.INTERNAL));
        server.enqueue(new MockResponse.Builder(problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "120").build());

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
        server.enqueue(new MockResponse.Builder(answer(outcomes(SERVER_KEY, Outcome.ACCEPTED)))
                .onResponseBody(SocketEffect.Stall.INSTANCE).build());
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
        server.enqueue(problem(ProblemCode.UNAUTHENTICATED));

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
            server.enqueue(problem(ProblemCode.BODY_TOO_LARGE));
        }
        int batch = sender.batchSize();

        List<Integer> sizes = new ArrayList<>();
        OutboxSender.Round round;
        do {
            round = sender.sendBatch();
            sizes.add(envelopes(server.takeRequest()).size());
        } while (round.equals(new OutboxSender.Round.Sent(0, 0, 0)));

        assertThat(sizes.get(0)).isEqualTo(Math.min(batch, certified.size()));
        assertThat(sizes).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).endsWith(1);
        assertThat(round).isEqualTo(new OutboxSender.Round.Sent(0, 1, 0));
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

    /** An outcome with a receipt signed by {@code key} for each certified item, in order, as a server answers them. */
    List<ItemOutcome> outcomes(KeyPair key, Outcome outcome) throws Exception {
        List<ItemOutcome> out = new ArrayList<>();
        for (String id : certified) {
            out.add(ItemOutcome.delivered(Receipt.sign(UUID.fromString(id), digestOf(id), RECEIVED, outcome, key.getPrivate(),
                    Ed25519Keys.keyId(SERVER_KEY.getPublic()))));
        }
        return out;
    }

    String digestOf(String submissionId) throws Exception {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT digest FROM certified_snapshot WHERE submission_id = ?")) {
                s.setString(1, submissionId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
    }

    String column(String sql, String submissionId) throws Exception {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, submissionId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    String receiptOf(String id) throws Exception {
        return column("SELECT receipt FROM outbox_item WHERE submission_id = ?", id);
    }

    String refusalOf(String id) throws Exception {
        return column("SELECT refusal FROM outbox_item WHERE submission_id = ?", id);
    }

    String domainState(String id) throws Exception {
        return column("""
                SELECT r.state FROM domain_revision r JOIN certified_snapshot s ON s.revision_id = r.id
                WHERE s.submission_id = ?""", id);
    }

    static List<byte[]> envelopes(RecordedRequest request) throws Exception {
        byte[] body = request.getBody().toByteArray();
        PushBatch batch = WireCodec.readBatch(body, ProtocolLimits.DEFAULT);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < batch.envelopes().size(); i++) {
            out.add(batch.envelope(i));
        }
        return out;
    }

    static List<String> sentIds(RecordedRequest request) throws Exception {
        SubmissionCodec codec = new SubmissionCodec(org.infodesk.protocol.submission.DefinitionLookup.of(StoreFixture.DEFINITION));
        List<String> ids = new ArrayList<>();
        for (byte[] envelope : envelopes(request)) {
            ids.add(codec.read(envelope).payload().submissionId().toString());
        }
        return ids;
    }

    static MockResponse answer(List<ItemOutcome> outcomes) {
        return protocol(200, "application/json", new String(WireCodec.write(new PushResult(outcomes)), StandardCharsets.UTF_8));
    }

    static MockResponse protocol(int status, String type, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", type)
                .setHeader(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION).body(body).build();
    }

    static MockResponse problem(ProblemCode code) {
        return protocol(code.status(), Problem.MEDIA_TYPE, new String(WireCodec.write(Problem.of(code, "scripted")), StandardCharsets.UTF_8));
    }
}
