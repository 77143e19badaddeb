package org.infodesk.protocol.wire;

import java.security.PublicKey;
import java.util.Objects;

/**
 * What an enrolled device keeps ({@code SPEC.md} §4.4): its id, its bearer token (shown once; the
 * server keeps only its SHA-256), the server's Ed25519 public key to pin for receipts and its key
 * id, what the device may submit for (one LAO, or one district office's LAOs: exactly one of
 * {@code laoCode} and {@code districtCode}), how the registry names that office ({@code office}), and
 * the limits.
 */
public record EnrolmentResponse(String deviceId, String token, String serverPublicKey, String serverKeyId,
        String laoCode, String districtCode, Office office, ProtocolLimits limits) {

    /**
     * The office a device speaks for, as the server's registry names it (SPEC §4.4): the LAO's
     * name, or the district office's; the district and province it lies in (the registry's Thai
     * names). A device that had no office yet (the demo) takes it for its own.
     */
    public record Office(LocalText name, String district, String province) {

        /** The longest district or province name taken. */
        static final int MAX_AREA = 100;

        public Office {
            Objects.requireNonNull(name, "name");
            WireChecks.require("district", WireChecks.text(district, MAX_AREA));
            WireChecks.require("province", WireChecks.text(province, MAX_AREA));
        }
    }

    /** A response that does not name the office ({@code office} null: a server older than this member). */
    public EnrolmentResponse(String deviceId, String token, String serverPublicKey, String serverKeyId,
            String laoCode, String districtCode, ProtocolLimits limits) {
        this(deviceId, token, serverPublicKey, serverKeyId, laoCode, districtCode, null, limits);
    }

    public EnrolmentResponse {
        WireChecks.require("device_id", WireChecks.matches(deviceId, WireChecks.TOKEN));
        WireChecks.require("token", WireChecks.matches(token, WireChecks.BEARER));
        WireChecks.publicKey("server_public_key", serverPublicKey);
        WireChecks.require("server_key_id", WireChecks.matches(serverKeyId, WireChecks.TOKEN));
        WireChecks.require("lao_code", (laoCode == null) == (districtCode == null)
                ? "exactly one of lao_code and district_code" : null);
        if (laoCode != null) {
            WireChecks.require("lao_code", WireChecks.matches(laoCode, WireChecks.LAO_CODE));
        } else {
            WireChecks.require("district_code", WireChecks.matches(districtCode, WireChecks.DISTRICT_CODE));
        }
        Objects.requireNonNull(limits, "limits");
    }

    /** The server's key, to pin: receipts are verified with it. */
    public PublicKey serverKey() {
        return WireChecks.publicKey("server_public_key", serverPublicKey);
    }

    /** Whether the device is a district office's: it relays for the LAOs of its district. */
    public boolean relays() {
        return districtCode != null;
    }
}
