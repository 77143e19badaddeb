package org.infodesk.app.outbox;

import java.util.Objects;

/**
 * A queued item with what was certified, as the outbox sends it: the canonical payload, its
 * digest and the device's signature over it (an envelope, SPEC §3.1, once the key id is added).
 */
public record Outgoing(long sequence, String submissionId, byte[] payload, String digest, byte[] signature) {

    public Outgoing {
        Objects.requireNonNull(submissionId);
        Objects.requireNonNull(payload);
        Objects.requireNonNull(digest);
        Objects.requireNonNull(signature);
    }
}
