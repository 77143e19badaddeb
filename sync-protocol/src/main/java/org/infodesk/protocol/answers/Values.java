package org.infodesk.protocol.answers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;

/**
 * The Java form of each item type's value (see {@code SPEC.md} §2.3):
 * integer and decimal as {@link BigDecimal}, yes/no as {@link Boolean}, text and single choice
 * as {@link String}, multiple choice as a {@code List<String>} of option values, date as
 * {@link LocalDate}, repeat group as a {@code List<Map<String, Object>>} of rows. An
 * unanswered item has no value ({@code null}).
 */
public final class Values {

    /** The largest magnitude a number may have (exclusive): 10^15. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    private Values() {}

    /** One form for equal numbers: no trailing zeros, never an exponent above zero. */
    public static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Whether a value has the Java type its item's type takes (not whether it is valid). */
    public static boolean hasType(Item item, Object value) {
        if (value == null) {
            return true;
        }
        return switch (item.type()) {
            case INTEGER, DECIMAL -> value instanceof BigDecimal;
            case YES_NO -> value instanceof Boolean;
            case TEXT, SINGLE_CHOICE -> value instanceof String;
            case DATE -> value instanceof LocalDate;
            case MULTIPLE_CHOICE -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case REPEAT_GROUP -> value instanceof List<?> rows && rows.stream().allMatch(r -> isRow(item, r));
        };
    }

    private static boolean isRow(Item group, Object row) {
        if (!(row instanceof Map<?, ?> cells)) {
            return false;
        }
        for (Map.Entry<?, ?> cell : cells.entrySet()) {
            if (!(cell.getKey() instanceof String key)) {
                return false;
            }
            var field = group.field(key);
            if (field.isEmpty() || !hasType(field.get(), cell.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value counts as unanswered: null, blank text, or an empty list. */
    public static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty());
    }

    static boolean isNumeric(ItemType type) {
        return type == ItemType.INTEGER || type == ItemType.DECIMAL;
    }
}
