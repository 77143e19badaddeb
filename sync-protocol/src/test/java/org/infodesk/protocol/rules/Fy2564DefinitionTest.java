package org.infodesk.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.junit.jupiter.api.Test;

class Fy2564DefinitionTest {

    private final Questionnaire questionnaire = Questionnaire.fy2564();
    private final Definition definition = questionnaire.definition();

    @Test
    void theShippedDefinitionHasTheEightDomainsItsItemsAndAllSixtyFiveRules() {
        assertThat(definition.key()).isEqualTo("dla-lao-info/2564/1");
        assertThat(definition.domains()).extracting(Domain::id).containsExactly(
                "health_environment", "innovation_education", "public_health", "infrastructure",
                "water_management", "internal_governance", "society_religion_culture", "economy_tourism");
        assertThat(definition.itemCount()).isGreaterThanOrEqualTo(230);
        assertThat(definition.ruleCount()).isEqualTo(65);
    }

    @Test
    void everyItemHasThaiAndEnglishLabelsAndASectionOfItsDomain() {
        for (Domain d : definition.domains()) {
            for (Item item : d.items()) {
                assertThat(item.label().th()).as(item.id()).isNotBlank();
                assertThat(item.label().en()).as(item.id()).isNotBlank();
                assertThat(d.sections()).as(item.id()).anyMatch(s -> s.id().equals(item.section()));
            }
        }
    }

    @Test
    void theCompleteSampleAnswerSetAnswersEveryItemAndPassesEveryRule() {
        Answers complete = Fy2564Fixtures.complete(definition);

        Evaluation e = questionnaire.evaluate(complete);

        assertThat(e.findings()).as(() -> e.findings().stream().map(f -> f.at() + " " + f.message(Locale.ENGLISH)).toList().toString())
                .isEmpty();
        assertThat(e.outcomes()).hasSize(65).allSatisfy((rule, outcome) -> assertThat(outcome).as(rule).isEqualTo(RuleOutcome.PASSED));
        for (Domain d : definition.domains()) {
            for (Item item : d.items()) {
                assertThat(complete.get(d.id(), item.id())).as(d.id() + "." + item.id()).isNotNull();
                assertThat(e.isRelevant(d.id(), item.id())).as(d.id() + "." + item.id()).isTrue();
            }
        }
    }

    @Test
    void aDomainJudgedAloneFindsWhatAFullEvaluationOfTheSameValuesFindsInIt() {
        Answers complete = Fy2564Fixtures.complete(definition);
        for (Domain d : definition.domains()) {
            Answers.Builder alone = Answers.builder();
            complete.domain(d.id()).forEach((item, value) -> alone.put(d.id(), item, value));
            Answers.Builder halfDone = Answers.builder();
            d.items().stream().limit(d.items().size() / 2)
                    .forEach(item -> halfDone.put(d.id(), item.id(), complete.get(d.id(), item.id())));

            for (Answers answers : java.util.List.of(alone.build(), halfDone.build(), Answers.empty())) {
                Evaluation judged = questionnaire.evaluate(answers, d.id());
                Evaluation full = questionnaire.evaluate(answers);

                assertThat(judged.findings()).as(d.id()).isEqualTo(full.findings(d.id()));
                assertThat(judged.outcomes()).as(d.id()).allSatisfy(
                        (rule, outcome) -> assertThat(outcome).as(rule).isEqualTo(full.outcome(rule)));
                for (Item item : d.items()) {
                    assertThat(judged.isRelevant(d.id(), item.id())).as(item.id()).isEqualTo(full.isRelevant(d.id(), item.id()));
                }
            }
        }
    }

    @Test
    void anEmptyAnswerSetAsksForEveryRequiredRelevantItemAndNoRuleFires() {
        Evaluation e = questionnaire.evaluate(Answers.empty());

        assertThat(e.findings()).allMatch(f -> f.kind() == Finding.Kind.REQUIRED);
        assertThat(e.outcomes().values()).doesNotContain(RuleOutcome.FAILED, RuleOutcome.BROKEN);
    }

    @Test
    void growingEveryRepeatGroupToTwentyRowsKeepsTheSetValid() {
        Evaluation e = questionnaire.evaluate(Fy2564Fixtures.withRows(definition, 20));

        assertThat(e.outcomes().values()).doesNotContain(RuleOutcome.BROKEN, RuleOutcome.NOT_APPLICABLE);
    }
}
