package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Argon2id hashing: verification, the stored form, rehash decisions. Small parameters keep the tests fast. */
class PasswordHasherTest {

    static final PasswordHasher.Params SMALL = new PasswordHasher.Params(1024, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(SMALL, new SecureRandom());

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String encoded = hasher.hash("รหัสผ่านยาวพอ");

        assertThat(hasher.verify("รหัสผ่านยาวพอ", encoded)).isTrue();
        assertThat(hasher.verify("รหัสผ่านยาวพอ ", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
    }

    @Test
    void theEncodedStringCarriesTheAlgorithmItsParametersAndASalt() {
        String encoded = hasher.hash("correct horse");

        // 16-byte salt and 32-byte hash, unpadded Base64
        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHasher.parse(encoded)).hasValueSatisfying(e -> {
            assertThat(e.params()).isEqualTo(SMALL);
            assertThat(e.salt()).hasSize(16);
            assertThat(e.hash()).hasSize(32);
        });
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hasher.hash("correct horse"));
    }

    @Test
    void aHashFromTheReferenceImplementationVerifies() {
        // phc-winner-argon2's test vector: "password", salt "somesalt", m=64 MiB, t=2, p=1
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("Password", reference)).isFalse();
    }

    @Test
    void aPasswordTypedInAnotherUnicodeFormStillMatches() {
        String composed = "caf\u00e9 au lait";
        String decomposed = "cafe\u0301 au lait";

        assertThat(hasher.verify(decomposed, hasher.hash(composed))).isTrue();
    }

    @Test
    void weakerParametersOrAShortSaltNeedARehashButTheCurrentOnesDoNot() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Params(2048, 2, 1), new SecureRandom());
        String old = hasher.hash("correct horse");

        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
        assertThat(stronger.needsRehash(stronger.hash("correct horse"))).isFalse();
        assertThat(hasher.needsRehash("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
                .as("an 8-byte salt").isTrue();
    }

    @Test
    void aStoredStringThatIsNotAnAcceptableHashNeverMatches() {
        String good = hasher.hash("correct horse");

        assertThat(hasher.verify("correct horse", null)).isFalse();
        assertThat(hasher.verify("correct horse", "")).isFalse();
        assertThat(hasher.verify("correct horse", good.replace("argon2id", "argon2i"))).isFalse();
        assertThat(hasher.verify("correct horse", good.substring(0, good.length() - 5))).isFalse();
        // parameters beyond what the 256 MB heap allows are refused before any memory is taken
        assertThat(hasher.verify("correct horse", good.replace("m=1024", "m=4194304"))).isFalse();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
    }

    @Test
    void theDefaultParametersAreArgon2idWithAtLeastTheOwaspMinimum() {
        // OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1 at the least
        PasswordHasher.Params d = PasswordHasher.Params.DEFAULT;

        assertThat(d.memoryKiB() * (long) d.iterations()).isGreaterThanOrEqualTo(19L * 1024 * 2);
        assertThat(d.memoryKiB()).isLessThanOrEqualTo(PasswordHasher.Params.MAX_MEMORY_KIB);
    }
}
