package org.infodesk.protocol.wire;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A push ({@code SPEC.md} §4.6): envelopes of §3, each kept as its own JSON text so that the
 * server reads (§3.7) and judges each on its own, and one bad envelope refuses only itself.
 *
 * @param envelopes 1 to {@link ProtocolLimits#maxItemsPerBatch()} JSON objects, as written by
 *                  {@code SubmissionCodec.write}
 */
public record PushBatch(
        @JsonSerialize(contentUsing = WireJson.RawObjectSerializer.class)
        @JsonDeserialize(contentUsing = WireJson.RawObjectDeserializer.class)
        List<String> envelopes) {

    public PushBatch {
        envelopes = List.copyOf(envelopes);
        WireChecks.require("envelopes", envelopes.isEmpty() ? "at least one envelope" : null);
        for (String envelope : envelopes) {
            WireChecks.require("envelopes", envelope.startsWith("{") ? null : "not a JSON object");
        }
    }

    /** A batch of envelopes' bytes as {@code SubmissionCodec.write} gave them. */
    public static PushBatch of(List<byte[]> envelopes) {
        return new PushBatch(envelopes.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList());
    }

    /** The bytes of the envelope at an index, to read with {@code SubmissionCodec.read}. */
    public byte[] envelope(int index) {
        return envelopes.get(index).getBytes(StandardCharsets.UTF_8);
    }
}
