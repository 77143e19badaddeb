package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.erdtman.jcs.NumberToJSON;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors.CanonicalCase;
import org.infodesk.protocol.fixtures.SubmissionVectors.NumberCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8785 through {@link CanonicalJson}: the RFC's own examples and number samples, and ours. */
class CanonicalJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    static List<CanonicalCase> canonicalCases() {
        return SubmissionVectors.canonicalCases();
    }

    static List<NumberCase> numberCases() {
        return SubmissionVectors.numberCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalCases")
    void jsonTextGivesTheVectorsExactBytes(CanonicalCase c) {
        assertThat(CanonicalJson.of(c.inputText())).isEqualTo(c.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalCases")
    void aJacksonTreeOfTheSameTextGivesTheSameBytes(CanonicalCase c) throws IOException {
        assertThat(CanonicalJson.of(JACKSON.readTree(c.input()))).isEqualTo(c.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalCases")
    void canonicalBytesAreAFixedPoint(CanonicalCase c) {
        assertThat(CanonicalJson.of(new String(c.canonical(), StandardCharsets.UTF_8))).isEqualTo(c.canonical());
    }

    @Test
    void theVectorsHoldTheRfcSamplesAndAtLeastFifteenNumbers() {
        assertThat(canonicalCases()).extracting(CanonicalCase::name).contains("rfc8785-sample", "rfc8785-sorting");
        assertThat(numberCases()).filteredOn(n -> n.json() != null).hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numberCases")
    void numbersAreWrittenAsTheRfcsAppendixBSays(NumberCase n) throws IOException {
        if (n.json() == null) {
            assertThatThrownBy(() -> NumberToJSON.serializeNumber(n.value())).isInstanceOf(IOException.class);
        } else {
            assertThat(NumberToJSON.serializeNumber(n.value())).isEqualTo(n.json());
            assertThat(CanonicalJson.text("[" + Double.toString(n.value()) + "]")).isEqualTo("[" + n.json() + "]");
        }
    }

    @Test
    void aNumberBeyondADoubleIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.of("[1e400]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate");
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanWrittenAsAQuestionMark() {
        assertThatThrownBy(() -> CanonicalJson.of("{\"a\":\"\\ud800\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }

    @Test
    void onlyAnObjectOrAnArrayCanBeCanonicalised() {
        assertThatThrownBy(() -> CanonicalJson.of("\"text\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
