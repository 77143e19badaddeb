package org.infodesk.app.outbox;

import java.util.Objects;

/**
 * A queued item with what was certified, as the outbox sends it: the canonical payload, its
 * digest and the device's signature over it (an envelope, SPEC §3.1, once the key id is added).
 *
 * @param keyId the key id of the device that signed, when it is not this installation's (an
 *              envelope a district office relays for an LAO); null for this device's own items
 */
public record Outgoing(long sequence, String submissionId, byte[] payload, String digest, byte[] signature, String keyId) {

    public Outgoing {
        Objects.requireNonNull(submissionId);
        Objects.requireNonNull(payload);
        Objects.requireNonNull(digest);
        Objects.requireNonNull(signature);
    }

    /** An item this installation signed. */
    public Outgoing(long sequence, String submissionId, byte[] payload, String digest, byte[] signature) {
        this(sequence, submissionId, payload, digest, signature, null);
    }
}
