package org.infodesk.protocol.submission;

import java.util.Locale;
import org.infodesk.protocol.definition.ProblemMessages;

/**
 * One reason a submission envelope was refused ({@code SPEC.md} §3.7): what kind of problem,
 * where (a JSON path such as {@code payload.certifier.name}), and the detail.
 */
public record SubmissionProblem(Code code, String where, String detail) {

    /** Each kind of problem an envelope can have. */
    public enum Code {
        /** More than {@link SubmissionCodec#MAX_ENVELOPE_BYTES}. */
        TOO_LARGE,
        /** Not UTF-8 JSON (RFC 8259, I-JSON), a duplicate key, or not an object. */
        MALFORMED_JSON,
        /** {@code payload.format} is not a format this code reads. */
        UNSUPPORTED_FORMAT,
        /** A member the format does not have. */
        UNKNOWN_FIELD,
        /** A required member is absent. */
        MISSING_FIELD,
        /** A member of the wrong JSON type. */
        WRONG_TYPE,
        /** A member of the right type whose value is outside its form (pattern, range). */
        BAD_VALUE,
        /** Not base64url without padding. */
        BAD_BASE64,
        /** A key or signature of the wrong number of bytes. */
        WRONG_LENGTH,
        /** The named questionnaire definition is not known to the reader. */
        UNKNOWN_DEFINITION,
        /** The definition has no such domain. */
        UNKNOWN_DOMAIN,
        /** A value does not fit its item (unknown item, wrong type, too long). */
        BAD_ANSWER,
        /**
         * A justification's subject is neither {@code rule:} and a rule id of the domain nor the
         * id of one of its number items.
         */
        UNKNOWN_SUBJECT,
        /** A value is readable but not written in its one canonical form. */
        NOT_CANONICAL,
        /** The digest is not the SHA-256 of the payload's canonical bytes. */
        DIGEST_MISMATCH,
        /** The signature does not verify with the pinned key. */
        BAD_SIGNATURE
    }

    private static final String BUNDLE = "org.infodesk.protocol.submission.messages";

    /** The message in the user's language (Thai unless the locale is English). */
    public String message(Locale locale) {
        return ProblemMessages.format(BUNDLE, "submission.", code, locale, where, detail);
    }

    @Override
    public String toString() {
        return code + " at " + where + ": " + detail;
    }
}
