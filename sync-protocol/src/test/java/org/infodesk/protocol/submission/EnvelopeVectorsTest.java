package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors.EnvelopeCase;
import org.infodesk.protocol.fixtures.SubmissionVectors.TestKey;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.rules.RuleOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden envelopes: any change of the canonical form, the digest or the signature breaks
 * one of these. App and server run the same files (SubmissionVectors in the test jar).
 */
class EnvelopeVectorsTest {

    private static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(Questionnaire.fy2564().definition()));
    private final TestKey key = SubmissionVectors.testKey();

    static List<EnvelopeCase> envelopes() {
        return SubmissionVectors.envelopeCases();
    }

    @Test
    void thereAreThreeEnvelopesSignedWithTheRfc8032Test1Key() {
        assertThat(envelopes()).hasSize(3).allSatisfy(e -> assertThat(e.keyId()).isEqualTo(key.keyId()));
        assertThat(Ed25519Keys.keyId(key.jdkPublicKey())).isEqualTo(key.keyId());
    }

    @Test
    void theVectorsJustifyARulesWarningAndItemsChangesInThaiAndOneJustifiesNothing() {
        assertThat(SubmissionVectors.expectedPayload("internal-governance-r3").justifications())
                .containsOnlyKeys("area_sq_km", "rule:deficit_check");
        assertThat(SubmissionVectors.expectedPayload("infrastructure-r1").justifications()).containsOnlyKeys("street_lights_total");
        assertThat(SubmissionVectors.expectedPayload("innovation-education-r2").justifications()).isEmpty();
        assertThat(envelopes()).flatExtracting(e -> List.copyOf(SubmissionVectors.expectedPayload(e.name()).justifications().values()))
                .hasSize(3).allSatisfy(text -> assertThat(text).matches(".*[\\u0E00-\\u0E7F].*"));
    }

    @Test
    void theRuleTheGovernanceVectorJustifiesIsAWarningItsValuesRaise() {
        SubmissionPayload payload = SubmissionVectors.expectedPayload("internal-governance-r3");
        Answers.Builder answers = Answers.builder();
        payload.values().forEach((item, value) -> answers.put(payload.domainId(), item, value));

        Evaluation evaluation = Questionnaire.fy2564().evaluate(answers.build(), payload.domainId());

        assertThat(evaluation.outcome("deficit_check")).isEqualTo(RuleOutcome.FAILED);
        assertThat(evaluation.findings(payload.domainId())).filteredOn(f -> "deficit_check".equals(f.ruleId()))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void thePayloadRecordHasExactlyTheVectorsCanonicalBytes(EnvelopeCase v) {
        byte[] canonical = CODEC.canonicalPayload(SubmissionVectors.expectedPayload(v.name()));

        assertThat(new String(canonical, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(v.canonicalPayload(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(canonical).isEqualTo(v.canonicalPayload());
        assertThat(SubmissionCodec.digest(canonical)).isEqualTo(v.digest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void signingThePayloadWithTheRfcKeyGivesTheVectorsSignatureAndEnvelopeBytes(EnvelopeCase v) {
        SubmissionEnvelope signed = CODEC.sign(SubmissionVectors.expectedPayload(v.name()), key.privateKey(), key.keyId());

        assertThat(signed.digest()).isEqualTo(v.digest());
        assertThat(signed.signature()).isEqualTo(v.signature());
        assertThat(CODEC.write(signed)).isEqualTo(v.envelope());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void readingTheVectorsEnvelopeGivesThePayloadAndItVerifiesWithThePublicKey(EnvelopeCase v) throws SubmissionException {
        SubmissionEnvelope read = CODEC.read(v.envelope());

        assertThat(read.payload()).isEqualTo(SubmissionVectors.expectedPayload(v.name()));
        assertThat(read.digest()).isEqualTo(v.digest());
        assertThat(read.signature()).isEqualTo(v.signature());
        assertThat(read.keyId()).isEqualTo(v.keyId());
        CODEC.verify(read, key.jdkPublicKey());
        SubmissionCodec.verifyCanonical(v.canonicalPayload(), v.digest(), v.signature(), key.jdkPublicKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void readingTheVectorsPayloadBytesGivesThePayload(EnvelopeCase v) throws SubmissionException {
        assertThat(CODEC.readPayload(v.canonicalPayload())).isEqualTo(SubmissionVectors.expectedPayload(v.name()));
    }
}
