package org.infodesk.protocol.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import org.infodesk.protocol.definition.Item;

/**
 * The year-over-year check ({@code SPEC.md} §2.6): a number that moved from last year's
 * certified value by more than its item's threshold, relative to last year's value (or to 1
 * when last year's value was smaller than 1), needs a short justification.
 */
public final class YearOverYear {

    private YearOverYear() {}

    public static boolean needsJustification(Item item, BigDecimal lastYear, BigDecimal now) {
        if (item.yoyThreshold() == null || lastYear == null || now == null) {
            return false;
        }
        BigDecimal base = lastYear.abs().max(BigDecimal.ONE);
        BigDecimal change = now.subtract(lastYear).abs().divide(base, MathContext.DECIMAL128);
        return change.compareTo(item.yoyThreshold()) > 0;
    }
}
