package org.infodesk.protocol.wire;

import java.security.PublicKey;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionException;

/**
 * A device asks to be enrolled ({@code SPEC.md} §4.4): the one-time code an administrator gave,
 * the device's Ed25519 public key (raw 32 bytes, base64url without padding, §3.5) and a label.
 */
public record EnrolmentRequest(String enrolmentCode, String publicKey, String deviceLabel) {

    public EnrolmentRequest {
        WireChecks.require("enrolment_code", WireChecks.matches(enrolmentCode, WireChecks.ENROLMENT_CODE));
        WireChecks.require("public_key", WireChecks.notNull(publicKey));
        try {
            Ed25519Keys.decode(publicKey, "public_key");
        } catch (SubmissionException e) {
            throw new IllegalArgumentException("public_key: " + e.getMessage(), e);
        }
        WireChecks.require("device_label", WireChecks.text(deviceLabel, WireChecks.MAX_LABEL));
    }

    /** The device's public key, to pin. */
    public PublicKey key() {
        try {
            return Ed25519Keys.decode(publicKey, "public_key");
        } catch (SubmissionException e) {
            throw new IllegalStateException(e);
        }
    }
}
