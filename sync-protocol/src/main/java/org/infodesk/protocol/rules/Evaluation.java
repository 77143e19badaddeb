package org.infodesk.protocol.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infodesk.protocol.definition.Severity;

/**
 * The result of evaluating an answer set: the findings (item constraints and failed rules, in
 * definition order), each rule's outcome, and which items are irrelevant.
 */
public final class Evaluation {

    private final List<Finding> findings;
    private final Map<String, RuleOutcome> outcomes;
    private final Set<String> irrelevant;

    Evaluation(List<Finding> findings, Map<String, RuleOutcome> outcomes, Set<String> irrelevant) {
        this.findings = List.copyOf(findings);
        this.outcomes = Map.copyOf(outcomes);
        this.irrelevant = Set.copyOf(irrelevant);
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<Finding> findings(String domain) {
        return findings.stream().filter(f -> f.at().domain().equals(domain)).toList();
    }

    /** The outcome of a rule, or null if its domain was not evaluated. */
    public RuleOutcome outcome(String ruleId) {
        return outcomes.get(ruleId);
    }

    public Map<String, RuleOutcome> outcomes() {
        return outcomes;
    }

    /**
     * Whether an item is relevant. Known for every item of the domains evaluated and of those that
     * hold values; an item of a domain neither evaluated nor holding any value counts as relevant.
     */
    public boolean isRelevant(String domain, String item) {
        return !irrelevant.contains(domain + "." + item);
    }

    public long errorCount(String domain) {
        return findings(domain).stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warningCount(String domain) {
        return findings(domain).stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    @Override
    public String toString() {
        return "Evaluation" + findings;
    }
}
