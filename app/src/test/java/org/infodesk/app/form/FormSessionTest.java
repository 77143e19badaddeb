package org.infodesk.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

class FormSessionTest {

    private static final Questionnaire Q = Questionnaire.fy2564();
    private static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");

    private final InMemoryAnswerRepository repo = new InMemoryAnswerRepository(Clock.systemUTC(), Q.definition().key());

    @Test
    void anEditIsSavedAndTheDomainReevaluated() throws Exception {
        FormSession s = new FormSession(Q, repo, ROADS, "somchai");

        s.edit("road_km_total", new BigDecimal("10"));
        s.edit("road_km_asphalt", new BigDecimal("20"));
        for (String item : new String[] {"road_km_concrete", "road_km_crushed_rock", "road_km_laterite", "road_km_earth"}) {
            s.edit(item, BigDecimal.ZERO);
        }

        assertThat(repo.current(ROADS).values()).containsEntry("road_km_total", new BigDecimal("10"));
        assertThat(s.evaluation().findings()).filteredOn(f -> "road_km_sum".equals(f.ruleId()))
                .singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.RULE));
        assertThat(s.lastSaved()).isNotNull();
    }

    @Test
    void undoPutsBackTheValueBeforeTheLastChangeThenTheOneBefore() throws Exception {
        FormSession s = new FormSession(Q, repo, ROADS, "somchai");
        s.edit("road_routes_total", new BigDecimal("58"));
        s.edit("road_routes_total", new BigDecimal("60"));
        s.edit("road_km_total", new BigDecimal("42"));

        assertThat(s.undo()).isEqualTo("road_km_total");
        assertThat(s.value("road_km_total")).isNull();
        assertThat(s.undo()).isEqualTo("road_routes_total");
        assertThat(s.value("road_routes_total")).isEqualTo(new BigDecimal("58"));
        assertThat(repo.current(ROADS).values()).containsEntry("road_routes_total", new BigDecimal("58"));
    }

    @Test
    void rulesSeeOtherDomainsCurrentValues() throws Exception {
        new FormSession(Q, repo, new DomainKey("5650801", 2564, "internal_governance"), "somchai")
                .edit("total_households", new BigDecimal("100"));
        FormSession roads = new FormSession(Q, repo, ROADS, "somchai");

        roads.edit("households_with_electricity", new BigDecimal("101"));

        assertThat(roads.evaluation().outcome("elec_households_le_total"))
                .isEqualTo(org.infodesk.protocol.rules.RuleOutcome.FAILED);
    }
}
