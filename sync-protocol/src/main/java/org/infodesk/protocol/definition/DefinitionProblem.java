package org.infodesk.protocol.definition;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
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
        ResourceBundle bundle = bundle(locale);
        String pattern;
        try {
            pattern = bundle.getString("definition." + code.name());
        } catch (MissingResourceException e) {
            pattern = code.name() + ": {0} {1}";
        }
        return new MessageFormat(pattern, locale).format(new Object[] {where, detail});
    }

    static ResourceBundle bundle(Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Override
    public String toString() {
        return code + " at " + where + ": " + detail;
    }
}
