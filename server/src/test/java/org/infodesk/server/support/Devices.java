package org.infodesk.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.Certifier;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionIds;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.EnrolmentRequest;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.shell.InfoDeskServer;

/**
 * Devices of a running test server, as the HTTP tests drive them: enrolled over HTTP, certifying
 * FY 2564 domains (every warning justified), signing and pushing; with the requests and the
 * database look-ups the tests assert with.
 */
public final class Devices {

    public static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    public static final Definition DEFINITION = QUESTIONNAIRE.definition();
    public static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(DEFINITION));
    public static final Certifier CERTIFIER = new Certifier("somchai.j", "นายสมชาย ใจดี", "ปลัดเทศบาลตำบลวังทอง");
    private static final SubmissionIds IDS = new SubmissionIds();

    /** An enrolled device: its key pair and what enrolment answered. */
    public record Device(KeyPair keys, EnrolmentResponse enrolled) {
        public String token() {
            return enrolled.token();
        }
    }

    private final InfoDeskServer server;
    private final Enrolment enrolment;
    private final HttpClient client = HttpClient.newHttpClient();

    public Devices(InfoDeskServer server) {
        this.server = server;
        this.enrolment = new Enrolment(server.database().dataSource(), Clock.systemUTC());
    }

    public Enrolment enrolment() {
        return enrolment;
    }

    public HttpClient client() {
        return client;
    }

    public static String domain(int index) {
        return DEFINITION.domains().get(index).id();
    }

    public Device enrol(Enrolment.Target target) throws Exception {
        String code = enrolment.issue(target, Duration.ofDays(1)).code();
        KeyPair keys = Ed25519Keys.generate();
        HttpResponse<byte[]> response = post(Routes.ENROL.path(), enrolmentBody(code, keys));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return new Device(keys, WireCodec.read(response.body(), EnrolmentResponse.class));
    }

    public static byte[] enrolmentBody(String code, KeyPair keys) {
        return WireCodec.write(new EnrolmentRequest(code, Ed25519Keys.encode(keys.getPublic()), "PC กองคลัง"));
    }

    /** A domain of the sample answers, certified by {@link #CERTIFIER}. */
    public static SubmissionPayload payload(Device device, String lao, String domain, int revision, Integer supersedes) {
        return payload(device, lao, domain, revision, supersedes, Fy2564Fixtures.complete(DEFINITION));
    }

    /** A domain of some answers as the app certifies it: every warning justified. */
    public static SubmissionPayload payload(Device device, String lao, String domain, int revision, Integer supersedes,
            Answers answers) {
        Map<String, Object> values = answers.domain(domain);
        Answers.Builder only = Answers.builder();
        values.forEach((item, value) -> only.put(domain, item, value));
        Map<String, String> justifications = new TreeMap<>();
        for (Finding finding : QUESTIONNAIRE.evaluate(only.build(), domain).findings(domain)) {
            if (!finding.isError() && finding.ruleId() != null) {
                justifications.put("rule:" + finding.ruleId(), "ตรวจสอบกับเอกสารแล้ว ถูกต้อง");
            }
        }
        return new SubmissionPayload(IDS.next(), lao, DEFINITION.fiscalYear(), domain, revision, supersedes, DEFINITION.id(),
                DEFINITION.version(), values, justifications, CERTIFIER, Instant.parse("2026-11-26T02:30:15.250Z"),
                device.enrolled().deviceId());
    }

    public static SubmissionEnvelope sign(Device device, SubmissionPayload payload) {
        return CODEC.sign(payload, device.keys().getPrivate(), Ed25519Keys.keyId(device.keys().getPublic()));
    }

    public static PushBatch batch(SubmissionEnvelope... envelopes) {
        List<byte[]> bytes = new ArrayList<>();
        for (SubmissionEnvelope envelope : envelopes) {
            bytes.add(CODEC.write(envelope));
        }
        return PushBatch.of(bytes);
    }

    /** Pushes envelopes in one batch over HTTP: one outcome each. */
    public List<ItemOutcome> push(Device device, SubmissionEnvelope... envelopes) throws Exception {
        HttpResponse<byte[]> response = post(Routes.PUSH.path(), device.token(), WireCodec.writeBatch(batch(envelopes)));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<ItemOutcome> outcomes = WireCodec.read(response.body(), PushResult.class).outcomes();
        assertThat(outcomes).hasSize(envelopes.length);
        return outcomes;
    }

    public List<ItemOutcome> pushTexts(Device device, String... envelopes) throws Exception {
        HttpResponse<byte[]> response = post(Routes.PUSH.path(), device.token(), WireCodec.writeBatch(new PushBatch(List.of(envelopes))));
        assertThat(response.statusCode()).isEqualTo(200);
        return WireCodec.read(response.body(), PushResult.class).outcomes();
    }

    public HttpRequest.Builder request(String path, String version) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header(Routes.PROTOCOL_HEADER, version);
    }

    public HttpResponse<byte[]> post(String path, byte[] json) throws Exception {
        return client.send(request(path, Routes.PROTOCOL_VERSION).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> post(String path, String token, byte[] gzip) throws Exception {
        return client.send(request(path, Routes.PROTOCOL_VERSION).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A protocol GET with a device's token. */
    public HttpResponse<byte[]> get(String path, String token) throws Exception {
        return client.send(request(path, Routes.PROTOCOL_VERSION).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public static void assertProblem(HttpResponse<byte[]> response, int status, String code) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.MEDIA_TYPE));
        assertThat(WireCodec.read(response.body(), Problem.class).code().name()).isEqualTo(code);
    }

    public long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The envelope of a stored submission, rebuilt from its row (SPEC §4.6 step 7). */
    public byte[] storedEnvelope(java.util.UUID submissionId) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload, digest, signature, key_id FROM submission WHERE submission_id = ?")) {
            select.setObject(1, submissionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no submission " + submissionId);
                }
                return org.infodesk.protocol.submission.SubmissionCodec.envelopeBytes(row.getBytes(1),
                        java.util.HexFormat.of().formatHex(row.getBytes(2)), row.getBytes(3), row.getString(4));
            }
        }
    }

    public Instant timestamp(String sql, Object parameter) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
