package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.infodesk.protocol.fixtures.ReceiptVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.junit.jupiter.api.Test;

/**
 * What the Java code writes is valid against the OpenAPI document's schemas (read as OpenAPI 3.0
 * schema objects by the module's JSON Schema validator), so that a central system built from the
 * document accepts it, and the document is not looser than it seems.
 */
class OpenApiSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    @Test
    void everyMessageTheCodecWritesIsValidAgainstItsSchema() throws IOException {
        List<Object> messages = List.of(WireCodecTest.enrolmentRequest(), WireCodecTest.enrolmentResponse(),
                WireCodecTest.pushResult(), WireCodecTest.pullResponse(), WireCodecTest.receipt(Outcome.DUPLICATE),
                ProtocolLimits.DEFAULT, Problem.of(ProblemCode.RATE_LIMITED, "120 requests a minute"));
        for (Object message : messages) {
            String name = message.getClass().getSimpleName();
            assertThat(errors(name, JSON.readTree(WireCodec.write(message)))).as(name).isEmpty();
        }
    }

    @Test
    void theGoldenEnvelopesBatchAndReceiptsAreValidAgainstTheirSchemas() throws IOException {
        for (SubmissionVectors.EnvelopeCase v : SubmissionVectors.envelopeCases()) {
            assertThat(errors("Envelope", JSON.readTree(v.envelope()))).as(v.name()).isEmpty();
        }
        PushBatch batch = PushBatch.of(SubmissionVectors.envelopeCases().stream().map(SubmissionVectors.EnvelopeCase::envelope).toList());
        assertThat(errors("PushBatch", JSON.readTree(WireCodec.write(batch)))).isEmpty();
        for (ReceiptVectors.ReceiptCase r : ReceiptVectors.receiptCases()) {
            assertThat(errors("Receipt", JSON.readTree(r.receipt()))).as(r.name()).isEmpty();
        }
    }

    @Test
    void theSchemasRefuseAnUnknownMemberAMissingOneAndAValueOutOfItsForm() throws IOException {
        ObjectNode receipt = (ObjectNode) JSON.readTree(ReceiptVectors.receiptCases().get(0).receipt());

        assertThat(errors("Receipt", receipt.deepCopy().put("extra", 1))).isNotEmpty();
        ObjectNode missing = receipt.deepCopy();
        missing.remove("digest");
        assertThat(errors("Receipt", missing)).isNotEmpty();
        assertThat(errors("Receipt", receipt.deepCopy().put("received_at", "2021-09-27T03:00:04Z"))).isNotEmpty();
        assertThat(errors("Receipt", receipt.deepCopy().put("outcome", "CONFLICT"))).isNotEmpty();
    }

    private static Set<ValidationMessage> errors(String schemaName, JsonNode json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + Routes.OPENAPI_RESOURCE.substring(1)
                + "#/components/schemas/" + schemaName));
        return schema.validate(json);
    }
}
