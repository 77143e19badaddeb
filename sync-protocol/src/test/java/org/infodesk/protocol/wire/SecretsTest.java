package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens and enrolment codes have the forms of SPEC §4.3-4.4 and are kept only as hashes. */
class SecretsTest {

    @Test
    void tokensAre43CharactersOfBase64urlAndNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.newToken();
            assertThat(Secrets.isTokenForm(token)).as(token).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
        assertThat(Secrets.isTokenForm("short")).isFalse();
        assertThat(Secrets.isTokenForm(null)).isFalse();
    }

    @Test
    void aStoredHashMatchesOnlyItsOwnToken() {
        String token = Secrets.newToken();
        String stored = Secrets.hash(token);

        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(Secrets.matches(token, stored)).isTrue();
        assertThat(Secrets.matches(Secrets.newToken(), stored)).isFalse();
        assertThat(Secrets.matches(null, stored)).isFalse();
    }

    @Test
    void enrolmentCodesAreThreeGroupsOfFourThatAnEnrolmentRequestTakes() {
        for (int i = 0; i < 100; i++) {
            String code = Secrets.newEnrolmentCode();
            assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
            assertThat(new EnrolmentRequest(code, org.infodesk.protocol.fixtures.SubmissionVectors.testKey().publicKey(), "PC")
                    .enrolmentCode()).isEqualTo(code);
        }
    }

    @Test
    void onlyVersion1IsSpoken() {
        assertThat(Routes.speaks("1")).isTrue();
        assertThat(Routes.speaks("2")).isFalse();
        assertThat(Routes.speaks(" 1")).isFalse();
        assertThat(Routes.speaks(null)).isFalse();
    }
}
