package org.infodesk.protocol.answers;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns what an officer types into a number: Thai digits (๐-๙) become 0-9, thousands
 * separators are dropped, surrounding spaces are ignored. Anything else is refused with a
 * reason, never guessed at: "1,23" could be a decimal comma, so it is refused rather than
 * read as 123. See {@code SPEC.md} §2.3.
 */
public final class NumberText {

    /** Digits allowed before the decimal point: enough for any baht amount, far from overflow. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits allowed after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 9;

    /** Why a text is not a number. */
    public enum Problem {
        EMPTY,
        NOT_A_NUMBER,
        BAD_GROUPING,
        TOO_LARGE,
        TOO_MANY_DECIMALS
    }

    /** The outcome of parsing: a number, or the reason there is none. */
    public record Result(BigDecimal value, Problem problem) {
        public boolean ok() {
            return problem == null;
        }

        public Optional<BigDecimal> number() {
            return Optional.ofNullable(value);
        }
    }

    private NumberText() {}

    /** The text with Thai digits replaced by ASCII digits; nothing else changes. */
    public static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\u0E50' && c <= '\u0E59' ? (char) ('0' + (c - '\u0E50')) : c);
        }
        return out.toString();
    }

    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Result(null, Problem.EMPTY);
        }
        String s = asciiDigits(text.strip());
        if (s.length() > 64) {
            return new Result(null, Problem.TOO_LARGE);
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int point = s.indexOf('.', i);
        String whole = point < 0 ? s.substring(i) : s.substring(i, point);
        String fraction = point < 0 ? "" : s.substring(point + 1);
        if (whole.isEmpty() && fraction.isEmpty()) {
            return new Result(null, Problem.NOT_A_NUMBER);
        }
        if (!fraction.chars().allMatch(NumberText::isDigit)) {
            return new Result(null, fraction.indexOf(',') >= 0 ? Problem.BAD_GROUPING : Problem.NOT_A_NUMBER);
        }
        String digits;
        if (whole.indexOf(',') >= 0) {
            if (!whole.chars().allMatch(c -> isDigit(c) || c == ',')) {
                return new Result(null, Problem.NOT_A_NUMBER);
            }
            String[] groups = whole.split(",", -1);
            boolean grouped = groups[0].length() >= 1 && groups[0].length() <= 3;
            for (int g = 1; g < groups.length; g++) {
                grouped &= groups[g].length() == 3;
            }
            if (!grouped) {
                return new Result(null, Problem.BAD_GROUPING);
            }
            digits = whole.replace(",", "");
        } else {
            if (!whole.chars().allMatch(NumberText::isDigit)) {
                return new Result(null, Problem.NOT_A_NUMBER);
            }
            digits = whole;
        }
        int leadingZeros = 0; // all but the last digit may be a leading zero
        while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        if (digits.length() - leadingZeros > MAX_INTEGER_DIGITS) {
            return new Result(null, Problem.TOO_LARGE);
        }
        if (fraction.length() > MAX_FRACTION_DIGITS) {
            return new Result(null, Problem.TOO_MANY_DECIMALS);
        }
        BigDecimal value = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        return new Result(Values.normalise(negative ? value.negate() : value), null);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
