package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.submission.SubmissionProblem;
import org.junit.jupiter.api.Test;

/** The wire records: what is written reads back equal, and what is not in its form is refused with its code. */
class WireCodecTest {

    private static final SubmissionVectors.TestKey KEY = SubmissionVectors.testKey();
    private static final UUID ID = UUID.fromString("017c2516-abd2-7bb8-bd98-2e5f76e5dc0f");
    private static final String DIGEST = "3c643c1df5ef69c878fd65dd32005b8b1dfd75e3265f559a220991f29d7f1604";
    private static final Instant AT = Instant.parse("2021-09-27T03:00:04.125Z");

    static Receipt receipt(Outcome outcome) {
        return Receipt.sign(ID, DIGEST, AT, outcome, KEY.privateKey(), KEY.keyId());
    }

    static PushResult pushResult() {
        return new PushResult(List.of(
                ItemOutcome.delivered(receipt(Outcome.ACCEPTED)),
                ItemOutcome.delivered(receipt(Outcome.DUPLICATE)),
                ItemOutcome.conflict(ID, new ConflictHead(UUID.fromString("017c305e-ed60-7f3e-a4f6-0ea4e5a6c1b8"), 2)),
                ItemOutcome.refused(ID, Outcome.CONFLICT, "ID_REUSED", List.of(), "stored with another digest"),
                ItemOutcome.refused(ID, Outcome.REJECTED, "RULE_ERRORS", List.of(new WireFinding("RULE", "road_km_sum",
                        "infrastructure.road_km_total", Severity.ERROR,
                        new LocalText("ระยะทางถนนรวมไม่เท่ากับผลรวมของถนนแต่ละประเภท", "The total road length is not the sum of its kinds"))),
                        ""),
                ItemOutcome.refused(null, Outcome.REJECTED, SubmissionProblem.Code.MALFORMED_JSON.name(), List.of(), "line 1"),
                ItemOutcome.refused(ID, Outcome.REJECTED, SubmissionProblem.Code.BAD_SIGNATURE.name(), List.of(), ""),
                ItemOutcome.refused(ID, Outcome.UNAUTHORIZED, "OUTSIDE_DISTRICT", List.of(), "6650805 is not in 6508")));
    }

    static PullResponse pullResponse() {
        return new PullResponse("c.42", true, List.of(
                new Change.Decision(ID, "5650801", 2564, "infrastructure", 1, Change.Verdict.RETURNED,
                        "กรุณาตรวจสอบระยะทางถนนลาดยางอีกครั้ง", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก", AT),
                new Change.Decision(ID, "5650801", 2564, "infrastructure", 2, Change.Verdict.ACCEPTED, null, "reviewer.65", AT),
                new Change.NewDefinition("dla-lao-info", 2565, 1, DIGEST),
                new Change.LastYearValues("5650801", 2564, "infrastructure", 1, "dla-lao-info", 1,
                        json("{\"road_km_total\":\"42.36\",\"comprehensive_plan_in_force\":true}")),
                new Change.LaoStatus("6650805", 2564, "infrastructure", 3, ID, Change.State.DELIVERED, AT)));
    }

    static EnrolmentResponse enrolmentResponse() {
        return new EnrolmentResponse("dev-000017", "A".repeat(43), KEY.publicKey(), KEY.keyId(), null, "6508",
                new EnrolmentResponse.Office(new LocalText("ท้องถิ่นอำเภอเมืองเพชรบูรณ์", "District local administration office, เมืองเพชรบูรณ์"),
                        "เมืองเพชรบูรณ์", "เพชรบูรณ์"), ProtocolLimits.DEFAULT);
    }

    static EnrolmentRequest enrolmentRequest() {
        return new EnrolmentRequest("7KQ2-M9XD-4TPA", KEY.publicKey(), "PC กองคลัง");
    }

    @Test
    void everyMessageReadsBackEqualToWhatWasWritten() throws WireException {
        for (Object message : List.of(enrolmentRequest(), enrolmentResponse(), pushResult(), pullResponse(),
                receipt(Outcome.ACCEPTED), ProtocolLimits.DEFAULT, Problem.of(ProblemCode.TOO_MANY_ITEMS, "101 envelopes"))) {
            assertThat(WireCodec.read(WireCodec.write(message), message.getClass())).as(message.getClass().getSimpleName())
                    .isEqualTo(message);
        }
    }

    @Test
    void oneChangeOnItsOwnReadsBackEqualWithItsKind() throws WireException {
        for (Change change : pullResponse().changes()) {
            byte[] bytes = WireCodec.write(change);

            assertThat(WireCodec.read(bytes, Change.class)).isEqualTo(change);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"kind\":\"");
        }
    }

