package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;
import org.infodesk.server.support.PostgresExtension;
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
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", dataDir.toString(),
                "jdbc-url", postgres.newDatabaseUrl(), "max-body-bytes", String.valueOf(LIMIT)));
        server = InfoDeskServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/health").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void theServerKeyIsPublishedForEnrolment() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/server-key").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(server.keys().publicKeyText(), "\"algorithm\":\"Ed25519\"");
    }

    @Test
    void anUnknownRouteIsAProblemWithItsCode() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/no-such-thing").GET());

        assertProblem(response, 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsAProblemWithItsCode() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/health").DELETE());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/health")
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
        HttpResponse<String> response = send(at("/api/v1/health").header("X-Padding", "x".repeat(20_000)).GET());

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
        assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"status\":" + status, "\"type\":\"urn:infodesk:problem:");
    }
}
