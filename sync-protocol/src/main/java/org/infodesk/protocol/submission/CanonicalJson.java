package org.infodesk.protocol.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The JSON Canonicalization Scheme (RFC 8785), through erdtman's java-json-canonicalization:
 * no whitespace, object members sorted by their UTF-16 code units, strings with the minimal
 * escapes, numbers as ECMAScript writes them, UTF-8. Text that is not I-JSON (RFC 7493: a
 * duplicate key, an unpaired surrogate, a number beyond a double) is refused.
 */
public final class CanonicalJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of a JSON object or array. */
    public static byte[] of(JsonNode node) {
        try {
            return of(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical UTF-8 bytes of a JSON text whose top level is an object or an array. */
    public static byte[] of(String json) {
        return text(json).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of a JSON text, as a string. */
    public static String text(String json) {
        String canonical;
        try {
            canonical = new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not canonicalisable JSON: " + e.getMessage(), e);
        }
        if (Checks.unpairedSurrogate(canonical)) {
            throw new IllegalArgumentException("not canonicalisable JSON: a string holds an unpaired surrogate");
        }
        return canonical;
    }
}
