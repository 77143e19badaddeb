package org.infodesk.protocol.submission;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Base64url without padding (RFC 4648 §5), strictly: one text for each byte string, so a
 * signature or key cannot be written two ways.
 */
final class Base64Url {

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The bytes of a base64url text, refused ({@code BAD_BASE64}) unless it is the one unpadded
     * encoding of its bytes, and ({@code WRONG_LENGTH}) unless they are {@code length} bytes.
     */
    static byte[] decode(String text, int length, String where) throws SubmissionException {
        byte[] bytes = null;
        if (ALPHABET.matcher(text).matches()) {
            try {
                bytes = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
        }
        if (bytes == null || !ENCODER.encodeToString(bytes).equals(text)) {
            throw SubmissionException.of(SubmissionProblem.Code.BAD_BASE64, where,
                    "not base64url without padding");
        }
        if (bytes.length != length) {
            throw SubmissionException.of(SubmissionProblem.Code.WRONG_LENGTH, where,
                    length + " bytes expected, " + bytes.length + " found");
        }
        return bytes;
    }
}
