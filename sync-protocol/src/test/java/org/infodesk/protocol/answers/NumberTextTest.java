package org.infodesk.protocol.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "1234|1234",
        "๑๒๓๔|1234",
        "๑,๒๓๔.๕๐|1234.5",
        "1,234,567|1234567",
        "  42  |42",
        "-3.25|-3.25",
        "+7|7",
        "0.1|0.1",
        ".5|0.5",
        "007|7",
        "0000|0",
        "-00.5|-0.5",
        "000999999999999999|999999999999999",
        "999999999999999|999999999999999",
        "12.|12"
    })
    void acceptsThaiDigitsSeparatorsAndSigns(String text, String expected) {
        NumberText.Result r = NumberText.parse(text);

        assertThat(r.problem()).isNull();
        assertThat(r.value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "12a|NOT_A_NUMBER",
        "สิบ|NOT_A_NUMBER",
        "1.2.3|NOT_A_NUMBER",
        "1e5|NOT_A_NUMBER",
        "-|NOT_A_NUMBER",
        "1,23|BAD_GROUPING",
        "12,3456|BAD_GROUPING",
        ",123|BAD_GROUPING",
        "1.234,5|BAD_GROUPING",
        "1000000000000000|TOO_LARGE",
        "001000000000000000|TOO_LARGE",
        "0.1234567891|TOO_MANY_DECIMALS"
    })
    void refusesWhatIsNotPlainlyANumber(String text, NumberText.Problem expected) {
        NumberText.Result r = NumberText.parse(text);

        assertThat(r.value()).isNull();
        assertThat(r.problem()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void blankIsEmptyNotZero(String text) {
        assertThat(NumberText.parse(text).problem()).isEqualTo(NumberText.Problem.EMPTY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"๐๑๒๓๔๕๖๗๘๙|0123456789", "ถนน ๓ สาย|ถนน 3 สาย"})
    void thaiDigitsBecomeAsciiAndNothingElseChanges(String thai, String ascii) {
        assertThat(NumberText.asciiDigits(thai)).isEqualTo(ascii);
    }
}
