package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.server.keys.ServerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthWithoutDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void healthSaysTheDatabaseIsUnavailableWithItsCode() throws Exception {
        Javalin api = Api.create(new Api.Services(() -> false, ServerKeys.loadOrCreate(dataDir), null, null,
                ProtocolLimits.DEFAULT, null, null, null, null, null, null, null, null)).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            ApiTest.assertProblem(response, 503, "UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        } finally {
            api.stop();
        }
    }
}
