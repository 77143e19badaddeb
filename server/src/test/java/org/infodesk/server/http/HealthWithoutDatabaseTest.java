package org.infodesk.server.http;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.infodesk.server.keys.ServerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthWithoutDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void healthSaysTheDatabaseIsUnavailableWithItsCode() throws Exception {
        Javalin api = Api.create(new Api.Services(() -> false, ServerKeys.loadOrCreate(dataDir)), 4096).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            ApiTest.assertProblem(response, 503, "DATABASE_UNAVAILABLE");
        } finally {
            api.stop();
        }
    }
}
