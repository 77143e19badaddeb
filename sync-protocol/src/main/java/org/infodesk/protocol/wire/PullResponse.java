package org.infodesk.protocol.wire;

import java.util.List;

/**
 * The answer to a pull ({@code SPEC.md} §4.8): the changes after the cursor sent, oldest first,
 * and the cursor to send next time; {@code more} when the server has further changes now.
 */
public record PullResponse(String cursor, boolean more, List<Change> changes) {

    public PullResponse {
        WireChecks.require("cursor", WireChecks.matches(cursor, WireChecks.CURSOR));
        changes = List.copyOf(changes);
    }
}
