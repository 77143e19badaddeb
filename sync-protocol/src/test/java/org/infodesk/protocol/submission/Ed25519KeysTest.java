package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors.TestKey;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private final TestKey rfc = SubmissionVectors.testKey();

    @Test
    void theRfc8032Test1KeyReproducesTheRfcsSignatureOfTheEmptyMessage() {
        byte[] signature = Ed25519Keys.sign(rfc.privateKey(), new byte[0]);

        assertThat(signature).isEqualTo(rfc.emptyMessageSignature());
        assertThat(Ed25519Keys.verify(rfc.jdkPublicKey(), new byte[0], signature)).isTrue();
    }

    @Test
    void keysTakingTurnsEachSignWithTheirOwnKeyAsTheJdkDoes() throws Exception {
        KeyPair first = Ed25519Keys.generate();
        KeyPair second = Ed25519Keys.generate();
        byte[] message = "ส่งข้อมูล".getBytes(StandardCharsets.UTF_8);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");

        for (KeyPair pair : java.util.List.of(first, second, first, second)) {
            byte[] ours = Ed25519Keys.sign(pair.getPrivate(), message);
            jdk.initSign(pair.getPrivate());
            jdk.update(message);

            assertThat(ours).isEqualTo(jdk.sign());
            assertThat(Ed25519Keys.verify(pair.getPublic(), message, ours)).isTrue();
        }
    }

    @Test
    void aPublicKeyTravelsAsItsRaw32BytesInBase64UrlAndComesBackTheSame() throws SubmissionException {
        String wire = Ed25519Keys.encode(rfc.jdkPublicKey());

        assertThat(wire).isEqualTo(rfc.publicKey()).hasSize(43);
        PublicKey back = Ed25519Keys.decode(wire, "public_key");
        assertThat(Ed25519Keys.raw(back)).isEqualTo(rfc.rawPublicKey());
        assertThat(back).isEqualTo(rfc.jdkPublicKey());
    }

    @Test
    void aGeneratedKeyPinnedByItsWireFormVerifiesWhatItsPrivateKeySigned() throws SubmissionException {
        KeyPair device = Ed25519Keys.generate();
        byte[] message = "รับรองข้อมูล".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519Keys.sign(device.getPrivate(), message);

        PublicKey pinned = Ed25519Keys.decode(Ed25519Keys.encode(device.getPublic()), "public_key");

        assertThat(Ed25519Keys.verify(pinned, message, signature)).isTrue();
        assertThat(Ed25519Keys.verify(rfc.jdkPublicKey(), message, signature)).isFalse();
    }

    @Test
    void signaturesAreTheJdksOwnAndEachSideVerifiesTheOthers() throws Exception {
        KeyPair device = Ed25519Keys.generate();
        byte[] message = "รับรองข้อมูล ปีงบประมาณ 2564".getBytes(StandardCharsets.UTF_8);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(device.getPrivate());
        jdk.update(message);
        byte[] byTheJdk = jdk.sign();

        byte[] ours = Ed25519Keys.sign(device.getPrivate(), message);

        assertThat(ours).isEqualTo(byTheJdk);
        jdk.initVerify(device.getPublic());
        jdk.update(message);
        assertThat(jdk.verify(ours)).isTrue();
        byte[] changed = ours.clone();
        changed[10] ^= 1;
        assertThat(Ed25519Keys.verify(device.getPublic(), message, changed)).isFalse();
        assertThat(Ed25519Keys.verify(device.getPublic(), message, java.util.Arrays.copyOf(ours, 63))).isFalse();
        assertThat(Ed25519Keys.verify(device.getPublic(), message, null)).isFalse();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedAsSuch() {
        String short31 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[31]);
        String long33 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[33]);

        for (String wire : new String[] {short31, long33, ""}) {
            SubmissionException e = catchThrowableOfType(SubmissionException.class, () -> Ed25519Keys.decode(wire, "public_key"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(SubmissionProblem.Code.WRONG_LENGTH);
                assertThat(p.where()).isEqualTo("public_key");
                assertThat(p.detail()).startsWith("32 bytes expected");
            });
        }
    }

    @Test
    void aKeyThatIsNotStrictUnpaddedBase64UrlIsRefusedAsSuch() {
        String good = rfc.publicKey();
        String[] bad = {
            good + "=",                                       // padding
            good.replace('_', '/'),                           // the standard alphabet, not the URL one
            good.substring(0, 42) + "p",                      // the last character carries non-zero spare bits
            good.substring(0, 20) + " " + good.substring(21), // a space
            "ก" + good.substring(1),                          // not ASCII
        };
        for (String wire : bad) {
            SubmissionException e = catchThrowableOfType(SubmissionException.class, () -> Ed25519Keys.decode(wire, "public_key"));
            assertThat(e).as(wire).isNotNull();
            assertThat(e.code()).as(wire).isEqualTo(SubmissionProblem.Code.BAD_BASE64);
        }
    }

    @Test
    void theKeyIdIsTheBase64UrlOfTheFirst16BytesOfTheKeysSha256() {
        assertThat(Ed25519Keys.keyId(rfc.jdkPublicKey())).isEqualTo(rfc.keyId()).hasSize(22);
        assertThat(Ed25519Keys.keyId(Ed25519Keys.generate().getPublic())).isNotEqualTo(rfc.keyId());
    }
}
