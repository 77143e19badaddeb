package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.submission.SubmissionProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI document of the HTTP protocol is a valid OpenAPI 3 document (by the reference
 * parser), describes exactly {@link Routes#ALL}, and each of its schemas has exactly the members
 * of its Java record (all required), so that the document, the records and a server's routes
 * cannot drift apart.
 */
class OpenApiDocumentTest {

    /** The records of the wire, each described by the schema of its simple name. */
    static final List<Class<? extends Record>> RECORDS = List.of(EnrolmentRequest.class, EnrolmentResponse.class,
            ProtocolLimits.class, PushBatch.class, PushResult.class, ItemOutcome.class, Receipt.class, ConflictHead.class,
            WireFinding.class, LocalText.class, PullResponse.class, Problem.class, Change.Decision.class,
            Change.NewDefinition.class, Change.LastYearValues.class, Change.LaoStatus.class);

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();
    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void parse() throws IOException {
        String text;
        try (InputStream in = Routes.class.getResourceAsStream(Routes.OPENAPI_RESOURCE)) {
            assertThat(in).as(Routes.OPENAPI_RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parsed = new OpenAPIV3Parser().readContents(text, null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void isAValidOpenApi3DocumentWithoutAnyParserMessage() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.0.");
        assertThat(api.getInfo().getVersion()).isEqualTo(Routes.PROTOCOL_VERSION);
    }

    @Test
    void theParserWouldReportADocumentThatIsNotValid() {
        String broken = "openapi: 3.0.3\npaths:\n  /x:\n    get:\n      responses:\n        '200': {description: ok,"
                + " content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}\n      sermon: true\n";

        assertThat(new OpenAPIV3Parser().readContents(broken, null, new ParseOptions()).getMessages())
                .anySatisfy(m -> assertThat(m).contains("info"))
                .anySatisfy(m -> assertThat(m).contains("sermon"));
    }

    @Test
    void describesExactlyTheRoutesOfJava() {
        Set<Routes.Route> documented = new LinkedHashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> documented.add(new Routes.Route(method.name(), path, operation.getOperationId()))));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(Routes.ALL);
        assertThat(Routes.ALL).allSatisfy(r -> assertThat(r.path()).startsWith(Routes.BASE + "/"));
    }

    @Test
    void everyOperationTakesTheProtocolHeaderAndAnswersProblemsAsProblemJson() {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getParameters()).as(path).anySatisfy(p ->
                    assertThat(p.getName()).isEqualTo(Routes.PROTOCOL_HEADER));
            operation.getResponses().forEach((status, answer) -> {
                var response = answer.get$ref() == null ? answer
                        : api.getComponents().getResponses().get(answer.get$ref().replace("#/components/responses/", ""));
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.getContent()).as(path + " " + status).containsOnlyKeys(Problem.MEDIA_TYPE);
                }
            });
        }));
    }

    static List<Class<? extends Record>> records() {
        return RECORDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void eachRecordsSchemaHasExactlyItsMembersAllRequiredAndNoOthers(Class<? extends Record> type) {
        Schema<?> schema = schema(type.getSimpleName());
        Set<String> members = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).map(SNAKE::translate)
                .collect(Collectors.toCollection(TreeSet::new));
        if (Change.class.isAssignableFrom(type)) {
            members.add("kind");
        }

        assertThat(new TreeSet<>(schema.getProperties().keySet())).isEqualTo(members);
        assertThat(new TreeSet<>(schema.getRequired())).isEqualTo(members);
        assertThat(schema.getAdditionalProperties()).isEqualTo(Boolean.FALSE);
    }

    @Test
    void everyObjectSchemaIsARecordsOrTheEnvelopesOfSection3() {
        Set<String> described = RECORDS.stream().map(Class::getSimpleName).collect(Collectors.toSet());
        described.addAll(List.of("Envelope", "Payload", "Certifier"));
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                assertThat(described).as(name).contains(name);
            }
        });
    }

    @Test
    void theEnvelopeSchemasHaveExactlyTheMembersOfTheGoldenEnvelope() throws IOException {
        JsonNode envelope = new ObjectMapper().readTree(SubmissionVectors.envelopeCases().get(0).envelope());

        assertThat(schema("Envelope").getProperties().keySet()).containsExactlyInAnyOrderElementsOf(names(envelope));
        assertThat(schema("Payload").getProperties().keySet()).containsExactlyInAnyOrderElementsOf(names(envelope.get("payload")));
        assertThat(schema("Certifier").getProperties().keySet())
                .containsExactlyInAnyOrderElementsOf(names(envelope.get("payload").get("certifier")));
        for (String name : List.of("Envelope", "Payload", "Certifier")) {
            assertThat(schema(name).getRequired()).containsExactlyInAnyOrderElementsOf(schema(name).getProperties().keySet());
        }
    }

    @Test
    void theEnumsAreTheJavaEnums() {
        assertThat(enumOf(schema("Outcome"))).containsExactlyElementsOf(names(Outcome.values()));
        assertThat(enumOf(schema("ProblemCode"))).containsExactlyElementsOf(names(ProblemCode.values()));
        assertThat(enumOf(property("Receipt", "outcome")))
                .containsExactlyElementsOf(Stream.of(Outcome.values()).filter(Outcome::delivered).map(Enum::name).toList());
        List<String> itemCodes = new ArrayList<>(names(ItemProblem.values()));
        itemCodes.addAll(names(SubmissionProblem.Code.values()));
        assertThat(enumOf(property("ItemOutcome", "problem_code")).stream().filter(Objects::nonNull).toList())
                .containsExactlyElementsOf(itemCodes);
        assertThat(enumOf(property("Decision", "verdict"))).containsExactlyElementsOf(names(Change.Verdict.values()));
        assertThat(enumOf(property("LaoStatus", "state"))).containsExactlyElementsOf(names(Change.State.values()));
    }

    @Test
    void theChangeKindsAreThoseOfJava() {
        Map<String, String> mapping = schema("Change").getDiscriminator().getMapping();
        JsonSubTypes.Type[] kinds = Change.class.getAnnotation(JsonSubTypes.class).value();

        assertThat(mapping).hasSize(kinds.length);
        for (JsonSubTypes.Type kind : kinds) {
            String schemaName = kind.value().getSimpleName();
            assertThat(mapping).containsEntry(kind.name(), "#/components/schemas/" + schemaName);
            assertThat(enumOf(property(schemaName, "kind"))).containsExactly(kind.name());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        assertThat(schema).as("schema " + name).isNotNull();
        return schema;
    }

    private static Schema<?> property(String schema, String property) {
        Schema<?> p = schema(schema).getProperties().get(property);
        assertThat(p).as(schema + "." + property).isNotNull();
        return p;
    }

    private static List<String> enumOf(Schema<?> schema) {
        return schema.getEnum().stream().map(v -> v == null ? null : v.toString()).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
