package org.infodesk.app.form;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;

/**
 * A value as the app shows it, on screen and on paper: grouped digits, B.E. dates, yes/no and
 * choices by their labels. One place, so that the form and the certification sheet agree.
 */
public final class ValueText {

    private static final BigDecimal FIRST_BE_YEAR = BigDecimal.valueOf(2400);
    private static final BigDecimal LAST_BE_YEAR = BigDecimal.valueOf(2700);

    private ValueText() {}

    /**
     * A number: digits grouped by thousands, except a Buddhist Era year (an item whose bounds
     * lie within 2400 to 2700), which is never written "2,564".
     */
    public static String number(Item item, BigDecimal n) {
        boolean year = item.min() != null && item.max() != null
                && item.min().compareTo(FIRST_BE_YEAR) >= 0 && item.max().compareTo(LAST_BE_YEAR) <= 0;
        return new DecimalFormat(year ? "0.#########" : "#,##0.#########", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(n);
    }

    /** Any value of an item; empty text for no value, "n rows" for a repeat group. */
    public static String of(Item item, Object value, Messages messages) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal n) {
            return number(item, n);
        }
        if (value instanceof Boolean b) {
            return messages.get(b ? "form.yes" : "form.no");
        }
        if (value instanceof LocalDate d) {
            return ThaiDates.format(d, messages.locale());
        }
        if (item.type() == ItemType.SINGLE_CHOICE) {
            return item.option((String) value).map(o -> messages.text(o.label())).orElse((String) value);
        }
        if (item.type() == ItemType.MULTIPLE_CHOICE) {
            return String.join(", ", ((List<?>) value).stream()
                    .map(v -> item.option((String) v).map(o -> messages.text(o.label())).orElse((String) v)).toList());
        }
        if (item.type() == ItemType.REPEAT_GROUP) {
            return messages.get("form.rows", ((List<?>) value).size());
        }
        return value.toString();
    }
}
