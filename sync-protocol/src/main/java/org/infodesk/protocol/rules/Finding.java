package org.infodesk.protocol.rules;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.infodesk.protocol.definition.ProblemMessages;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.definition.Text;

/**
 * One problem found in an answer set: a value that breaks its item's own constraints, or a rule
 * that does not hold.
 *
 * @param kind    what is wrong
 * @param at      where to send the user (for a rule, the first item it involves)
 * @param ruleId  the rule, for {@link Kind#RULE} and {@link Kind#RULE_BROKEN}; otherwise null
 * @param items   every answer involved, so that a form can mark each field
 * @param text    for a rule, its message; otherwise the label of the field
 * @param detail  the bound or value the message quotes, or null
 */
public record Finding(Kind kind, Severity severity, ItemRef at, String ruleId, List<ItemRef> items, Text text, String detail) {

    /** Kinds of finding. All but RULE come from the item's own attributes. */
    public enum Kind {
        REQUIRED,
        WRONG_TYPE,
        NOT_WHOLE,
        BELOW_MIN,
        ABOVE_MAX,
        OUT_OF_RANGE,
        TOO_MANY_DECIMALS,
        TOO_LONG,
        PATTERN,
        UNKNOWN_OPTION,
        TOO_MANY_ROWS,
        RULE,
        RULE_BROKEN
    }

    private static final String BUNDLE = "org.infodesk.protocol.rules.messages";

    public Finding {
        items = List.copyOf(items);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message for the user, in Thai unless the locale is English. */
    public String message(Locale locale) {
        if (kind == Kind.RULE) {
            return text.in(locale);
        }
        ResourceBundle bundle = ProblemMessages.bundle(BUNDLE, locale);
        String subject = kind == Kind.RULE_BROKEN ? ruleId : text.in(locale);
        return new MessageFormat(bundle.getString("finding." + kind.name()), bundle.getLocale()).format(new Object[] {subject, detail});
    }
}
