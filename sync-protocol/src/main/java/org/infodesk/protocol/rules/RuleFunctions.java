package org.infodesk.protocol.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlScript;

/**
 * The functions of the rule language ({@code SPEC.md} §2.4). One instance serves one
 * evaluation: {@code each} needs the evaluation's context to run its lambda, and notes which
 * rows failed so that a form can point at them.
 */
public final class RuleFunctions {

    /** The names rules may call. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("count", "sum", "each", "has", "abs", "substr", "empty");

    private final JexlContext context;
    private final List<Integer> failedRows = new ArrayList<>();

    RuleFunctions(JexlContext context) {
        this.context = context;
    }

    /** Rows that failed the last {@code each} calls since {@link #resetRows()}. */
    List<Integer> failedRows() {
        return failedRows;
    }

    void resetRows() {
        failedRows.clear();
    }

    /** The number of rows of a repeat group; an unanswered group has none. */
    public BigDecimal count(Object group) {
        return BigDecimal.valueOf(rows(group).size());
    }

    /** The sum of one column's answered cells; an unanswered group or cell adds nothing. */
    public BigDecimal sum(Object group, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<?, ?> row : rows(group)) {
            Object cell = row.get(field);
            if (cell != null) {
                total = total.add(DecimalArithmetic.decimal(cell), DecimalArithmetic.CONTEXT);
            }
        }
        return total;
    }

    /**
     * Whether a condition holds for every row. A row for which the condition is not applicable
     * (an empty cell) is skipped; an unanswered group holds vacuously.
     */
    public boolean each(Object group, JexlScript condition) {
        boolean all = true;
        List<Map<?, ?>> rows = rows(group);
        for (int i = 0; i < rows.size(); i++) {
            Object result;
            try {
                result = condition.execute(context, rows.get(i));
            } catch (RuntimeException e) {
                if (Evaluator.isNotApplicable(e)) {
                    continue;
                }
                throw e;
            }
            if (!(result instanceof Boolean)) {
                throw new IllegalArgumentException("each() needs a condition");
            }
            if (!(Boolean) result) {
                all = false;
                failedRows.add(i);
            }
        }
        return all;
    }

    /** Whether a multiple-choice answer includes a value. */
    public boolean has(Object chosen, String value) {
        if (chosen == null) {
            throw NotApplicable.INSTANCE;
        }
        if (!(chosen instanceof List<?> list)) {
            throw new IllegalArgumentException("has() needs a multiple-choice item");
        }
        return list.contains(value);
    }

    public BigDecimal abs(Object number) {
        return DecimalArithmetic.decimal(number).abs();
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of a text, as in Java. */
    public String substr(Object text, Object start, Object end) {
        if (text == null) {
            throw NotApplicable.INSTANCE;
        }
        if (!(text instanceof String s)) {
            throw new IllegalArgumentException("substr() needs a text");
        }
        int from = DecimalArithmetic.decimal(start).intValueExact();
        int to = DecimalArithmetic.decimal(end).intValueExact();
        if (from < 0 || to > s.length() || from > to) {
            throw NotApplicable.INSTANCE;
        }
        return s.substring(from, to);
    }

    private static List<Map<?, ?>> rows(Object group) {
        if (group == null) {
            return List.of();
        }
        if (!(group instanceof List<?> list)) {
            throw new IllegalArgumentException("not a repeat group");
        }
        List<Map<?, ?>> rows = new ArrayList<>(list.size());
        for (Object row : list) {
            if (!(row instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("not a repeat group");
            }
            rows.add(m);
        }
        return rows;
    }
}
