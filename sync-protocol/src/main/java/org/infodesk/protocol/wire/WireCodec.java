package org.infodesk.protocol.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.infodesk.protocol.submission.Checks;

/**
 * Writes and reads the messages of the HTTP protocol ({@code SPEC.md} §4). Reading is for outside
 * input: bounded before parsing, strict (UTF-8 JSON without duplicate keys, every member present,
 * no unknown member, no coercion between JSON types, each value in its form), and each refusal a
 * {@link WireException} with its {@link ProblemCode} and the JSON path of the member. Stateless
 * and thread-safe.
 */
public final class WireCodec {

    /** The largest message body other than a push, read or written: 4 MiB (a pull answer, a problem). */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    /** The largest enrolment request: 16 KiB. */
    public static final int MAX_ENROLMENT_BYTES = 16 * 1024;

    private static final Set<Class<?>> MESSAGES = Set.of(EnrolmentRequest.class, EnrolmentResponse.class, PushBatch.class,
            PushResult.class, ItemOutcome.class, Receipt.class, PullResponse.class, Change.class, Problem.class, ProtocolLimits.class,
            EnrolmentResponse.Office.class);

    private WireCodec() {}

    /** The JSON bytes of a message (UTF-8, compact); one {@link Change} on its own is one too (a server keeps them so). */
    public static byte[] write(Object message) {
        if (!MESSAGES.contains(message.getClass()) && !(message instanceof Change)) {
            throw new IllegalArgumentException("not a wire message: " + message.getClass().getName());
        }
        try {
            return WireJson.MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a message of at most {@link #MAX_DOCUMENT_BYTES}. */
    public static <T> T read(byte[] bytes, Class<T> type) throws WireException {
        return read(bytes, type, type == EnrolmentRequest.class ? MAX_ENROLMENT_BYTES : MAX_DOCUMENT_BYTES);
    }

    /** The gzip body of a push: the batch's JSON, compressed. */
    public static byte[] writeBatch(PushBatch batch) {
        return Gzip.compress(write(batch));
    }

    /**
     * Reads a push body as sent (gzip) within the limits: {@code BODY_TOO_LARGE} over
     * {@link ProtocolLimits#maxBodyBytes()}, {@code BAD_GZIP}, {@code INFLATED_TOO_LARGE} over
     * {@link ProtocolLimits#maxInflatedBytes()}, the refusals of {@link #read}, and
     * {@code TOO_MANY_ITEMS} over {@link ProtocolLimits#maxItemsPerBatch()}. The envelopes are not
     * read here: each is read (§3.7) and judged on its own.
     */
    public static PushBatch readBatch(byte[] gzipBody, ProtocolLimits limits) throws WireException {
        if (gzipBody.length > limits.maxBodyBytes()) {
            throw new WireException(ProblemCode.BODY_TOO_LARGE, "body", "more than " + limits.maxBodyBytes() + " bytes");
        }
        byte[] json = Gzip.inflate(gzipBody, limits.maxInflatedBytes());
        PushBatch batch = read(json, PushBatch.class, limits.maxInflatedBytes());
        if (batch.envelopes().size() > limits.maxItemsPerBatch()) {
            throw new WireException(ProblemCode.TOO_MANY_ITEMS, "envelopes",
                    batch.envelopes().size() + " envelopes, at most " + limits.maxItemsPerBatch());
        }
        return batch;
    }

    private static <T> T read(byte[] bytes, Class<T> type, long maxBytes) throws WireException {
        if (!MESSAGES.contains(type)) {
            throw new IllegalArgumentException("not a wire message: " + type.getName());
        }
        if (bytes.length > maxBytes) {
            throw new WireException(ProblemCode.BODY_TOO_LARGE, "body", "more than " + maxBytes + " bytes");
        }
        String text = Checks.utf8(bytes);
        if (text == null) {
            throw new WireException(ProblemCode.MALFORMED_JSON, "body", "not UTF-8");
        }
        if (text.isBlank()) {
            throw new WireException(ProblemCode.MALFORMED_JSON, "body", "empty");
        }
        try {
            return WireJson.MAPPER.readValue(text, type);
        } catch (StreamReadException e) {
            var loc = e.getLocation();
            throw new WireException(ProblemCode.MALFORMED_JSON,
                    loc == null ? "body" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(), e.getOriginalMessage());
        } catch (JsonMappingException e) {
            StreamReadException unreadable = unreadable(e);
            if (unreadable != null) {
                // Bad JSON met inside a member's deserializer (an envelope cut short) is still bad JSON.
                var loc = unreadable.getLocation();
                throw new WireException(ProblemCode.MALFORMED_JSON,
                        loc == null ? "body" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr(), unreadable.getOriginalMessage());
            }
            throw refusal(e);
        } catch (IOException e) {
            throw new WireException(ProblemCode.MALFORMED_JSON, "body", String.valueOf(e.getMessage()));
        }
    }

    /** The parse failure a mapping failure wraps, or null. */
    private static StreamReadException unreadable(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return (StreamReadException) cause;
            }
        }
        return null;
    }

    /** The problem code of a mapping failure, with the path of the member. */
    private static WireException refusal(JsonMappingException e) {
        String where = path(e.getPath());
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException) {
            String name = ((UnrecognizedPropertyException) e).getPropertyName();
            return new WireException(ProblemCode.UNKNOWN_FIELD, where.isEmpty() || where.endsWith(name) ? where : where + "." + name, "");
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new WireException(ProblemCode.BAD_VALUE, where, String.valueOf(cause.getMessage()));
        }
        if (e instanceof InvalidTypeIdException) {
            return message.contains("missing type id")
                    ? new WireException(ProblemCode.MISSING_FIELD, join(where, "kind"), "")
                    : new WireException(ProblemCode.BAD_VALUE, join(where, "kind"), message);
        }
        if (message.startsWith("Cannot coerce")) {
            return new WireException(ProblemCode.WRONG_TYPE, where, message);
        }
        if (e instanceof InvalidFormatException) {
            boolean text = ((InvalidFormatException) e).getValue() instanceof String;
            return new WireException(text ? ProblemCode.BAD_VALUE : ProblemCode.WRONG_TYPE, where, message);
        }
        if (e instanceof InvalidDefinitionException) {
            throw new IllegalStateException("a wire record Jackson cannot read", e);
        }
        if (message.startsWith("Missing creator property") || message.startsWith("Missing required creator property")) {
            String name = message.replaceFirst("^Missing (required )?creator property '([^']*)'.*$", "$2");
            return new WireException(ProblemCode.MISSING_FIELD, join(where, name), "");
        }
        if (message.startsWith("Trailing token")) {
            return new WireException(ProblemCode.MALFORMED_JSON, "body", message);
        }
        if (e instanceof MismatchedInputException) {
            return new WireException(ProblemCode.WRONG_TYPE, where, message);
        }
        return new WireException(ProblemCode.BAD_VALUE, where, message);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String where, String name) {
        return where.isEmpty() ? name : where + "." + name;
    }
}
