package org.infodesk.protocol.wire;

import java.util.Objects;
import java.util.UUID;

/** The current head of a domain that a pushed revision does not supersede ({@code SPEC.md} §4.6). */
public record ConflictHead(UUID submissionId, int revision) {

    public ConflictHead {
        Objects.requireNonNull(submissionId, "submission_id");
        WireChecks.require("revision", WireChecks.range(revision, 1, Integer.MAX_VALUE));
    }
}
