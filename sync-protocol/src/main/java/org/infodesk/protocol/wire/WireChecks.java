package org.infodesk.protocol.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The forms of the wire records' members ({@code SPEC.md} §4), in one place. Each check gives
 * {@code null} when the value is fine, or the reason it is not; the records' constructors
 * {@link #require} them, so a record that exists is in its form.
 */
final class WireChecks {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern DEFINITION_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    static final Pattern LAO_CODE = Pattern.compile("[0-9]{7}");
    /** A district: the province and district digits of its LAOs' codes (T PP AA NN → PPAA). */
    static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{4}");
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    /** A bearer token: 32 random bytes in base64url without padding. */
    static final Pattern BEARER = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final Pattern ENROLMENT_CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){2,7}");
    static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    static final Pattern PROBLEM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z");

    static final int MIN_FISCAL_YEAR = 2500;
    static final int MAX_FISCAL_YEAR = 2700;
    static final int MAX_VERSION = 1_000_000;
    static final int MAX_TEXT = 2_000;
    static final int MAX_DETAIL = 2_000;
    static final int MAX_LABEL = 100;
    static final int MAX_COMMENT = 2_000;

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final DateTimeFormatter INSTANT_FORM =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireChecks() {}

    static String matches(String value, Pattern pattern) {
        return value != null && pattern.matcher(value).matches() ? null : "does not match " + pattern.pattern();
    }

    static String range(long value, long min, long max) {
        return value >= min && value <= max ? null : "not within " + min + " to " + max;
    }

    /** A time on the wire: UTC, whole milliseconds, years 2000 to 9999. */
    static String instant(Instant instant) {
        if (instant == null) {
            return "missing";
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return "not within the years 2000 to 9999";
        }
        return instant.getNano() % 1_000_000 == 0 ? null : "not whole milliseconds";
    }

    /** The one written form of a time: {@code YYYY-MM-DDTHH:MM:SS.sssZ}. */
    static String instantText(Instant instant) {
        return INSTANT_FORM.format(instant);
    }

    /** A one-line text of 1 to {@code max} characters, no control characters, no surrounding white space. */
    static String text(String value, int max) {
        if (value == null) {
            return "missing";
        }
        int length = value.codePointCount(0, value.length());
        if (value.isBlank() || length > max) {
            return "not 1 to " + max + " characters";
        }
        if (!value.strip().equals(value)) {
            return "has leading or trailing spaces";
        }
        return value.codePoints().anyMatch(Character::isISOControl) ? "has a control character" : null;
    }

    static String notNull(Object value) {
        return value == null ? "missing" : null;
    }

    /** The members that name a revision of one domain of one LAO in one fiscal year. */
    static void scope(String laoCode, int fiscalYear, String domainId, int revision) {
        require("lao_code", matches(laoCode, LAO_CODE));
        require("fiscal_year", range(fiscalYear, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR));
        require("domain_id", matches(domainId, ID));
        require("revision", range(revision, 1, Integer.MAX_VALUE));
    }

    static void require(String field, String reason) {
        if (reason != null) {
            throw new IllegalArgumentException(field + ": " + reason);
        }
    }
}
