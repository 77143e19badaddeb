package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
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

/**
 * The outbox's world for the sync tests, real throughout but the server: a copy of a store whose
 * sample domains were really certified (made once per test run, copied for each test), the
 * device key, and a scripted HTTP server with the answers a server gives.
 */
final class SyncFixture implements AutoCloseable {

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final Instant RECEIVED = Instant.parse("2026-11-26T03:00:04.125Z");
    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION));

    private static Path template;
    private static List<String> certified;

    final Store store;
    final DeviceKeys keys;
    final SqliteOutboxRepository outbox;
    final MockWebServer server;

    SyncFixture(Path folder) throws Exception {
        copy(template(), folder);
        store = StoreFixture.open(folder, new MutableClock(RECEIVED));
        keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
        outbox = new SqliteOutboxRepository(store);
        server = new MockWebServer();
        server.start();
    }

    /** The submission ids of the certified sample domains, in certification order. */
    static synchronized List<String> certified() throws Exception {
        template();
        return certified;
    }

    private static synchronized Path template() throws Exception {
        if (template == null) {
            Path folder = Files.createTempDirectory("infodesk-sync-template");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            List<String> ids = new ArrayList<>();
            try (CertificationFixture fixture = new CertificationFixture(folder)) {
                for (Domain domain : StoreFixture.DEFINITION.domains()) {
                    DomainKey key = new DomainKey(CertificationFixture.INFRASTRUCTURE.lao(), 2564, domain.id());
                    fixture.enterSample(key);
                    if (fixture.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                            instanceof CertificationService.Outcome.Certified done) {
                        ids.add(done.snapshot().submissionId());
                    }
                }
            }
            assertThat(ids).as("domains of the sample that certify").hasSizeGreaterThanOrEqualTo(3);
            certified = List.copyOf(ids);
            template = folder;
        }
        return template;
    }

    /** A link with a read timeout generous enough for a loaded build machine. */
    ServerLink link(Clock clock) {
        return link(clock, Duration.ofSeconds(20));
    }

    ServerLink link(Clock clock, Duration readTimeout) {
        return new ServerLink(new OkHttpClient.Builder().readTimeout(readTimeout).build(), server.url("/"), clock);
    }

    ServerAccount account(ProtocolLimits limits) {
        EnrolmentResponse enrolment = new EnrolmentResponse("dev-1", "A".repeat(43), Ed25519Keys.encode(SERVER_KEY.getPublic()),
                Ed25519Keys.keyId(SERVER_KEY.getPublic()), "5650801", null, limits);
        return new ServerAccount(server.url("/"), enrolment, RECEIVED);
    }

    OutboxSender sender(ServerLink link, ProtocolLimits limits, Backoff backoff) {
        return new OutboxSender(outbox, link, account(limits), keys.keyId(), backoff);
    }

    // ------------------------------------------------------------------ what a server answers

    /** An outcome with a receipt signed by {@code key} for each id, in order. */
    List<ItemOutcome> outcomes(List<String> ids, KeyPair key, Outcome outcome) throws Exception {
        List<ItemOutcome> out = new ArrayList<>();
        for (String id : ids) {
            out.add(ItemOutcome.delivered(Receipt.sign(UUID.fromString(id), digestOf(id), RECEIVED, outcome, key.getPrivate(),
                    Ed25519Keys.keyId(SERVER_KEY.getPublic()))));
        }
        return out;
    }

    /** A server that takes every push (a receipt for each envelope) and answers its health check. */
    Dispatcher goodServer() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    if (request.getUrl().encodedPath().equals(ServerLink.HEALTH_PATH)) {
                        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                                .body("{\"status\":\"ok\"}").build();
                    }
                    return answer(outcomes(sentIds(request), SERVER_KEY, Outcome.ACCEPTED));
                } catch (Exception e) {
                    return problem(ProblemCode.INTERNAL);
                }
            }
        };
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

    static MockResponse portalPage() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>เข้าสู่ระบบอินเทอร์เน็ตของสำนักงาน</html>").build();
    }

    // ------------------------------------------------------------------ what was sent, what is stored

    static List<byte[]> envelopes(RecordedRequest request) throws Exception {
        PushBatch batch = WireCodec.readBatch(request.getBody().toByteArray(), ProtocolLimits.DEFAULT);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < batch.envelopes().size(); i++) {
            out.add(batch.envelope(i));
        }
        return out;
    }

    static List<String> sentIds(RecordedRequest request) throws Exception {
        List<String> ids = new ArrayList<>();
        for (byte[] envelope : envelopes(request)) {
            ids.add(CODEC.read(envelope).payload().submissionId().toString());
        }
        return ids;
    }

    String digestOf(String submissionId) throws Exception {
        return column("SELECT digest FROM certified_snapshot WHERE submission_id = ?", submissionId);
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

    @Override
    public void close() {
        server.close();
        store.close();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
