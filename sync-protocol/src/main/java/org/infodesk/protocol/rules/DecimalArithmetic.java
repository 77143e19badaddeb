package org.infodesk.protocol.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Collection;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlOperator;

/**
 * The rule language's arithmetic ({@code SPEC.md} §2.5): every number is an exact
 * {@link BigDecimal}; division keeps 34 significant digits (IEEE 754 decimal128, half-even);
 * an empty operand, or a division by zero, makes the whole expression not applicable instead
 * of guessing a value. Equality of numbers ignores scale (2.50 == 2.5).
 */
final class DecimalArithmetic extends JexlArithmetic {

    static final MathContext CONTEXT = MathContext.DECIMAL128;

    DecimalArithmetic() {
        super(true, CONTEXT, 34);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return this;
    }

    static BigDecimal decimal(Object o) {
        if (o == null) {
            throw NotApplicable.INSTANCE;
        }
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            return BigDecimal.valueOf(((Number) o).longValue());
        }
        if (o instanceof Double || o instanceof Float) {
            // literals such as 0.05 are parsed as doubles; their shortest decimal form is the literal
            return new BigDecimal(o.toString());
        }
        if (o instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        throw new IllegalArgumentException("not a number: " + o.getClass().getSimpleName());
    }

    @Override
    public Object add(Object left, Object right) {
        if (left instanceof String || right instanceof String) {
            throw new IllegalArgumentException("text cannot be added");
        }
        return decimal(left).add(decimal(right), CONTEXT);
    }

    @Override
    public Object subtract(Object left, Object right) {
        return decimal(left).subtract(decimal(right), CONTEXT);
    }

    @Override
    public Object multiply(Object left, Object right) {
        return decimal(left).multiply(decimal(right), CONTEXT);
    }

    @Override
    public Object divide(Object left, Object right) {
        BigDecimal divisor = decimal(right);
        BigDecimal dividend = decimal(left);
        if (divisor.signum() == 0) {
            throw NotApplicable.INSTANCE;
        }
        return dividend.divide(divisor, CONTEXT);
    }

    @Override
    public Object mod(Object left, Object right) {
        BigDecimal divisor = decimal(right);
        BigDecimal dividend = decimal(left);
        if (divisor.signum() == 0) {
            throw NotApplicable.INSTANCE;
        }
        return dividend.remainder(divisor, CONTEXT);
    }

    @Override
    public Object negate(Object value) {
        return decimal(value).negate();
    }

    @Override
    public boolean equals(Object left, Object right) {
        if (left == null || right == null) {
            throw NotApplicable.INSTANCE;
        }
        if (left instanceof Number && right instanceof Number) {
            return decimal(left).compareTo(decimal(right)) == 0;
        }
        if (left instanceof Number || right instanceof Number) {
            throw new IllegalArgumentException("a number cannot be compared with "
                    + (left instanceof Number ? right : left).getClass().getSimpleName());
        }
        return left.equals(right);
    }

    @Override
    public boolean strictEquals(Object left, Object right) {
        return equals(left, right);
    }

    @Override
    protected int compare(Object left, Object right, JexlOperator operator) {
        if (left == null || right == null) {
            throw NotApplicable.INSTANCE;
        }
        if (left instanceof Number && right instanceof Number) {
            return decimal(left).compareTo(decimal(right));
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable) {
            @SuppressWarnings("unchecked")
            Comparable<Object> l = (Comparable<Object>) left;
            return l.compareTo(right);
        }
        throw new IllegalArgumentException("cannot order " + left.getClass().getSimpleName()
                + " and " + right.getClass().getSimpleName());
    }

    @Override
    public boolean lessThan(Object left, Object right) {
        return compare(left, right, JexlOperator.LT) < 0;
    }

    @Override
    public boolean lessThanOrEqual(Object left, Object right) {
        return compare(left, right, JexlOperator.LTE) <= 0;
    }

    @Override
    public boolean greaterThan(Object left, Object right) {
        return compare(left, right, JexlOperator.GT) > 0;
    }

    @Override
    public boolean greaterThanOrEqual(Object left, Object right) {
        return compare(left, right, JexlOperator.GTE) >= 0;
    }

    @Override
    public boolean toBoolean(Object value) {
        if (value == null) {
            throw NotApplicable.INSTANCE;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("not a condition: " + value.getClass().getSimpleName());
    }

    @Override
    public Boolean contains(Object container, Object value) {
        if (value == null) {
            throw NotApplicable.INSTANCE;
        }
        if (container instanceof Collection<?> c) {
            if (value instanceof Number) {
                BigDecimal v = decimal(value);
                return c.stream().anyMatch(e -> e instanceof Number n && decimal(n).compareTo(v) == 0);
            }
            return c.contains(value);
        }
        if (container != null && container.getClass().isArray()) {
            for (Object e : (Object[]) container) {
                if (e != null && (value instanceof Number && e instanceof Number
                        ? decimal(e).compareTo(decimal(value)) == 0 : e.equals(value))) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException("=~ needs a list on its right");
    }
}
