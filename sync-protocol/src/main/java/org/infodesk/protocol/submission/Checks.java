package org.infodesk.protocol.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The forms of the envelope's fields ({@code SPEC.md} §3.3), in one place: the records'
 * constructors and {@link SubmissionCodec}'s reader both ask here, and so do the wire records of
 * §4 for the members they share (ids, codes, digests, times, texts). Each check gives {@code null}
 * when the value is fine, or the reason it is not.
 */
public final class Checks {

    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    public static final Pattern DEFINITION_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    public static final Pattern LAO_CODE = Pattern.compile("[0-9]{7}");
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    static final Pattern UUID_V7 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    public static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");
    /** A justification's subject: {@code rule:} and a rule id, or an item id. */
    static final Pattern SUBJECT = Pattern.compile("(rule:)?[a-z][a-z0-9_]{0,63}");

    public static final int MIN_FISCAL_YEAR = 2500;
    public static final int MAX_FISCAL_YEAR = 2700;
    public static final int MAX_VERSION = 1_000_000;
    /** The most characters of a certifier's name or position. */
    static final int MAX_NAME = 200;
    /** The most characters of a justification. */
    static final int MAX_JUSTIFICATION = 500;

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Checks() {}

    public static String matches(String value, Pattern pattern) {
        return pattern.matcher(value).matches() ? null : "does not match " + pattern.pattern();
    }

    public static String range(long value, long min, long max) {
        return value >= min && value <= max ? null : "not within " + min + " to " + max;
    }

    public static String instant(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? "not within the years 2000 to 9999" : null;
    }

    /** A person's name or position: 1 to 200 characters, no control characters, no surrounding spaces. */
    static String name(String value) {
        return text(value, MAX_NAME);
    }

    /** A justification's text: 1 to 500 characters, no control characters, no surrounding spaces. */
    static String justification(String value) {
        return text(value, MAX_JUSTIFICATION);
    }

    /**
     * A one-line text of 1 to {@code max} characters (code points): not blank, no leading or
     * trailing white space ({@link String#strip()}), no control character, no unpaired surrogate.
     */
    public static String text(String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (value.isBlank() || length > max) {
            return "not 1 to " + max + " characters";
        }
        if (!value.strip().equals(value)) {
            return "has leading or trailing spaces";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "has a control character";
        }
        return unpairedSurrogate(value) ? "has an unpaired surrogate" : null;
    }

    /** The text of strict UTF-8 bytes (no malformed or unmappable sequence), or null when they are not UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether a string holds a UTF-16 surrogate that is not half of a pair (not Unicode text, RFC 7493). */
    static boolean unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Throws when a check failed: for records built in code, where a bad value is a bug. */
    public static void require(String field, String reason) {
        if (reason != null) {
            throw new IllegalArgumentException(field + ": " + reason);
        }
    }
}
