package org.infodesk.protocol.wire;

import java.util.List;

/** The answer to a push: one outcome per envelope, in the order pushed ({@code SPEC.md} §4.6). */
public record PushResult(List<ItemOutcome> outcomes) {

    public PushResult {
        outcomes = List.copyOf(outcomes);
    }
}
