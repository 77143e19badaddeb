package org.infodesk.protocol.rules;

/** What a rule gave on one answer set. */
public enum RuleOutcome {
    /** The rule holds. */
    PASSED,
    /** The rule does not hold: its message is a finding. */
    FAILED,
    /** The rule needs a value that is empty or irrelevant (or divides by zero): no finding. */
    NOT_APPLICABLE,
    /** The rule could not run on these values (a definition bug); a warning finding says so. */
    BROKEN
}
