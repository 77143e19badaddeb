package org.infodesk.protocol.rules;

/**
 * Raised inside an evaluation when it reaches an empty value in arithmetic or a comparison, or
 * divides by zero: the expression has no truth value ({@code SPEC.md} §2.5). A signal, not an
 * error, so it carries no stack trace.
 */
final class NotApplicable extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final NotApplicable INSTANCE = new NotApplicable();

    private NotApplicable() {
        super("not applicable", null, false, false);
    }
}
