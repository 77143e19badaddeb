package org.infodesk.protocol.submission;

import java.util.Objects;

/**
 * A signed submission as it travels ({@code SPEC.md} §3.1): the payload, the SHA-256 digest of
 * its canonical bytes, the device's Ed25519 signature over those bytes, and the id of the key
 * that made it. {@link SubmissionCodec#sign} makes one, {@link SubmissionCodec#verify} checks it.
 *
 * @param payload   what was certified
 * @param digest    SHA-256 of the payload's canonical bytes, 64 lowercase hex digits
 * @param signature Ed25519 signature of the payload's canonical bytes, base64url without
 *                  padding (86 characters, 64 bytes)
 * @param keyId     names the device key the verifier pinned ({@code [A-Za-z0-9._:-]{1,64}})
 */
public record SubmissionEnvelope(SubmissionPayload payload, String digest, String signature, String keyId) {

    public SubmissionEnvelope {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(keyId, "keyId");
        Checks.require("digest", Checks.matches(digest, Checks.DIGEST));
        Checks.require("key_id", Checks.matches(keyId, Checks.TOKEN));
        try {
            Base64Url.decode(signature, Ed25519Keys.SIGNATURE_BYTES, "signature");
        } catch (SubmissionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The signature's 64 bytes. */
    public byte[] signatureBytes() {
        try {
            return Base64Url.decode(signature, Ed25519Keys.SIGNATURE_BYTES, "signature");
        } catch (SubmissionException e) {
            throw new IllegalStateException(e);
        }
    }
}
