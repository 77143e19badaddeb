package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.infodesk.server.status.Scope;
import org.infodesk.server.status.StatusReport;
import org.junit.jupiter.api.Test;

/** The review API's OpenAPI document parses cleanly and describes exactly its routes and records. */
class ReviewOpenApiTest {

    static final String RESOURCE = "review-openapi.yaml";
    static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    static SwaggerParseResult parse() throws Exception {
        try (InputStream in = ReviewApi.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options);
        }
    }

    @Test
    void theDocumentParsesWithoutMessagesAndHasExactlyTheReviewRoutes() throws Exception {
        SwaggerParseResult parsed = parse();
        OpenAPI api = parsed.getOpenAPI();

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrder(ReviewApi.SUBMISSIONS, ReviewApi.DECISION, ReviewApi.STATUS,
                ReviewApi.EXPORT);
        assertThat(api.getPaths().get(ReviewApi.SUBMISSIONS).getGet()).isNotNull();
        assertThat(api.getPaths().get(ReviewApi.DECISION).getPost()).isNotNull();
        assertThat(api.getPaths().get(ReviewApi.SUBMISSIONS).getGet().getParameters())
                .extracting(p -> p.getName()).containsExactlyInAnyOrder("state", "province", "district", "fiscal_year", "after", "limit");
    }

    @Test
    void eachSchemaHasExactlyTheMembersOfItsRecord() throws Exception {
        OpenAPI api = parse().getOpenAPI();
        Map<String, Class<? extends Record>> records = Map.of("DecisionRequest", ReviewApi.DecisionRequest.class,
                "Decision", ReviewApi.DecisionView.class, "Head", ReviewApi.HeadView.class, "HeadsPage", ReviewApi.HeadsPage.class,
                "Problem", ReviewApi.ReviewProblem.class, "StatusReport", StatusReport.class, "Scope", Scope.class,
                "LaoStatus", StatusReport.LaoStatus.class, "DomainStatus", StatusReport.DomainStatus.class);
        Map<String, Class<? extends Record>> more = Map.of("DomainColumn", StatusReport.DomainColumn.class,
                "AreaCount", StatusReport.AreaCount.class, "DomainCount", StatusReport.DomainCount.class);
        records = new java.util.HashMap<>(records);
        records.putAll(more);

        records.forEach((schema, record) -> {
            Set<String> members = Arrays.stream(record.getRecordComponents()).map(c -> SNAKE.translate(c.getName()))
                    .collect(Collectors.toSet());
            assertThat(api.getComponents().getSchemas().get(schema).getProperties().keySet()).as(schema)
                    .containsExactlyInAnyOrderElementsOf(members);
        });
    }
}
