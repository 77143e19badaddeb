package org.infodesk.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Rule;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every FY 2564 rule, on an answer set that passes it and on one that fails it. */
class Fy2564RuleCasesTest {

    private static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    private static final JsonNode CASES = Fy2564Fixtures.ruleCases();

    static Stream<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Domain d : QUESTIONNAIRE.definition().domains()) {
            d.rules().stream().map(Rule::id).forEach(ids::add);
        }
        return ids.stream();
    }

    @Test
    void everyRuleHasACaseAndEveryCaseARule() {
        List<String> caseIds = new ArrayList<>();
        CASES.fieldNames().forEachRemaining(caseIds::add);

        assertThat(caseIds).containsExactlyInAnyOrderElementsOf(ruleIds().toList());
    }

    @ParameterizedTest(name = "{0} passes")
    @MethodSource("ruleIds")
    void passes(String ruleId) {
        Evaluation e = QUESTIONNAIRE.evaluate(Fy2564Fixtures.patched(QUESTIONNAIRE.definition(), CASES.get(ruleId).get("pass")));

        assertThat(e.outcome(ruleId)).isEqualTo(RuleOutcome.PASSED);
        assertThat(e.findings()).noneMatch(f -> ruleId.equals(f.ruleId()));
    }

    @ParameterizedTest(name = "{0} fails")
    @MethodSource("ruleIds")
    void fails(String ruleId) {
        Evaluation e = QUESTIONNAIRE.evaluate(Fy2564Fixtures.patched(QUESTIONNAIRE.definition(), CASES.get(ruleId).get("fail")));

        assertThat(e.outcome(ruleId)).isEqualTo(RuleOutcome.FAILED);
        assertThat(e.findings()).filteredOn(f -> ruleId.equals(f.ruleId())).singleElement()
                .satisfies(f -> assertThat(f.items()).isNotEmpty());
    }
}
