package org.infodesk.protocol.wire;

/**
 * The limits a server holds a device to ({@code SPEC.md} §4.10), sent at enrolment. A device
 * keeps its requests within them; the server refuses what is over one with its code.
 *
 * @param maxBodyBytes      the most bytes of a request body as sent (gzip): else {@code BODY_TOO_LARGE}
 * @param maxInflatedBytes  the most bytes of a push body once inflated: else {@code INFLATED_TOO_LARGE}
 * @param maxItemsPerBatch  the most envelopes in one push: else {@code TOO_MANY_ITEMS}
 * @param maxEnvelopeBytes  the most bytes of one envelope (§3.7)
 * @param requestsPerMinute the most requests of one device in a minute: else {@code RATE_LIMITED}
 * @param maxChangesPerPull the most changes in one pull answer
 */
public record ProtocolLimits(long maxBodyBytes, long maxInflatedBytes, int maxItemsPerBatch, int maxEnvelopeBytes,
        int requestsPerMinute, int maxChangesPerPull) {

    /** The reference server's defaults. */
    public static final ProtocolLimits DEFAULT = new ProtocolLimits(2L * 1024 * 1024, 16L * 1024 * 1024, 100,
            1024 * 1024, 120, 1000);

    public ProtocolLimits {
        WireChecks.require("max_body_bytes", WireChecks.range(maxBodyBytes, 1024, 1L << 30));
        WireChecks.require("max_inflated_bytes", WireChecks.range(maxInflatedBytes, maxBodyBytes, 1L << 32));
        WireChecks.require("max_items_per_batch", WireChecks.range(maxItemsPerBatch, 1, 10_000));
        WireChecks.require("max_envelope_bytes", WireChecks.range(maxEnvelopeBytes, 1024, 1024 * 1024));
        WireChecks.require("requests_per_minute", WireChecks.range(requestsPerMinute, 1, 1_000_000));
        WireChecks.require("max_changes_per_pull", WireChecks.range(maxChangesPerPull, 1, 100_000));
    }
}