    @Test
    void membersAreSnakeCaseAndNullOnesAreWrittenAsNull() {
        String text = new String(WireCodec.write(enrolmentResponse()), StandardCharsets.UTF_8);

        assertThat(text).contains("\"device_id\":\"dev-000017\"", "\"lao_code\":null", "\"district_code\":\"6508\"",
                "\"max_items_per_batch\":100");
        assertThat(new String(WireCodec.write(pullResponse()), StandardCharsets.UTF_8))
                .contains("\"kind\":\"decision\"", "\"kind\":\"last_year_values\"", "\"decided_at\":\"2021-09-27T03:00:04.125Z\"");
    }

    @Test
    void aProblemIsRfc9457WithItsCodeStatusAndThaiAndEnglishMessages() {
        String text = new String(WireCodec.write(Problem.of(ProblemCode.UNSUPPORTED_PROTOCOL, "InfoDesk-Protocol: 2")),
                StandardCharsets.UTF_8);

        assertThat(text).contains("\"type\":\"urn:infodesk:problem:UNSUPPORTED_PROTOCOL\"", "\"status\":400",
                "\"code\":\"UNSUPPORTED_PROTOCOL\"", "\"detail\":\"InfoDesk-Protocol: 2\"", "\"th\":\"", "\"en\":\"");
    }

    @Test
    void aBatchCarriesTheEnvelopesBytesUnchangedThroughGzip() throws WireException {
        List<byte[]> envelopes = SubmissionVectors.envelopeCases().stream().map(SubmissionVectors.EnvelopeCase::envelope).toList();

        PushBatch read = WireCodec.readBatch(WireCodec.writeBatch(PushBatch.of(envelopes)), ProtocolLimits.DEFAULT);

        assertThat(read.envelopes()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(read.envelope(i)).isEqualTo(envelopes.get(i));
        }
    }

    @Test
    void aChangedEnvelopeInABatchRefusesOnlyItself() throws WireException {
        List<byte[]> envelopes = new java.util.ArrayList<>(
                SubmissionVectors.envelopeCases().stream().map(SubmissionVectors.EnvelopeCase::envelope).toList());
        envelopes.set(1, bytes(new String(envelopes.get(1), StandardCharsets.UTF_8).replace("\"revision\":2", "\"revision\":7")));
        SubmissionCodec codec = new SubmissionCodec(DefinitionLookup.of(Questionnaire.fy2564().definition()));

        PushBatch batch = WireCodec.readBatch(WireCodec.writeBatch(PushBatch.of(envelopes)), ProtocolLimits.DEFAULT);
        List<ItemOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < batch.envelopes().size(); i++) {
            SubmissionEnvelope envelope = null;
            try {
                envelope = codec.read(batch.envelope(i));
                codec.verify(envelope, KEY.jdkPublicKey());
                outcomes.add(ItemOutcome.delivered(Receipt.sign(envelope.payload().submissionId(), envelope.digest(), AT,
                        Outcome.ACCEPTED, KEY.privateKey(), KEY.keyId())));
            } catch (SubmissionException e) {
                outcomes.add(ItemOutcome.rejected(envelope == null ? null : envelope.payload().submissionId(), e));
            }
        }

