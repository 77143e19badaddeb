package org.infodesk.protocol.wire;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.infodesk.protocol.submission.CanonicalJson;
import org.infodesk.protocol.submission.Ed25519Keys;

/**
 * The server's signed statement that it holds a submission ({@code SPEC.md} §4.7): what
 * "delivered" means, whatever the HTTP status said. The signature is Ed25519 with the server key
 * the device pinned at enrolment, over the receipt's {@link #canonicalBytes() canonical bytes}:
 * the RFC 8785 form of the object of every member but {@code signature}.
 *
 * @param submissionId the submission
 * @param digest       the SHA-256 of its canonical payload (§3.3), as the server holds it
 * @param receivedAt   when the server first stored it (its own clock; whole milliseconds, UTC)
 * @param outcome      ACCEPTED or DUPLICATE
 * @param serverKeyId  the key id of the server key that signed
 * @param signature    base64url without padding of the 64-byte signature
 */
public record Receipt(UUID submissionId, String digest, Instant receivedAt, Outcome outcome, String serverKeyId,
        String signature) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public Receipt {
        Objects.requireNonNull(submissionId, "submission_id");
        WireChecks.require("digest", WireChecks.matches(digest, WireChecks.DIGEST));
        WireChecks.require("received_at", WireChecks.instant(receivedAt));
        WireChecks.require("outcome", outcome != null && outcome.delivered() ? null : "ACCEPTED or DUPLICATE");
        WireChecks.require("server_key_id", WireChecks.matches(serverKeyId, WireChecks.TOKEN));
        WireChecks.require("signature", signatureBytes(signature) == null ? "not 64 bytes of base64url without padding" : null);
    }

    /** Signs a receipt with the server's key. */
    public static Receipt sign(UUID submissionId, String digest, Instant receivedAt, Outcome outcome, PrivateKey serverKey,
            String serverKeyId) {
        byte[] bytes = canonicalBytes(submissionId, digest, receivedAt, outcome, serverKeyId);
        return new Receipt(submissionId, digest, receivedAt, outcome, serverKeyId,
                BASE64URL.encodeToString(Ed25519Keys.sign(serverKey, bytes)));
    }

    /** What is signed: {@code {digest, outcome, received_at, server_key_id, submission_id}} in RFC 8785 form. */
    public byte[] canonicalBytes() {
        return canonicalBytes(submissionId, digest, receivedAt, outcome, serverKeyId);
    }

    /** Whether the signature verifies with the server key the device pinned. */
    public boolean verifies(PublicKey serverKey) {
        return Ed25519Keys.verify(serverKey, canonicalBytes(), signatureBytes(signature));
    }

    /** Whether this receipt verifies with the pinned key and is for exactly this submission id and digest. */
    public boolean confirms(PublicKey serverKey, UUID expectedId, String expectedDigest) {
        return submissionId.equals(expectedId) && digest.equals(expectedDigest) && verifies(serverKey);
    }

    private static byte[] canonicalBytes(UUID submissionId, String digest, Instant receivedAt, Outcome outcome,
            String serverKeyId) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("submission_id", submissionId.toString());
        tree.put("digest", digest);
        tree.put("received_at", WireChecks.instantText(receivedAt));
        tree.put("outcome", outcome.name());
        tree.put("server_key_id", serverKeyId);
        return CanonicalJson.of(tree);
    }

    /** The 64 bytes of a signature in strict unpadded base64url, or null. */
    private static byte[] signatureBytes(String text) {
        if (text == null || !text.matches("[A-Za-z0-9_-]{86}")) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        return bytes.length == Ed25519Keys.SIGNATURE_BYTES && BASE64URL.encodeToString(bytes).equals(text) ? bytes : null;
    }
}
