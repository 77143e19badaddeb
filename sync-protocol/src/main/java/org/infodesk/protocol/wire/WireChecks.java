package org.infodesk.protocol.wire;

import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.infodesk.protocol.submission.Checks;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionException;

/**
 * The forms of the wire records' members ({@code SPEC.md} §4): those the envelope has too come
 * from {@link Checks}; these are the wire's own, and null-safe (Jackson gives a record {@code null}
 * for a JSON {@code null}). Each check gives {@code null} when the value is fine, or the reason it
 * is not; the records' constructors {@link #require} them, so a record that exists is in its form.
 */
final class WireChecks {

    static final Pattern ID = Checks.ID;
    static final Pattern DEFINITION_ID = Checks.DEFINITION_ID;
    static final Pattern LAO_CODE = Checks.LAO_CODE;
    static final Pattern TOKEN = Checks.TOKEN;
    static final Pattern DIGEST = Checks.DIGEST;
    static final Pattern INSTANT = Checks.INSTANT;
    /** A district: the province and district digits of its LAOs' codes (T PP AA NN → PPAA). */
    static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{4}");
    /** A bearer token: 32 random bytes in base64url without padding. */
    static final Pattern BEARER = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final Pattern ENROLMENT_CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){2,7}");
    static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    static final Pattern PROBLEM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    static final int MIN_FISCAL_YEAR = Checks.MIN_FISCAL_YEAR;
    static final int MAX_FISCAL_YEAR = Checks.MAX_FISCAL_YEAR;
    static final int MAX_VERSION = Checks.MAX_VERSION;
    static final int MAX_TEXT = 2_000;
    static final int MAX_DETAIL = 2_000;
    static final int MAX_LABEL = 100;
    static final int MAX_COMMENT = 2_000;

    private static final DateTimeFormatter INSTANT_FORM =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireChecks() {}

    static String matches(String value, Pattern pattern) {
        return value == null ? "missing" : Checks.matches(value, pattern);
    }

    static String range(long value, long min, long max) {
        return Checks.range(value, min, max);
    }

    /** A time on the wire: UTC, whole milliseconds, years 2000 to 9999. */
    static String instant(Instant instant) {
        if (instant == null) {
            return "missing";
        }
        String reason = Checks.instant(instant);
        return reason != null || instant.getNano() % 1_000_000 == 0 ? reason : "not whole milliseconds";
    }

    /** The one written form of a time: {@code YYYY-MM-DDTHH:MM:SS.sssZ}. */
    static String instantText(Instant instant) {
        return INSTANT_FORM.format(instant);
    }

    /** A one-line text of 1 to {@code max} characters, no control characters, no surrounding white space. */
    static String text(String value, int max) {
        return value == null ? "missing" : Checks.text(value, max);
    }

    static String notNull(Object value) {
        return value == null ? "missing" : null;
    }

    /** The public key of its wire form (§3.5), or an {@link IllegalArgumentException} naming the member. */
    static PublicKey publicKey(String field, String text) {
        require(field, notNull(text));
        try {
            return Ed25519Keys.decode(text, field);
        } catch (SubmissionException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** The members that name a revision of one domain of one LAO in one fiscal year. */
    static void scope(String laoCode, int fiscalYear, String domainId, int revision) {
        require("lao_code", matches(laoCode, LAO_CODE));
        require("fiscal_year", range(fiscalYear, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR));
        require("domain_id", matches(domainId, ID));
        require("revision", range(revision, 1, Integer.MAX_VALUE));
    }

    static void require(String field, String reason) {
        Checks.require(field, reason);
    }
}
