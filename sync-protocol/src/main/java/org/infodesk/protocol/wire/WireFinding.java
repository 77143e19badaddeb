package org.infodesk.protocol.wire;

import java.util.Locale;
import java.util.Objects;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.rules.Finding;

/**
 * A finding of the shared rule engine (§2.5) as a rejected item carries it ({@code SPEC.md} §4.6).
 *
 * @param code     the finding's kind ({@code REQUIRED}, {@code RULE}, ...)
 * @param ruleId   the rule, for {@code RULE} and {@code RULE_BROKEN}; else null
 * @param item     where to send the user: {@code domain.item} or {@code domain.group[row].field}
 * @param severity {@code ERROR} or {@code WARNING}
 * @param message  the message in Thai and English
 */
public record WireFinding(String code, String ruleId, String item, Severity severity, LocalText message) {

    public WireFinding {
        WireChecks.require("code", WireChecks.matches(code, WireChecks.PROBLEM_CODE));
        if (ruleId != null) {
            WireChecks.require("rule_id", WireChecks.matches(ruleId, WireChecks.ID));
        }
        WireChecks.require("item", WireChecks.text(item, 200));
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** The wire form of a finding of the engine. */
    public static WireFinding of(Finding finding) {
        return new WireFinding(finding.kind().name(), finding.ruleId(), finding.at().toString(), finding.severity(),
                new LocalText(finding.message(Locale.ROOT), finding.message(Locale.ENGLISH)));
    }
}
