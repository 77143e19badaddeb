package org.infodesk.protocol.wire;

import java.security.PublicKey;

/**
 * A device asks to be enrolled ({@code SPEC.md} §4.4): the one-time code an administrator gave,
 * the device's Ed25519 public key (raw 32 bytes, base64url without padding, §3.5) and a label.
 */
public record EnrolmentRequest(String enrolmentCode, String publicKey, String deviceLabel) {

    public EnrolmentRequest {
        WireChecks.require("enrolment_code", WireChecks.matches(enrolmentCode, WireChecks.ENROLMENT_CODE));
        WireChecks.publicKey("public_key", publicKey);
        WireChecks.require("device_label", WireChecks.text(deviceLabel, WireChecks.MAX_LABEL));
    }

    /** The device's public key, to pin. */
    public PublicKey key() {
        return WireChecks.publicKey("public_key", publicKey);
    }
}
