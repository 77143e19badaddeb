package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.infodesk.protocol.fixtures.ReceiptVectors;
import org.infodesk.protocol.fixtures.ReceiptVectors.ReceiptCase;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Receipts: golden bytes and signatures (app and server run the same files), and tampering. */
class ReceiptTest {

    private final SubmissionVectors.TestKey key = SubmissionVectors.testKey();

    static List<ReceiptCase> receipts() {
        return ReceiptVectors.receiptCases();
    }

    @Test
    void thereIsAnAcceptedAndADuplicateReceiptOfTheEnvelopeVectors() {
        assertThat(receipts()).extracting(ReceiptCase::outcome).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(receipts()).allSatisfy(r -> assertThat(SubmissionVectors.envelopeCases())
                .anySatisfy(e -> assertThat(e.digest()).isEqualTo(r.digest())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void signingTheVectorsMembersWithTheRfcKeyGivesItsCanonicalBytesSignatureAndWireForm(ReceiptCase v) {
        Receipt receipt = Receipt.sign(v.submissionId(), v.digest(), v.receivedAt(), Outcome.valueOf(v.outcome()),
                key.privateKey(), key.keyId());

        assertThat(new String(receipt.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(v.canonical(), StandardCharsets.UTF_8));
        assertThat(receipt.signature()).isEqualTo(v.signature());
        assertThat(WireCodec.write(receipt)).isEqualTo(v.receipt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void readingTheVectorsReceiptGivesOneThatVerifiesWithTheServerKeyAndConfirmsItsSubmission(ReceiptCase v)
            throws WireException {
        Receipt receipt = WireCodec.read(v.receipt(), Receipt.class);

        assertThat(receipt.verifies(key.jdkPublicKey())).isTrue();
        assertThat(receipt.confirms(key.jdkPublicKey(), v.submissionId(), v.digest())).isTrue();
        assertThat(receipt.confirms(key.jdkPublicKey(), v.submissionId(), "0".repeat(64))).isFalse();
        assertThat(receipt.confirms(key.jdkPublicKey(), UUID.randomUUID(), v.digest())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void changingAnyByteOfTheSignedBytesBreaksTheSignature(ReceiptCase v) {
        byte[] signature = java.util.Base64.getUrlDecoder().decode(v.signature());
        assertThat(Ed25519Keys.verify(key.jdkPublicKey(), v.canonical(), signature)).isTrue();
        for (int i = 0; i < v.canonical().length; i++) {
            byte[] changed = v.canonical().clone();
            changed[i] ^= 0x01;
            assertThat(Ed25519Keys.verify(key.jdkPublicKey(), changed, signature)).as("byte %d", i).isFalse();
        }
    }

    @Test
    void aReceiptWithAnyMemberChangedNoLongerVerifies() {
        ReceiptCase v = receipts().get(0);
        Receipt good = Receipt.sign(v.submissionId(), v.digest(), v.receivedAt(), Outcome.ACCEPTED, key.privateKey(), key.keyId());
        List<Receipt> changed = List.of(
                new Receipt(UUID.fromString("017c2516-abd2-7bb8-bd98-2e5f76e5dc0e"), good.digest(), good.receivedAt(),
                        good.outcome(), good.serverKeyId(), good.signature()),
                new Receipt(good.submissionId(), "4" + good.digest().substring(1), good.receivedAt(), good.outcome(),
                        good.serverKeyId(), good.signature()),
                new Receipt(good.submissionId(), good.digest(), good.receivedAt().plusMillis(1), good.outcome(),
                        good.serverKeyId(), good.signature()),
                new Receipt(good.submissionId(), good.digest(), good.receivedAt(), Outcome.DUPLICATE, good.serverKeyId(),
                        good.signature()),
                new Receipt(good.submissionId(), good.digest(), good.receivedAt(), good.outcome(), "other-key",
                        good.signature()));

        assertThat(good.verifies(key.jdkPublicKey())).isTrue();
        assertThat(changed).allSatisfy(r -> assertThat(r.verifies(key.jdkPublicKey())).as(r.toString()).isFalse());
    }

    @Test
    void aReceiptDoesNotVerifyWithAnotherKey() {
        ReceiptCase v = receipts().get(0);
        KeyPair other = Ed25519Keys.generate();
        Receipt receipt = Receipt.sign(v.submissionId(), v.digest(), v.receivedAt(), Outcome.ACCEPTED, other.getPrivate(), "other");

        assertThat(receipt.verifies(other.getPublic())).isTrue();
        assertThat(receipt.verifies(key.jdkPublicKey())).isFalse();
    }

    @Test
    void onlyDeliveredOutcomesInWholeMillisecondsHaveReceipts() {
        ReceiptCase v = receipts().get(0);
        assertThatThrownBy(() -> Receipt.sign(v.submissionId(), v.digest(), v.receivedAt(), Outcome.CONFLICT,
                key.privateKey(), key.keyId())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> Receipt.sign(v.submissionId(), v.digest(), Instant.parse("2021-09-27T03:00:04.125001Z"),
                Outcome.ACCEPTED, key.privateKey(), key.keyId())).hasMessageContaining("whole milliseconds");
    }
}
