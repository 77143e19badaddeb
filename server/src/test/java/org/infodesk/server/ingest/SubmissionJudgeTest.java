package org.infodesk.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

/** The server judges with the shared engine and the shared fixtures. */
class SubmissionJudgeTest {

    private final Questionnaire questionnaire = Questionnaire.fy2564();
    private final Definition definition = questionnaire.definition();

    @Test
    void acceptsTheCompleteSampleDomainByDomain() {
        for (var domain : definition.domains()) {
            assertThat(SubmissionJudge.errors(questionnaire, Fy2564Fixtures.complete(definition), domain.id()))
                    .as(domain.id()).isEmpty();
        }
    }

    @Test
    void refusesADomainBreakingAnErrorRuleNamingTheRule() {
        JsonNode fail = Fy2564Fixtures.ruleCases().get("road_km_sum").get("fail");

        var errors = SubmissionJudge.errors(questionnaire, Fy2564Fixtures.patched(definition, fail), "infrastructure");

        assertThat(errors).extracting(Finding::ruleId).containsExactly("road_km_sum");
    }

    @Test
    void doesNotRefuseForAWarning() {
        JsonNode fail = Fy2564Fixtures.ruleCases().get("road_avg_length").get("fail");

        assertThat(SubmissionJudge.errors(questionnaire, Fy2564Fixtures.patched(definition, fail), "infrastructure")).isEmpty();
    }
}
