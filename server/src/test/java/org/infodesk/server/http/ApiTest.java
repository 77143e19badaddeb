package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real server over loopback HTTP: what answers, and how every refusal is a problem body with its code. */
class ApiTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;

    static final int LIMIT = 2048;
    static InfoDeskServer server;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(postgres, dataDir, LIMIT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request that speaks protocol 1 (SPEC §4.2). */
    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION);
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes() throws Exception {
        HttpResponse<String> response = send(at("/health").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void healthNeedsNoProtocolHeaderButEveryProtocolRouteDoes() throws Exception {
        URI health = URI.create("http://127.0.0.1:" + server.port() + "/health");
        URI enrol = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/enrolments");

        assertThat(send(HttpRequest.newBuilder(health).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> none = send(HttpRequest.newBuilder(enrol).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> two = send(HttpRequest.newBuilder(enrol).header(Routes.PROTOCOL_HEADER, "2")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> unknownRoute = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/no-such-thing")).GET());

        assertProblem(none, 400, "UNSUPPORTED_PROTOCOL");
        assertProblem(two, 400, "UNSUPPORTED_PROTOCOL");
        assertProblem(unknownRoute, 400, "UNSUPPORTED_PROTOCOL");
        assertThat(two.headers().firstValue(Routes.PROTOCOL_HEADER)).hasValue("1");
    }

    @Test
    void enrolmentIsRateLimitedByClientAddressWithRetryAfter() throws Exception {
        byte[] body = org.infodesk.protocol.wire.WireCodec.write(new org.infodesk.protocol.wire.EnrolmentRequest("AAAA-BBBB-CCCC-DDDD",
                org.infodesk.protocol.submission.Ed25519Keys.encode(org.infodesk.protocol.submission.Ed25519Keys.generate().getPublic()),
                "PC กองคลัง"));
        java.util.List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            answers.add(send(at("/api/v1/enrolments").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
        }

        assertProblem(answers.get(0), 403, "BAD_ENROLMENT_CODE");
        assertProblem(answers.get(20), 429, "RATE_LIMITED");
        assertThat(answers.get(20).headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1, 10));
    }

    @Test
    void thereIsNoServerKeyRouteTheKeyComesWithEnrolment() throws Exception {
        assertProblem(send(at("/api/v1/server-key").GET()), 404, "NOT_FOUND");
    }

    @Test
    void anUnknownRouteIsAProblemWithItsCode() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/no-such-thing").GET());

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsAProblemWithItsCode() throws Exception {
        HttpResponse<String> response = send(at("/health").DELETE());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/enrolments")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1])));

        assertProblem(response, 413, "BODY_TOO_LARGE");
    }

    @Test
    void anOversizedBodyWithoutADeclaredLengthIsRefusedToo() throws Exception {
        byte[] body = new byte[LIMIT * 4];
        HttpResponse<String> response = send(at("/api/v1/no-such-thing")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isIn(404, 413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    }

    @Test
    void headersOverJettysLimitAreAProblemWithItsCodeNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = send(at("/health").header("X-Padding", "x".repeat(20_000)).GET());

        assertProblem(response, 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void aMalformedRequestIsAProblemToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: " + Problem.MEDIA_TYPE, "\"code\":\"BAD_REQUEST\"");
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"status\":" + status,
                "\"type\":\"urn:infodesk:problem:" + code + "\"", "\"messages\":{");
    }
}
