package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors.EnvelopeCase;
import org.infodesk.protocol.fixtures.SubmissionVectors.TestKey;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.SubmissionProblem.Code;
import org.junit.jupiter.api.Test;

class SubmissionCodecTest {

    private static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(Questionnaire.fy2564().definition()));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestKey key = SubmissionVectors.testKey();
    private final EnvelopeCase small = SubmissionVectors.envelopeCase("infrastructure-r1");

    // ------------------------------------------------------------ signing and verifying

    @Test
    void anEnvelopeVerifiesWithTheSigningDevicesPublicKeyAndWithNoOther() throws SubmissionException {
        KeyPair device = Ed25519Keys.generate();
        SubmissionEnvelope envelope = CODEC.sign(SubmissionVectors.expectedPayload("innovation-education-r2"),
                device.getPrivate(), Ed25519Keys.keyId(device.getPublic()));

        CODEC.verify(envelope, device.getPublic());
        SubmissionException e = catchThrowableOfType(SubmissionException.class,
                () -> CODEC.verify(envelope, key.jdkPublicKey()));

        assertThat(e.code()).isEqualTo(Code.BAD_SIGNATURE);
    }

    @Test
    void readingForVerificationGivesTheCanonicalBytesTheDeviceSigned() throws SubmissionException {
        KeyPair device = Ed25519Keys.generate();
        SubmissionEnvelope signed = CODEC.sign(SubmissionVectors.expectedPayload("innovation-education-r2"),
                device.getPrivate(), Ed25519Keys.keyId(device.getPublic()));

        SubmissionCodec.Read read = CODEC.readCanonical(CODEC.write(signed));

        assertThat(read.envelope()).isEqualTo(signed);
        assertThat(read.canonicalPayload()).isEqualTo(CODEC.canonicalPayload(signed.payload()));
        SubmissionCodec.verifyCanonical(read.canonicalPayload(), signed.digest(), signed.signature(), device.getPublic());
    }

    @Test
    void anEnvelopeMadeFromTheStoredPartsIsByteForByteTheSignedEnvelopeAndReadsBack() throws SubmissionException {
        KeyPair device = Ed25519Keys.generate();
        String keyId = Ed25519Keys.keyId(device.getPublic());
        SubmissionEnvelope signed = CODEC.sign(SubmissionVectors.expectedPayload("innovation-education-r2"), device.getPrivate(), keyId);
        byte[] canonical = CODEC.canonicalPayload(signed.payload());

        byte[] rebuilt = SubmissionCodec.envelopeBytes(canonical, signed.digest(), signed.signatureBytes(), keyId);

        assertThat(rebuilt).isEqualTo(CODEC.write(signed));
        CODEC.verify(CODEC.read(rebuilt), device.getPublic());
        assertThatThrownBy(() -> SubmissionCodec.envelopeBytes("[1]".getBytes(StandardCharsets.UTF_8), signed.digest(),
                signed.signatureBytes(), keyId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmissionCodec.envelopeBytes(canonical, signed.digest(), new byte[12], keyId))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingAnyByteOfTheCanonicalPayloadFailsTheDigestAndWithARecomputedDigestTheSignature() {
        assertThat(SubmissionVectors.expectedPayload(small.name()).justifications()).as("bytes of a justification too").isNotEmpty();
        byte[] payload = small.canonicalPayload();
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            String at = "byte " + i;

            SubmissionException digest = catchThrowableOfType(SubmissionException.class,
                    () -> SubmissionCodec.verifyCanonical(changed, small.digest(), small.signature(), key.jdkPublicKey()));
            SubmissionException signature = catchThrowableOfType(SubmissionException.class,
                    () -> SubmissionCodec.verifyCanonical(changed, SubmissionCodec.digest(changed), small.signature(),
                            key.jdkPublicKey()));

            assertThat(digest).as(at).isNotNull();
            assertThat(digest.code()).as(at).isEqualTo(Code.DIGEST_MISMATCH);
            assertThat(signature).as(at).isNotNull();
            assertThat(signature.code()).as(at).isEqualTo(Code.BAD_SIGNATURE);
        }
    }

    @Test
    void changingAnyByteOfThePayloadInsideAnEnvelopeGetsItRefusedWhenReadOrWhenVerified() {
        byte[] envelope = small.envelope();
        String text = new String(envelope, StandardCharsets.UTF_8);
        int start = text.indexOf("\"payload\":{") + "\"payload\":".length();
        int end = text.indexOf(",\"signature\":");
        int from = utf8Length(text.substring(0, start));
        int to = utf8Length(text.substring(0, end));
        Map<Code, Integer> refusals = new EnumMap<>(Code.class);

        for (int i = from; i < to; i++) {
            byte[] changed = envelope.clone();
            changed[i] ^= 0x01;
            SubmissionException e = catchThrowableOfType(SubmissionException.class,
                    () -> CODEC.verify(CODEC.read(changed), key.jdkPublicKey()));
            assertThat(e).as("byte " + i + " of " + text).isNotNull();
            refusals.merge(e.code(), 1, Integer::sum);
        }

        assertThat(refusals.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(to - from);
        assertThat(refusals).containsKeys(Code.DIGEST_MISMATCH, Code.MALFORMED_JSON, Code.UNKNOWN_FIELD, Code.BAD_VALUE);
    }

    @Test
    void aDigestThatIsNotThePayloadsFailsVerification() throws SubmissionException {
        byte[] other = mutated(small, e -> e.put("digest", SubmissionCodec.digest(new byte[0])));

        SubmissionException e = catchThrowableOfType(SubmissionException.class,
                () -> CODEC.verify(CODEC.read(other), key.jdkPublicKey()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.DIGEST_MISMATCH);
            assertThat(p.where()).isEqualTo("digest");
        });
    }

    @Test
    void aChangedNumberFailsVerificationAlsoWhenTheDigestIsMadeToMatch() throws SubmissionException {
        SubmissionEnvelope read = readAndRefuseAsTampered(small, "\"road_km_total\":\"42.36\"", "\"road_km_total\":\"42.37\"");

        assertThat(read.payload().values().get("road_km_total")).isEqualTo(new BigDecimal("42.37"));
    }

    @Test
    void oneChangedCharacterOfAJustificationFailsVerificationAlsoWhenTheDigestIsMadeToMatch() throws SubmissionException {
        EnvelopeCase governance = SubmissionVectors.envelopeCase("internal-governance-r3");

        SubmissionEnvelope read = readAndRefuseAsTampered(governance, "จ่ายขาดเงินสะสม", "จ่ายขาดเงินสะสน");

        assertThat(read.payload().justifications().get("rule:deficit_check")).startsWith("จ่ายขาดเงินสะสน 27,414,699.25 บาท");
    }

    // ------------------------------------------------------------ round trips

    @Test
    void aPayloadOfEveryValueTypeComesBackEqualFromItsCanonicalBytes() throws SubmissionException {
        SubmissionPayload payload = new SubmissionPayload(new SubmissionIds().next(), "5650801", 2564, "internal_governance",
                1, null, "dla-lao-info", 1, Map.of(
                        "dla_code", "5650801",
                        "lao_type", "subdistrict_municipality",
                        "area_sq_km", new BigDecimal("24.50"),
                        "total_households", new BigDecimal("3620"),
                        "population_reference_date", LocalDate.of(2020, 12, 31)),
                Map.of(), new Certifier("somchai.j", "นายสมชาย ใจดี", "ปลัดเทศบาลตำบลวังทอง"), Instant.now(), "wks-5650801-01");

        byte[] canonical = CODEC.canonicalPayload(payload);

        assertThat(CODEC.readPayload(canonical)).isEqualTo(payload);
        assertThat(CODEC.canonicalPayload(CODEC.readPayload(canonical))).isEqualTo(canonical);
    }

    @Test
    void aPayloadWithJustificationsOfARuleAndOfAnItemComesBackEqualFromItsCanonicalBytes() throws SubmissionException {
        SubmissionPayload payload = justified("infrastructure", Map.of(
                "rule:road_avg_length", "ถนนสายหลักเลียบแม่น้ำน่านยาว 36 กม. ต่อเนื่องหลายตำบล",
                "road_routes_total", "รับโอนถนนจากกรมทางหลวงชนบท 3 สาย \"สาย พล.3012\" และ 2 สายย่อย"));

        byte[] canonical = CODEC.canonicalPayload(payload);

        assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("\"justifications\":{\"road_routes_total\":\"รับโอนถนน"
                + "จากกรมทางหลวงชนบท 3 สาย \\\"สาย พล.3012\\\" และ 2 สายย่อย\",\"rule:road_avg_length\":\"ถนนสายหลัก");
        assertThat(CODEC.readPayload(canonical)).isEqualTo(payload);
        assertThat(CODEC.canonicalPayload(CODEC.readPayload(canonical))).isEqualTo(canonical);
    }

    @Test
    void anEnvelopeComesBackEqualFromItsBytes() throws SubmissionException {
        KeyPair device = Ed25519Keys.generate();
        SubmissionEnvelope envelope = CODEC.sign(SubmissionVectors.expectedPayload("innovation-education-r2"),
                device.getPrivate(), "device-7");

        assertThat(CODEC.read(CODEC.write(envelope))).isEqualTo(envelope);
    }

    @Test
    void aDomainWithNothingAnsweredHasAnEmptyValuesObject() throws SubmissionException {
        SubmissionPayload empty = new SubmissionPayload(new SubmissionIds().next(), "5650801", 2564, "water_management",
                1, null, "dla-lao-info", 1, Map.of(), Map.of(), new Certifier("u1", "ก", "ข"), Instant.now(), "d1");

        byte[] canonical = CODEC.canonicalPayload(empty);

        assertThat(new String(canonical, StandardCharsets.UTF_8)).contains("\"values\":{}", "\"justifications\":{}");
        assertThat(CODEC.readPayload(canonical)).isEqualTo(empty);
    }

    // ------------------------------------------------------------ refusals

    @Test
    void anEnvelopeOverOneMebibyteIsRefusedBeforeAnyParsing() {
        byte[] oversize = new byte[SubmissionCodec.MAX_ENVELOPE_BYTES + 1];
        Arrays.fill(oversize, (byte) '{');

        assertThat(refusal(oversize).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.TOO_LARGE);
            assertThat(p.detail()).contains("1048576");
        });
    }

    @Test
    void anEnvelopeOfExactlyTheLimitIsRead() throws SubmissionException {
        byte[] padded = Arrays.copyOf(small.envelope(), SubmissionCodec.MAX_ENVELOPE_BYTES);
        Arrays.fill(padded, small.envelope().length, padded.length, (byte) ' ');

        assertThat(CODEC.read(padded).digest()).isEqualTo(small.digest());
    }

    @Test
    void anEndlessStreamIsRefusedAfterOneByteMoreThanTheLimit() {
        CountingEndlessStream in = new CountingEndlessStream();

        SubmissionException e = catchThrowableOfType(SubmissionException.class, () -> CODEC.read(in));

        assertThat(e.code()).isEqualTo(Code.TOO_LARGE);
        assertThat(in.served).isEqualTo(SubmissionCodec.MAX_ENVELOPE_BYTES + 1L);
    }

    @Test
    void unknownMembersAreRefusedWhereverTheyAre() {
        byte[] bytes = mutated(small, e -> {
            e.put("comment", "x");
            ((ObjectNode) e.get("payload")).put("reviewer", "y");
        });
        byte[] inCertifier = mutated(small, e -> ((ObjectNode) e.get("payload").get("certifier")).put("phone", "0"));

        assertThat(refusal(bytes).problems()).extracting(SubmissionProblem::code, SubmissionProblem::where)
                .containsExactly(tuple(Code.UNKNOWN_FIELD, "comment"));
        assertThat(refusal(mutated(small, e -> ((ObjectNode) e.get("payload")).put("reviewer", "y"))).problems())
                .extracting(SubmissionProblem::code, SubmissionProblem::where)
                .containsExactly(tuple(Code.UNKNOWN_FIELD, "payload.reviewer"));
        assertThat(refusal(inCertifier).problems()).extracting(SubmissionProblem::where).containsExactly("payload.certifier.phone");
    }

    @Test
    void missingMembersAreRefusedEachByName() {
        byte[] bytes = mutated(small, e -> {
            ((ObjectNode) e.get("payload")).remove("device_id");
            ((ObjectNode) e.get("payload")).remove("supersedes");
            ((ObjectNode) e.get("payload")).remove("justifications");
        });

        assertThat(refusal(bytes).problems()).extracting(SubmissionProblem::code, SubmissionProblem::where)
                .containsExactlyInAnyOrder(
                        tuple(Code.MISSING_FIELD, "payload.device_id"),
                        tuple(Code.MISSING_FIELD, "payload.supersedes"),
                        tuple(Code.MISSING_FIELD, "payload.justifications"));
        assertThat(refusal(mutated(small, e -> e.remove("key_id"))).problems())
                .extracting(SubmissionProblem::where).containsExactly("key_id");
    }

    @Test
    void membersOfTheWrongTypeAreAllReportedTogether() {
        byte[] bytes = mutated(small, e -> {
            ObjectNode p = (ObjectNode) e.get("payload");
            p.put("revision", "1");
            p.put("fiscal_year", 2564.0);
            p.put("lao_code", 5650801);
            p.putArray("values");
            p.putArray("justifications");
            p.put("certifier", "somchai");
            e.put("digest", 1);
        });
        byte[] notText = mutated(small, e -> ((ObjectNode) e.get("payload").get("justifications")).put("street_lights_total", 540));

        assertThat(refusal(bytes).problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.WRONG_TYPE))
                .extracting(SubmissionProblem::where).containsExactlyInAnyOrder("digest", "payload.revision",
                        "payload.fiscal_year", "payload.lao_code", "payload.values", "payload.justifications",
                        "payload.certifier");
        assertThat(refusal(notText).problems()).extracting(SubmissionProblem::code, SubmissionProblem::where)
                .containsExactly(tuple(Code.WRONG_TYPE, "payload.justifications.street_lights_total"));
    }

    @Test
    void valuesOutsideTheirFormAreRefusedWithTheReason() {
        byte[] bytes = mutated(small, e -> {
            ObjectNode p = (ObjectNode) e.get("payload");
            p.put("submission_id", "6f1c2a6e-4f0b-4d7e-9a55-2a3b4c5d6e7f");
            p.put("lao_code", "565080");
            p.put("fiscal_year", 2021);
            p.put("certified_at", "2021-09-27T09:30:15+07:00");
            p.put("supersedes", 1);
            ((ObjectNode) p.get("certifier")).put("name", "  ");
            e.put("key_id", "key id with spaces");
        });

        assertThat(refusal(bytes).problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.BAD_VALUE))
                .extracting(SubmissionProblem::where).containsExactlyInAnyOrder("key_id", "payload.submission_id",
                        "payload.lao_code", "payload.fiscal_year", "payload.certified_at", "payload.supersedes",
                        "payload.certifier.name");
    }

    @Test
    void aSignatureThatIsNotStrictBase64UrlIsRefusedAsBadBase64() {
        String signature = small.signature();
        for (String bad : List.of(signature + "==", signature.replace('-', '+').replace('_', '/'), signature + "!")) {
            SubmissionException e = refusal(mutated(small, env -> env.put("signature", bad)));
            assertThat(e.problems()).as(bad).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(Code.BAD_BASE64);
                assertThat(p.where()).isEqualTo("signature");
            });
        }
    }

    @Test
    void aSignatureOfTheWrongLengthIsRefusedAsWrongLength() {
        String shorter = small.signature().substring(0, 84); // 63 bytes

        assertThat(refusal(mutated(small, env -> env.put("signature", shorter))).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.WRONG_LENGTH);
            assertThat(p.detail()).isEqualTo("64 bytes expected, 63 found");
        });
    }

    @Test
    void textThatIsNotAJsonObjectInUtf8IsRefusedAsMalformed() {
        String envelope = new String(small.envelope(), StandardCharsets.UTF_8);
        List<byte[]> malformed = List.of(
                envelope.replace("{\"digest\":", "{\"digest\":\"0\",\"digest\":").getBytes(StandardCharsets.UTF_8),
                (envelope + " {}").getBytes(StandardCharsets.UTF_8),
                envelope.substring(0, envelope.length() - 1).getBytes(StandardCharsets.UTF_8),
                ("[" + envelope + "]").getBytes(StandardCharsets.UTF_8),
                envelope.getBytes(StandardCharsets.UTF_16),
                envelope.replace("นายสมชาย", "\\ud800").getBytes(StandardCharsets.UTF_8),
                new byte[0]);
        for (byte[] bytes : malformed) {
            assertThat(refusal(bytes).code()).isEqualTo(Code.MALFORMED_JSON);
        }
        assertThat(refusal(malformed.get(5)).problems().get(0).where()).isEqualTo("payload.certifier.name");
    }

    @Test
    void aLaterFormatIsRefusedAsUnsupportedWhateverElseItHolds() {
        byte[] bytes = mutated(small, e -> ((ObjectNode) e.get("payload")).put("format", 2).put("new_member", true));

        assertThat(refusal(bytes).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.UNSUPPORTED_FORMAT);
            assertThat(p.message(Locale.ENGLISH)).contains("format 2");
        });
    }

    @Test
    void aDefinitionOrDomainTheReaderDoesNotKnowIsNamed() {
        byte[] version2 = mutated(small, e -> ((ObjectNode) e.get("payload")).put("definition_version", 2));
        byte[] noDomain = mutated(small, e -> ((ObjectNode) e.get("payload")).put("domain_id", "space_programme"));

        assertThat(refusal(version2).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.UNKNOWN_DEFINITION);
            assertThat(p.detail()).isEqualTo("dla-lao-info/2564/2");
        });
        assertThat(refusal(noDomain).code()).isEqualTo(Code.UNKNOWN_DOMAIN);
    }

    @Test
    void valuesThatDoNotFitTheirItemsAreNamed() {
        byte[] bytes = mutated(small, e -> {
            ObjectNode values = (ObjectNode) e.get("payload").get("values");
            values.put("road_km_total", "many");
            values.put("no_such_item", "1");
            values.put("comprehensive_plan_in_force", "yes");
        });

        assertThat(refusal(bytes).problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.BAD_ANSWER))
                .extracting(SubmissionProblem::where).containsExactlyInAnyOrder("payload.values.road_km_total",
                        "payload.values.no_such_item", "payload.values.comprehensive_plan_in_force");
    }

    @Test
    void readableValuesNotInTheirCanonicalFormAreRefused() {
        byte[] bytes = mutated(small, e -> {
            ObjectNode values = (ObjectNode) e.get("payload").get("values");
            values.put("road_km_total", new BigDecimal("42.36"));   // a JSON number, not a string
            values.put("road_km_asphalt", "11.20");                  // a trailing zero
            values.put("road_km_concrete", "๒๗.๔๕");                 // Thai digits
            values.put("street_lights_total", "1,285");             // a separator
            values.putNull("footpath_km");                          // null: unanswered is absent
        });

        SubmissionException e = refusal(bytes);

        assertThat(e.problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.NOT_CANONICAL))
                .extracting(SubmissionProblem::where).containsExactlyInAnyOrder("payload.values.road_km_total",
                        "payload.values.road_km_asphalt", "payload.values.road_km_concrete",
                        "payload.values.street_lights_total", "payload.values.footpath_km");
        assertThat(e.problems()).filteredOn(p -> p.where().endsWith("road_km_asphalt")).singleElement()
                .satisfies(p -> assertThat(p.detail()).isEqualTo("written \"11.2\" expected, \"11.20\" found"));
    }

    @Test
    void aJustificationOfARuleOrItemTheDomainDoesNotHaveIsRefusedNamingIt() {
        byte[] bytes = mutated(small, e -> ((ObjectNode) e.get("payload").get("justifications"))
                .put("rule:no_such_rule", "ก")
                .put("rule:deficit_check", "a rule of internal_governance, not of infrastructure")
                .put("no_such_item", "ข")
                .put("comprehensive_plan_in_force", "a yes/no has no change from last year")
                .put("Rule:road_avg_length", "ค"));

        SubmissionException e = refusal(bytes);

        assertThat(e.problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.UNKNOWN_SUBJECT))
                .extracting(SubmissionProblem::where, SubmissionProblem::detail).containsExactlyInAnyOrder(
                        tuple("payload.justifications.rule:no_such_rule", "the domain infrastructure has no rule no_such_rule"),
                        tuple("payload.justifications.rule:deficit_check", "the domain infrastructure has no rule deficit_check"),
                        tuple("payload.justifications.no_such_item", "the domain infrastructure has no item no_such_item"),
                        tuple("payload.justifications.comprehensive_plan_in_force",
                                "infrastructure.comprehensive_plan_in_force is not a number item (yes_no)"),
                        tuple("payload.justifications.Rule:road_avg_length",
                                "the domain infrastructure has no item Rule:road_avg_length"));
        assertThat(e.problems().get(0).message(Locale.ENGLISH)).startsWith("The justification payload.justifications.");
    }

    @Test
    void aJustificationsSubjectIsCheckedAlongsideTheValues() {
        byte[] bytes = mutated(small, e -> {
            ((ObjectNode) e.get("payload").get("justifications")).put("rule:no_such_rule", "ก");
            ((ObjectNode) e.get("payload").get("values")).put("no_such_item", "1");
        });

        assertThat(refusal(bytes).problems()).extracting(SubmissionProblem::code).containsExactly(Code.BAD_ANSWER, Code.UNKNOWN_SUBJECT);
    }

    @Test
    void aBlankTooLongMultiLineOrUnstrippedJustificationIsRefusedAsBadValue() {
        String where = "payload.justifications.street_lights_total";
        for (String bad : List.of("", "  ", "ก".repeat(501), "ติดตั้งเพิ่ม\nตามโครงการ", " ติดตั้งเพิ่ม", "ติดตั้งเพิ่ม\u3000")) {
            byte[] bytes = mutated(small, e -> ((ObjectNode) e.get("payload").get("justifications")).put("street_lights_total", bad));

            assertThat(refusal(bytes).problems()).as(bad).extracting(SubmissionProblem::code, SubmissionProblem::where)
                    .containsExactly(tuple(Code.BAD_VALUE, where));
        }
        assertThat(refusal(mutated(small, e -> ((ObjectNode) e.get("payload").get("justifications"))
                .put("street_lights_total", "ก".repeat(501)))).problems().get(0).detail()).isEqualTo("not 1 to 500 characters");
    }

    @Test
    void canonicalBytesAreRefusedForAJustificationOfARuleOrItemTheDomainDoesNotHave() {
        for (String subject : List.of("rule:deficit_check", "fiscal_year", "comprehensive_plan_in_force")) {
            SubmissionPayload wrong = justified("infrastructure", Map.of(subject, "เหตุผล"));

            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> CODEC.canonicalPayload(wrong))).as(subject)
                    .hasMessageStartingWith("justifications." + subject + ": ");
        }
    }

    @Test
    void canonicalBytesAreRefusedForValuesThatAreNotOfTheirItemsType() {
        SubmissionPayload wrong = new SubmissionPayload(new SubmissionIds().next(), "5650801", 2564, "infrastructure",
                1, null, "dla-lao-info", 1, Map.of("road_km_total", "42.36"), Map.of(), new Certifier("u1", "ก", "ข"),
                Instant.now(), "d1");

        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> CODEC.canonicalPayload(wrong)))
                .hasMessageContaining("infrastructure.road_km_total");
    }

    // ------------------------------------------------------------ messages

    @Test
    void everyProblemHasAThaiAndAnEnglishMessage() {
        ResourceBundle thai = bundle(Locale.ROOT);
        ResourceBundle english = bundle(Locale.ENGLISH);

        for (Code code : Code.values()) {
            String key = "submission." + code.name();
            assertThat(thai.containsKey(key)).as(key + " in Thai").isTrue();
            assertThat(english.getLocale()).isEqualTo(Locale.ENGLISH);
            assertThat(english.getString(key)).as(key + " in English").isNotEqualTo(thai.getString(key));
            assertThat(thai.getString(key)).as(key).matches(".*[\\u0E00-\\u0E7F].*");
        }
        SubmissionProblem missing = new SubmissionProblem(Code.MISSING_FIELD, "payload.device_id", "");
        assertThat(missing.message(new Locale("th"))).isEqualTo("ข้อมูลที่ส่งขาดช่อง payload.device_id");
        assertThat(missing.message(Locale.ENGLISH)).isEqualTo("The submission lacks the field payload.device_id");
    }

    // ------------------------------------------------------------ helpers

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.infodesk.protocol.submission.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static SubmissionException refusal(byte[] envelope) {
        SubmissionException e = catchThrowableOfType(SubmissionException.class, () -> CODEC.read(envelope));
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private static byte[] mutated(EnvelopeCase vector, Consumer<ObjectNode> change) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(vector.envelope());
            change.accept(envelope);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, envelope);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads an envelope with one text replaced, which must then fail verification: with its digest
     * ({@code DIGEST_MISMATCH}) and, with the digest recomputed, with its signature ({@code BAD_SIGNATURE}).
     */
    private SubmissionEnvelope readAndRefuseAsTampered(EnvelopeCase vector, String from, String to) throws SubmissionException {
        String original = new String(vector.envelope(), StandardCharsets.UTF_8);
        byte[] tampered = original.replace(from, to).getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(vector.envelope());

        SubmissionEnvelope read = CODEC.read(tampered);
        SubmissionException digest = catchThrowableOfType(SubmissionException.class, () -> CODEC.verify(read, key.jdkPublicKey()));
        SubmissionEnvelope redigested = new SubmissionEnvelope(read.payload(),
                SubmissionCodec.digest(CODEC.canonicalPayload(read.payload())), read.signature(), read.keyId());
        SubmissionException signature = catchThrowableOfType(SubmissionException.class,
                () -> CODEC.verify(redigested, key.jdkPublicKey()));

        assertThat(digest.code()).isEqualTo(Code.DIGEST_MISMATCH);
        assertThat(signature.code()).isEqualTo(Code.BAD_SIGNATURE);
        return read;
    }

    private static SubmissionPayload justified(String domain, Map<String, String> justifications) {
        return new SubmissionPayload(new SubmissionIds().next(), "5650801", 2564, domain, 1, null, "dla-lao-info", 1,
                Map.of(), justifications, new Certifier("u1", "ก", "ข"), Instant.now(), "d1");
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Serves spaces forever, counting them. */
    private static final class CountingEndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) ' ');
            served += len;
            return len;
        }
    }
}
