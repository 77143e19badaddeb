package org.infodesk.protocol.definition;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One reason a definition was refused: what kind of problem, where (a domain, item or rule,
 * or a JSON path), and the detail (the offending value, or the parser's own words).
 */
public record DefinitionProblem(Code code, String where, String detail) {

    /** Each kind of problem a definition can have. */
    public enum Code {
        TOO_LARGE,
        MALFORMED_JSON,
        SCHEMA,
        UNSUPPORTED_FORMAT,
        UNKNOWN_TYPE,
        DUPLICATE_ID,
        RESERVED_ID,
        UNKNOWN_SECTION,
        ATTRIBUTE_MISMATCH,
        BAD_PATTERN,
        BAD_BOUNDS,
        DUPLICATE_OPTION,
        RULE_SYNTAX,
        MISSING_ITEM,
        UNKNOWN_FUNCTION,
        BAD_GROUP_REFERENCE,
        RULE_TYPE_ERROR,
        RELEVANCE_CYCLE
    }

    private static final String BUNDLE = "org.infodesk.protocol.definition.messages";

    /** The message in the user's language (Thai unless the locale is English). */
    public String message(Locale locale) {
        return ProblemMessages.format(BUNDLE, "definition.", code, locale, where, detail);
    }

    static ResourceBundle bundle(Locale locale) {
        return ProblemMessages.bundle(BUNDLE, locale);
    }

    @Override
    public String toString() {
        return code + " at " + where + ": " + detail;
    }
}
