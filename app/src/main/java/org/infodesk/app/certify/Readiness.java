package org.infodesk.app.certify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.YearOverYear;

/**
 * Whether a domain may be certified now: no error, and a justification for every warning (each
 * rule warning, {@code rule:<id>}, and each change from last year beyond its item's threshold,
 * by item id). Made from the same evaluation the form shows; the store's own triggers are the
 * last line (a certified revision cannot change), this is the first.
 *
 * @param errors   every error of the domain, required answers included
 * @param warnings every warning, with its justification if one was given
 */
public record Readiness(List<Finding> errors, List<Warning> warnings) {

    /**
     * A warning to justify.
     *
     * @param subject       {@code rule:<id>} or, for a change from last year, the item's id
     * @param finding       the rule's finding; {@code null} for a change from last year
     * @param item          the changed item; {@code null} for a rule
     * @param lastYear      last year's value of a changed item
     * @param justification what the officer wrote; blank when nothing yet
     */
    public record Warning(String subject, Finding finding, Item item, BigDecimal lastYear, String justification) {

        public boolean justified() {
            return justification != null && !justification.isBlank();
        }
    }

    public Readiness {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** No error, every warning justified. */
    public boolean ready() {
        return errors.isEmpty() && warnings.stream().allMatch(Warning::justified);
    }

    /** The justifications of this domain's warnings, by subject, as the signed payload carries them. */
    public Map<String, String> justifications() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Warning w : warnings) {
            if (w.justified()) {
                out.put(w.subject(), w.justification().strip());
            }
        }
        return out;
    }

    public long unjustified() {
        return warnings.stream().filter(w -> !w.justified()).count();
    }

    /**
     * @param evaluation     the evaluation of the LAO's current answers (all domains)
     * @param domain         the domain to certify
     * @param lastYear       last year's certified values (empty when none)
     * @param justifications the current revision's justifications by subject
     */
    public static Readiness of(Evaluation evaluation, Domain domain, Answers current, Answers lastYear,
            Map<String, String> justifications) {
        List<Finding> errors = new ArrayList<>();
        Map<String, Warning> warnings = new LinkedHashMap<>();
        for (Finding f : evaluation.findings(domain.id())) {
            if (f.isError()) {
                errors.add(f);
            } else {
                // one justification a rule: a rule over a repeat group may warn on several rows
                String subject = "rule:" + (f.ruleId() != null ? f.ruleId() : f.kind().name().toLowerCase() + ":" + f.at());
                warnings.putIfAbsent(subject, new Warning(subject, f, null, null, justifications.get(subject)));
            }
        }
        for (Item item : domain.items()) {
            if (!item.type().isNumeric() || !evaluation.isRelevant(domain.id(), item.id())) {
                continue;
            }
            if (current.get(domain.id(), item.id()) instanceof BigDecimal now
                    && lastYear.get(domain.id(), item.id()) instanceof BigDecimal before
                    && YearOverYear.needsJustification(item, before, now)) {
                warnings.putIfAbsent(item.id(), new Warning(item.id(), null, item, before, justifications.get(item.id())));
            }
        }
        return new Readiness(errors, new ArrayList<>(warnings.values()));
    }
}
