package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.infodesk.app.i18n.Messages;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static UserException.Problem refusal(String username, String password) {
        UserException e = catchThrowableOfType(UserException.class, () -> PasswordRules.check(username, password));
        return e == null ? null : e.problem();
    }

    @Test
    void aPasswordShorterThanEightCharactersIsTooShortAndTheMessageSaysHowLong() {
        UserException e = catchThrowableOfType(UserException.class, () -> PasswordRules.check("somchai", "abc1234"));

        assertThat(e.problem()).isEqualTo(UserException.Problem.PASSWORD_TOO_SHORT);
        assertThat(e.message(Messages.thai())).contains("8");
        assertThat(e.message(Messages.of(java.util.Locale.ENGLISH))).contains("at least 8 characters");
    }

    @Test
    void eightThaiKeystrokesAreEnough() {
        // ร ห ั ส ผ ่ า น: eight code points, eight keys on a Thai keyboard
        assertThatCode(() -> PasswordRules.check("somchai", "รหัสผ่าน")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("somchai", "ม้าหมุน99")).doesNotThrowAnyException();
    }

    @Test
    void digitsOnlyCommonPasswordsTheUserNameAndOneRepeatedCharacterAreRefused() {
        assertThat(refusal("somchai", "25052530")).isEqualTo(UserException.Problem.PASSWORD_ONLY_DIGITS);
        assertThat(refusal("somchai", "๒๕๐๕๒๕๓๐")).as("Thai digits").isEqualTo(UserException.Problem.PASSWORD_ONLY_DIGITS);
        assertThat(refusal("somchai", "Password1")).isEqualTo(UserException.Problem.PASSWORD_TOO_EASY);
        assertThat(refusal("somchai.k", "Somchai.K")).isEqualTo(UserException.Problem.PASSWORD_TOO_EASY);
        assertThat(refusal("somchai", "aaaaaaaaaa")).isEqualTo(UserException.Problem.PASSWORD_TOO_EASY);
        assertThat(refusal("somchai", "x".repeat(64) + "y".repeat(65))).isEqualTo(UserException.Problem.PASSWORD_TOO_LONG);
        assertThat(refusal("somchai", "แก่งโสภา2564")).isNull();
    }
}
