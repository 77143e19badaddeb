package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes the running server answers are exactly those its OpenAPI documents describe: the
 * device protocol's (sync-protocol) and the review API's (this module), with {@code /health}
 * beside them. A route added without its documentation, or documented and not served, fails here.
 */
class RoutesMatchOpenApiTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;
    static InfoDeskServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(postgres, dataDir, 64 * 1024);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theServersRoutesAreExactlyTheDocumentedOnesAndHealth() throws IOException {
        Set<String> documented = new TreeSet<>();
        documented.addAll(operations(parse(Routes.OPENAPI_RESOURCE)));
        documented.addAll(operations(parse(Api.REVIEW_OPENAPI_RESOURCE)));
        documented.add("GET " + Api.HEALTH);

        assertThat(new TreeSet<>(server.routes())).containsExactlyElementsOf(documented);
    }

    @Test
    void theProtocolsDocumentIsTheProtocolsRoutes() throws IOException {
        Set<String> protocol = new TreeSet<>();
        Routes.ALL.forEach(route -> protocol.add(route.method() + " " + route.path()));

        assertThat(operations(parse(Routes.OPENAPI_RESOURCE))).containsExactlyElementsOf(protocol);
    }

    @Test
    void theReviewApiIsOutsideTheDeviceProtocolsPrefix() throws IOException {
        assertThat(operations(parse(Api.REVIEW_OPENAPI_RESOURCE))).isNotEmpty()
                .allSatisfy(route -> assertThat(route).doesNotContain(Routes.BASE + "/"));
    }

    /** A document read by the reference parser, which must find nothing wrong in it. */
    static OpenAPI parse(String resource) throws IOException {
        String text;
        try (InputStream in = RoutesMatchOpenApiTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(parsed.getMessages()).as(resource).isEmpty();
        return parsed.getOpenAPI();
    }

    /** "METHOD path" of each operation of a document, sorted. */
    static Set<String> operations(OpenAPI api) {
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.add(method.name() + " " + path)));
        return operations;
    }
}
