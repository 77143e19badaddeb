package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device's side of the protocol against a scripted HTTP server: only this server speaking
 * the protocol counts as an answer; every failure of the network, a proxy, a portal or the server
 * is sorted into what the outbox must do, and nothing throws.
 */
class ServerLinkTest {

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final String DIGEST = "3c64f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));

    MockWebServer server;
    ServerLink link;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        link = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build(), server.url("/"), CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ------------------------------------------------------------------ answers

    @Test
    void aPushIsOneGzipBatchWithTheProtocolHeaderAndTokenAndItsAnswerIsReadAsOutcomes() throws Exception {
        UUID id = UUID.randomUUID();
        server.enqueue(protocol(200, "application/json", WireCodec.write(new PushResult(List.of(delivered(id))))));

        Exchange<PushResult> exchange = link.push("tok-1", List.of("{\"envelope\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                assertThat(((PushResult) answered.value()).outcomes()).extracting(ItemOutcome::submissionId).containsExactly(id));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo(Routes.PUSH.path());
        assertThat(request.getHeaders().get(Routes.PROTOCOL_HEADER)).isEqualTo(Routes.PROTOCOL_VERSION);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        byte[] json = new GZIPInputStream(new java.io.ByteArrayInputStream(request.getBody().toByteArray())).readAllBytes();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"envelopes\":[{\"envelope\":1}]}");
    }

    @Test
    void aServerBehindAPathPrefixGetsTheRoutesUnderIt() throws Exception {
        ServerLink prefixed = new ServerLink(new OkHttpClient(), server.url("/infodesk/"), CLOCK);
        server.enqueue(protocol(200, "application/json", WireCodec.write(new PullResponse("c1", false, List.of()))));

        prefixed.pull("tok", "c0");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/infodesk" + Routes.PULL.path());
        assertThat(request.getUrl().queryParameter("since")).isEqualTo("c0");
    }

    @Test
    void aPullFromTheBeginningSendsNoCursorAndReadsTheChanges() throws Exception {
        Change.NewDefinition definition = new Change.NewDefinition("lao-annual", 2564, 1, DIGEST);
        server.enqueue(protocol(200, "application/json", WireCodec.write(new PullResponse("c9", true, List.of(definition)))));

        Exchange<PullResponse> exchange = link.pull("tok", null);

        assertThat(answer(exchange).changes()).containsExactly(definition);
        assertThat(answer(exchange).more()).isTrue();
        assertThat(server.takeRequest().getUrl().queryParameter("since")).isNull();
    }

    // ------------------------------------------------------------------ try again later

    @Test
    void aDefinitionIsFetchedByItsIdentityAndItsBytesComeBackExactly() throws Exception {
        byte[] document = "{\"format\": 1,  \"id\": \"dla-lao-info\"}".getBytes(StandardCharsets.UTF_8);
        server.enqueue(protocol(200, "application/json", document));

        Exchange<byte[]> exchange = link.definition("tok-1", "dla-lao-info", 2565, 2);

        assertThat(exchange).isInstanceOfSatisfying(Exchange.Answered.class, answered ->
                assertThat((byte[]) answered.value()).isEqualTo(document));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/definitions/dla-lao-info/2565/2");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        assertThat(request.getHeaders().get(Routes.PROTOCOL_HEADER)).isEqualTo(Routes.PROTOCOL_VERSION);
    }

    @Test
    void aDefinitionTheServerDoesNotHaveIsRefusedWithItsProblemAndAPortalPageIsNotADefinition() {
        server.enqueue(problem(ProblemCode.NOT_FOUND));
        server.enqueue(SyncFixture.portalPage());
        server.enqueue(problem(ProblemCode.UNAUTHENTICATED));

        assertThat(link.definition("tok-1", "dla-lao-info", 2565, 9)).isInstanceOfSatisfying(Exchange.Refused.class, refused ->
                assertThat(refused.problem().code()).isEqualTo(ProblemCode.NOT_FOUND));
        assertLater(link.definition("tok-1", "dla-lao-info", 2565, 9), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
        assertThat(link.definition("tok-1", "dla-lao-info", 2565, 9)).isInstanceOfSatisfying(Exchange.Refused.class, refused ->
                assertThat(refused.action()).isEqualTo(Exchange.Action.ENROL_AGAIN));
    }

    @Test
    void aDefinitionOverTheDefinitionLimitIsNotReadWhole() {
        server.enqueue(protocol(200, "application/json", new byte[org.infodesk.protocol.definition.DefinitionReader.MAX_BYTES + 1]));

        assertLater(link.definition("tok-1", "dla-lao-info", 2565, 2), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
    }

    @Test
    void a500WithTheServersProblemIsTriedAgainLater() {
        server.enqueue(problem(ProblemCode.INTERNAL));

        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ZERO);
    }

    @Test
    void a503WithRetryAfterInSecondsOrAsADateWaitsThatLongAtMostAnHour() {
        server.enqueue(new MockResponse.Builder(problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "120").build());
        server.enqueue(new MockResponse.Builder(problem(ProblemCode.UNAVAILABLE))
                .setHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(CLOCK.instant().plusSeconds(600).atOffset(ZoneOffset.UTC)))
                .build());
        server.enqueue(new MockResponse.Builder(problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "86400").build());
        server.enqueue(new MockResponse.Builder(problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "soon").build());

        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ofSeconds(120));
        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ofSeconds(600));
        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ofHours(1));
        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ZERO);
    }

    @Test
    void aLoadBalancers502PageIsTheServerBusyNotARefusal() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body("<h1>Bad Gateway</h1>").build());

        assertLater(pushOne(), Exchange.Trouble.SERVER_BUSY, Duration.ZERO);
    }

    @Test
    void aCaptivePortals200PageIsNotAnAnswer() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><body>กรุณาเข้าสู่ระบบ Wi-Fi</body></html>").build());

        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
    }

    @Test
    void aPortalsRedirectToItsLoginPageIsNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", server.url("/login").toString()).build());

        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonThatIsNotThePushAnswerOrHasTheWrongNumberOfOutcomesIsNotAnAnswer() {
        server.enqueue(protocol(200, "application/json", "{\"outcomes\": \"none\"}".getBytes(StandardCharsets.UTF_8)));
        server.enqueue(protocol(200, "application/json", WireCodec.write(new PushResult(List.of(
                delivered(UUID.randomUUID()), delivered(UUID.randomUUID()))))));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new String(WireCodec.write(new PushResult(List.of(delivered(UUID.randomUUID())))), StandardCharsets.UTF_8)).build());

        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
    }

    @Test
    void anAnswerOverTheDocumentLimitIsNotReadWhole() {
        byte[] huge = new byte[WireCodec.MAX_DOCUMENT_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        server.enqueue(protocol(200, "application/json", huge));

        assertLater(pushOne(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
    }

    @Test
    void anAnswerThatStallsMidBodyTimesOut() {
        server.enqueue(new MockResponse.Builder(protocol(200, "application/json", WireCodec.write(new PushResult(List.of(
                delivered(UUID.randomUUID())))))).onResponseBody(SocketEffect.Stall.INSTANCE).build());
        ServerLink impatient = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofMillis(300)).build(), server.url("/"), CLOCK);

        assertThat(impatient.push("tok", List.of("{}".getBytes(StandardCharsets.UTF_8)))).isInstanceOfSatisfying(
                Exchange.RetryLater.class, later -> assertThat(later.trouble()).isEqualTo(Exchange.Trouble.TIMED_OUT));
    }

    @Test
    void aConnectionCutMidBodyOrRefusedIsUnreachable() throws IOException {
        server.enqueue(new MockResponse.Builder(protocol(200, "application/json", WireCodec.write(new PushResult(List.of(
                delivered(UUID.randomUUID())))))).onResponseBody(new SocketEffect.CloseSocket()).build());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerLink nowhere = new ServerLink(new OkHttpClient(), HttpUrl.get("http://127.0.0.1:" + closedPort + "/"), CLOCK);

        assertThat(pushOne()).isInstanceOfSatisfying(Exchange.RetryLater.class, later ->
                assertThat(later.trouble()).isEqualTo(Exchange.Trouble.UNREACHABLE));
        assertThat(nowhere.push("tok", List.of(new byte[] {'{', '}'}))).isInstanceOfSatisfying(Exchange.RetryLater.class, later ->
                assertThat(later.trouble()).isEqualTo(Exchange.Trouble.UNREACHABLE));
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void a401Or403OfTheTokenAsksForANewEnrolment() {
        server.enqueue(problem(ProblemCode.UNAUTHENTICATED));
        server.enqueue(problem(ProblemCode.DEVICE_REVOKED));

        assertThat(refusal(pushOne())).isEqualTo(Exchange.Action.ENROL_AGAIN);
        assertThat(refusal(pushOne())).isEqualTo(Exchange.Action.ENROL_AGAIN);
    }

    @Test
    void a413AsksForSmallerBatchesAndAnUnknownProtocolForAnUpdate() {
        server.enqueue(problem(ProblemCode.TOO_MANY_ITEMS));
        server.enqueue(problem(ProblemCode.BODY_TOO_LARGE));
        server.enqueue(problem(ProblemCode.UNSUPPORTED_PROTOCOL));

        assertThat(refusal(pushOne())).isEqualTo(Exchange.Action.SMALLER_BATCH);
        assertThat(refusal(pushOne())).isEqualTo(Exchange.Action.SMALLER_BATCH);
        assertThat(refusal(pushOne())).isEqualTo(Exchange.Action.UPDATE_PROGRAM);
    }

    @Test
    void aBadCursorAsksToPullFromTheBeginning() {
        server.enqueue(problem(ProblemCode.BAD_CURSOR));

        assertThat(refusal(link.pull("tok", "forged"))).isEqualTo(Exchange.Action.PULL_FROM_START);
    }

    @Test
    void aProxyAskingForCredentialsStopsWithoutAProblem() {
        server.enqueue(new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"office\"").build());
        ServerLink throughProxy = new ServerLink(new OkHttpClient.Builder().proxy(server.getProxyAddress()).build(),
                HttpUrl.get("http://infodesk.example/"), CLOCK);

        assertThat(throughProxy.push("tok", List.of(new byte[] {'{', '}'}))).isInstanceOfSatisfying(Exchange.Refused.class, refused -> {
            assertThat(refused.action()).isEqualTo(Exchange.Action.PROXY_CREDENTIALS);
            assertThat(refused.problem()).isNull();
        });
    }

    // ------------------------------------------------------------------ the probe

    @Test
    void theProbeAsksTheServerItselfAndAPortalPageIsNotIt() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"status\":\"ok\",\"database\":\"ok\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>login</html>").build());
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "30").build());

        assertThat(link.probe()).isEqualTo(new Exchange.Answered<>(Boolean.TRUE));
        assertLater(link.probe(), Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO);
        assertLater(link.probe(), Exchange.Trouble.SERVER_BUSY, Duration.ofSeconds(30));
    }

    // ------------------------------------------------------------------ helpers

    Exchange<PushResult> pushOne() {
        return link.push("tok", List.of("{}".getBytes(StandardCharsets.UTF_8)));
    }

    static ItemOutcome delivered(UUID id) {
        return ItemOutcome.delivered(Receipt.sign(id, DIGEST, Instant.parse("2026-11-26T03:00:04.125Z"), Outcome.ACCEPTED,
                SERVER_KEY.getPrivate(), Ed25519Keys.keyId(SERVER_KEY.getPublic())));
    }

    /** An answer as the server gives it: its status, type and body, with the protocol header. */
    static MockResponse protocol(int status, String type, byte[] body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", type)
                .setHeader(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION)
                .body(new okio.Buffer().write(body)).build();
    }

    static MockResponse problem(ProblemCode code) {
        return protocol(code.status(), Problem.MEDIA_TYPE, WireCodec.write(Problem.of(code, "scripted")));
    }

    /** The exchange is "try again later" for that trouble, not before that long (its log detail aside). */
    static void assertLater(Exchange<?> exchange, Exchange.Trouble trouble, Duration notBefore) {
        assertThat(exchange).isInstanceOfSatisfying(Exchange.RetryLater.class, later -> {
            assertThat(later.trouble()).as(later.detail()).isEqualTo(trouble);
            assertThat(later.notBefore()).isEqualTo(notBefore);
        });
    }

    static <T> T answer(Exchange<T> exchange) {
        assertThat(exchange).isInstanceOf(Exchange.Answered.class);
        return ((Exchange.Answered<T>) exchange).value();
    }

    static Exchange.Action refusal(Exchange<?> exchange) {
        assertThat(exchange).isInstanceOf(Exchange.Refused.class);
        return ((Exchange.Refused<?>) exchange).action();
    }
}