        assertThat(outcomes).extracting(ItemOutcome::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.ACCEPTED);
        assertThat(outcomes.get(1).problemCode()).isEqualTo("DIGEST_MISMATCH");
        assertThat(outcomes.get(1).submissionId()).isNotNull();
    }

    // ---------------------------------------------------------------- strict refusals

    @Test
    void anUnknownMemberIsRefusedNamingIt() {
        refused("{\"enrolment_code\":\"7KQ2-M9XD-4TPA\",\"public_key\":\"" + KEY.publicKey()
                + "\",\"device_label\":\"PC\",\"admin\":true}", EnrolmentRequest.class, ProblemCode.UNKNOWN_FIELD, "admin");
        String nested = text(pushResult()).replaceFirst("\"server_key_id\"", "\"extra\":1,\"server_key_id\"");
        refused(nested, PushResult.class, ProblemCode.UNKNOWN_FIELD, "outcomes[0].receipt.extra");
    }

    @Test
    void aMissingMemberIsRefusedEvenWhenItCouldBeNull() {
        refused("{\"enrolment_code\":\"7KQ2-M9XD-4TPA\",\"public_key\":\"" + KEY.publicKey() + "\"}",
                EnrolmentRequest.class, ProblemCode.MISSING_FIELD, "device_label");
        refused(text(enrolmentResponse()).replace("\"lao_code\":null,", ""), EnrolmentResponse.class,
                ProblemCode.MISSING_FIELD, "lao_code");
        refused(text(pullResponse()).replace("\"kind\":\"definition\",", ""), PullResponse.class,
                ProblemCode.MISSING_FIELD, "changes[2].kind");
    }

    @Test
    void anEnrolmentResponseNamesItsOfficeOrSaysNullAndABadNameIsRefused() throws WireException {
        EnrolmentResponse unnamed = new EnrolmentResponse("dev-000017", "A".repeat(43), KEY.publicKey(), KEY.keyId(), "6650805",
                null, ProtocolLimits.DEFAULT);
        assertThat(text(unnamed)).contains("\"office\":null");
        assertThat(WireCodec.read(WireCodec.write(unnamed), EnrolmentResponse.class).office()).isNull();
        refused(text(enrolmentResponse()).replace("\"province\":\"เพชรบูรณ์\"", "\"province\":\" \""), EnrolmentResponse.class,
                ProblemCode.BAD_VALUE, "");
        refused(text(enrolmentResponse()).replace(",\"province\":\"เพชรบูรณ์\"", ""), EnrolmentResponse.class,
                ProblemCode.MISSING_FIELD, "office.province");
    }

    @Test
    void noValueIsCoercedFromAnotherJsonType() {
        String limits = text(ProtocolLimits.DEFAULT);
        refused(limits.replace("\"max_items_per_batch\":100", "\"max_items_per_batch\":\"100\""), ProtocolLimits.class,
                ProblemCode.WRONG_TYPE, "max_items_per_batch");
        refused(limits.replace("\"max_items_per_batch\":100", "\"max_items_per_batch\":100.0"), ProtocolLimits.class,
                ProblemCode.WRONG_TYPE, "max_items_per_batch");
        refused(limits.replace("\"max_items_per_batch\":100", "\"max_items_per_batch\":null"), ProtocolLimits.class,
                ProblemCode.WRONG_TYPE, "max_items_per_batch");
        refused(text(pullResponse()).replace("\"more\":true", "\"more\":\"true\""), PullResponse.class,
                ProblemCode.WRONG_TYPE, "more");
        refused(text(pullResponse()).replace("\"cursor\":\"c.42\"", "\"cursor\":42"), PullResponse.class,
                ProblemCode.WRONG_TYPE, "cursor");
        refused(text(receipt(Outcome.ACCEPTED)).replace("\"outcome\":\"ACCEPTED\"", "\"outcome\":0"), Receipt.class,
                ProblemCode.WRONG_TYPE, "outcome");
    }

    @Test
    void aValueOutsideItsFormIsRefusedNamingItsMember() {
        String receipt = text(receipt(Outcome.ACCEPTED));
        refused(receipt.replace(ID.toString(), ID.toString().toUpperCase()), Receipt.class, ProblemCode.BAD_VALUE, "submission_id");
        refused(receipt.replace("2021-09-27T03:00:04.125Z", "2021-09-27T03:00:04Z"), Receipt.class, ProblemCode.BAD_VALUE,
                "received_at");
        refused(receipt.replace("\"ACCEPTED\"", "\"accepted\""), Receipt.class, ProblemCode.BAD_VALUE, "outcome");
        refused(receipt.replace("\"ACCEPTED\"", "\"CONFLICT\""), Receipt.class, ProblemCode.BAD_VALUE, "");
        refused(text(enrolmentResponse()).replace("\"lao_code\":null", "\"lao_code\":\"5650801\""), EnrolmentResponse.class,
                ProblemCode.BAD_VALUE, "");
        refused(text(pullResponse()).replace("\"kind\":\"definition\"", "\"kind\":\"sermon\""), PullResponse.class,
                ProblemCode.BAD_VALUE, "changes[2].kind");
        assertThatThrownBy(() -> WireCodec.read(bytes(text(enrolmentRequest()).replace(KEY.publicKey(), KEY.publicKey() + "A")),
                EnrolmentRequest.class)).isInstanceOfSatisfying(WireException.class,
                        e -> assertThat(e).hasMessageContaining("public_key").extracting(WireException::code).isEqualTo(ProblemCode.BAD_VALUE));
    }

    @Test
    void anItemOutcomeMustBeConsistent() {
        String result = text(pushResult());
        refused(result.replaceFirst("\"problem_code\":null", "\"problem_code\":\"RULE_ERRORS\""), PushResult.class,
                ProblemCode.BAD_VALUE, "outcomes[0]");
        refused(result.replace("\"problem_code\":\"OUTSIDE_DISTRICT\"", "\"problem_code\":\"NOT_SUPERSEDING\""), PushResult.class,
                ProblemCode.BAD_VALUE, "outcomes[7]");
        refused(result.replace("\"problem_code\":\"OUTSIDE_DISTRICT\"", "\"problem_code\":\"SLEEPY\""), PushResult.class,
                ProblemCode.BAD_VALUE, "outcomes[7]");
    }

    @Test
    void malformedJsonIsRefusedBeforeItsMembersAreLookedAt() {
        String limits = text(ProtocolLimits.DEFAULT);
        refused(limits.replace("{", "{\"max_items_per_batch\":7,"), ProtocolLimits.class, ProblemCode.MALFORMED_JSON, "line 1");
        refused(limits + " {}", ProtocolLimits.class, ProblemCode.MALFORMED_JSON, "");
        refused(limits.substring(0, 20), ProtocolLimits.class, ProblemCode.MALFORMED_JSON, "");
        refused("", ProtocolLimits.class, ProblemCode.MALFORMED_JSON, "body");
        assertThat(code(() -> WireCodec.read(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}, ProtocolLimits.class)))
                .isEqualTo(ProblemCode.MALFORMED_JSON);
        refused("[]", ProtocolLimits.class, ProblemCode.WRONG_TYPE, "");
        // Cut short inside an envelope, which a member deserializer reads as a tree.
        refused("{\"envelopes\": [{", PushBatch.class, ProblemCode.MALFORMED_JSON, "");
        refused("{\"envelopes\": [{\"a\": }]}", PushBatch.class, ProblemCode.MALFORMED_JSON, "");
    }

    @Test
    void aDocumentOverItsLimitIsRefusedBeforeParsing() {
        byte[] big = new byte[WireCodec.MAX_ENROLMENT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(code(() -> WireCodec.read(big, EnrolmentRequest.class))).isEqualTo(ProblemCode.BODY_TOO_LARGE);
        byte[] huge = new byte[WireCodec.MAX_DOCUMENT_BYTES + 1];
        assertThat(code(() -> WireCodec.read(huge, PullResponse.class))).isEqualTo(ProblemCode.BODY_TOO_LARGE);
    }

    // ---------------------------------------------------------------- batches

    @Test
    void aBatchOverItsLimitsIsRefusedWithEachLimitsCode() {
        List<byte[]> one = List.of(SubmissionVectors.envelopeCases().get(0).envelope());
        byte[] body = WireCodec.writeBatch(PushBatch.of(java.util.Collections.nCopies(4, one.get(0))));
        ProtocolLimits three = new ProtocolLimits(1024 * 1024, 2 * 1024 * 1024, 3, 1024 * 1024, 60, 100);
        ProtocolLimits small = new ProtocolLimits(1024, 4096, 100, 1024 * 1024, 60, 100);
        byte[] inflatesTo5k = WireCodec.writeBatch(new PushBatch(List.of("{\"padding\":\"" + "x".repeat(5000) + "\"}")));

        assertThat(code(() -> WireCodec.readBatch(body, three))).isEqualTo(ProblemCode.TOO_MANY_ITEMS);
        assertThat(inflatesTo5k.length).isLessThan(1024);
        assertThat(code(() -> WireCodec.readBatch(inflatesTo5k, small))).isEqualTo(ProblemCode.INFLATED_TOO_LARGE);
        assertThat(code(() -> WireCodec.readBatch(new byte[1025], small))).isEqualTo(ProblemCode.BODY_TOO_LARGE);
    }

    @Test
    void aBatchThatIsNotGzipOrHoldsNoEnvelopeObjectsIsRefused() {
        assertThat(code(() -> WireCodec.readBatch(bytes("{\"envelopes\":[]}"), ProtocolLimits.DEFAULT))).isEqualTo(ProblemCode.BAD_GZIP);
        assertThat(code(() -> WireCodec.readBatch(Gzip.compress(bytes("{\"envelopes\":[]}")), ProtocolLimits.DEFAULT)))
                .isEqualTo(ProblemCode.BAD_VALUE);
        assertThat(code(() -> WireCodec.readBatch(Gzip.compress(bytes("{\"envelopes\":[{}, 7]}")), ProtocolLimits.DEFAULT)))
                .isEqualTo(ProblemCode.WRONG_TYPE);
        byte[] cut = WireCodec.writeBatch(PushBatch.of(List.of(SubmissionVectors.envelopeCases().get(0).envelope())));
        assertThat(code(() -> WireCodec.readBatch(java.util.Arrays.copyOf(cut, cut.length - 9), ProtocolLimits.DEFAULT)))
                .isEqualTo(ProblemCode.BAD_GZIP);
    }

    @Test
    void aGzipBombIsRefusedWithoutInflatingItWhole() {
        byte[] bomb = Gzip.compress(new byte[64 * 1024 * 1024]);
        assertThat((long) bomb.length).isLessThan(ProtocolLimits.DEFAULT.maxBodyBytes());

        assertThat(code(() -> WireCodec.readBatch(bomb, ProtocolLimits.DEFAULT))).isEqualTo(ProblemCode.INFLATED_TOO_LARGE);
        assertThat(code(() -> Gzip.inflate(bomb, 1024))).isEqualTo(ProblemCode.INFLATED_TOO_LARGE);
    }

    @Test
    void eachProblemCodeHasItsStatusAndMessagesInBothLanguages() {
        assertThat(ProblemCode.values()).allSatisfy(c -> {
            assertThat(c.status()).isBetween(400, 599);
            assertThat(c.messages().th()).matches(".*[\\u0E00-\\u0E7F].*");
            assertThat(c.messages().en()).isNotBlank();
        });
        assertThat(ProblemCode.BODY_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ProblemCode.RATE_LIMITED.status()).isEqualTo(429);
        assertThat(ProblemCode.RATE_LIMITED.retryLater()).isTrue();
        assertThat(ProblemCode.BAD_VALUE.retryLater()).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private static void refused(String json, Class<?> type, ProblemCode code, String where) {
        assertThatThrownBy(() -> WireCodec.read(bytes(json), type)).isInstanceOfSatisfying(WireException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.where()).as(e.getMessage()).startsWith(where);
        });
    }

    private static ProblemCode code(ThrowingCallable call) {
        try {
            call.call();
        } catch (WireException e) {
            return e.code();
        } catch (Throwable e) {
            throw new AssertionError("not a WireException", e);
        }
        throw new AssertionError("not refused");
    }

    private static String text(Object message) {
        return new String(WireCodec.write(message), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
