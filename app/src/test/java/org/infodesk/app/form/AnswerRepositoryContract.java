package org.infodesk.app.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.junit.jupiter.api.Test;

/** What every {@link AnswerRepository} does; run against the in-memory fake and SQLite. */
public abstract class AnswerRepositoryContract {

    protected static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");
    protected static final DomainKey PEOPLE = new DomainKey("5650801", 2564, "internal_governance");

    protected abstract AnswerRepository repository() throws Exception;

    @Test
    void anUntouchedDomainIsRevisionOneNotStartedWithNoValues() throws Exception {
        DomainRecord r = repository().current(ROADS);

        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.state()).isEqualTo(DomainState.NOT_STARTED);
        assertThat(r.values()).isEmpty();
    }

    @Test
    void aSavedValueIsThereAtOnceWithItsTypeAndTheDomainIsADraft() throws Exception {
        AnswerRepository repo = repository();

        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        repo.save(new Edit(ROADS, "road_km_total", new BigDecimal("42.36"), "somchai"));

        DomainRecord r = repo.current(ROADS);
        assertThat(r.state()).isEqualTo(DomainState.DRAFT);
        assertThat(r.values()).containsEntry("road_routes_total", new BigDecimal("58"))
                .containsEntry("road_km_total", new BigDecimal("42.36"));
    }

    @Test
    void savingAnEmptyValueClearsTheItem() throws Exception {
        AnswerRepository repo = repository();
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));

        repo.save(new Edit(ROADS, "road_routes_total", null, "somchai"));

        assertThat(repo.current(ROADS).values()).doesNotContainKey("road_routes_total");
    }

    @Test
    void everyChangeLeavesOneAuditEntryWithWhoWhatAndTheOldAndNewValue() throws Exception {
        AnswerRepository repo = repository();
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("60"), "malee"));

        List<AuditEntry> audit = repo.audit(ROADS);

        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).user()).isEqualTo("somchai");
        assertThat(audit.get(0).oldValue()).isNull();
        assertThat(audit.get(0).newValue()).contains("58");
        assertThat(audit.get(1).user()).isEqualTo("malee");
        assertThat(audit.get(1).oldValue()).contains("58");
        assertThat(audit.get(1).newValue()).contains("60");
        assertThat(audit).allSatisfy(a -> assertThat(a.item()).isEqualTo("road_routes_total"));
    }

    @Test
    void repeatGroupsAndChoicesKeepTheirShape() throws Exception {
        AnswerRepository repo = repository();
        DomainKey culture = new DomainKey("5650801", 2564, "society_religion_culture");
        List<Map<String, Object>> rows = List.of(
                Map.of("tradition_name", "ประเพณีแข่งเรือ", "tradition_month", "10", "tradition_lao_supported", true),
                Map.of("tradition_name", "ลอยกระทง", "tradition_month", "11"));

        repo.save(new Edit(culture, "traditions", rows, "somchai"));
        repo.save(new Edit(culture, "local_languages", List.of("central_thai", "northern"), "somchai"));

        assertThat(repo.current(culture).values().get("traditions")).isEqualTo(rows);
        assertThat(repo.current(culture).values().get("local_languages")).isEqualTo(List.of("central_thai", "northern"));
    }

    @Test
    void answersGathersTheCurrentValuesOfEveryDomain() throws Exception {
        AnswerRepository repo = repository();
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        repo.save(new Edit(PEOPLE, "total_households", new BigDecimal("3620"), "somchai"));
        repo.save(new Edit(new DomainKey("5650801", 2563, "infrastructure"), "road_routes_total", new BigDecimal("1"), "x"));

        var answers = repo.answers("5650801", 2564);

        assertThat(answers.get("infrastructure", "road_routes_total")).isEqualTo(new BigDecimal("58"));
        assertThat(answers.get("internal_governance", "total_households")).isEqualTo(new BigDecimal("3620"));
        assertThat(answers.domainIds()).containsExactlyInAnyOrder("infrastructure", "internal_governance");
    }

    @Test
    void aDraftCanStartFromGivenValuesOnlyOnce() throws Exception {
        AnswerRepository repo = repository();

        DomainRecord r = repo.startDraft(ROADS, Map.of("road_routes_total", new BigDecimal("55")), "somchai");
        StoreException again = catchThrowableOfType(StoreException.class,
                () -> repo.startDraft(ROADS, Map.of("road_routes_total", new BigDecimal("1")), "somchai"));

        assertThat(r.state()).isEqualTo(DomainState.DRAFT);
        assertThat(r.values()).containsEntry("road_routes_total", new BigDecimal("55"));
        assertThat(again.problem()).isEqualTo(StoreException.Problem.CONFLICT);
        assertThat(repo.current(ROADS).values()).containsEntry("road_routes_total", new BigDecimal("55"));
    }

    @Test
    void aJustificationIsKeptPerSubjectAndABlankOneRemovesIt() throws Exception {
        AnswerRepository repo = repository();
        repo.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));

        repo.justify(ROADS, "road_routes_total", "  รับโอนถนนจากกรมทางหลวงชนบท 3 สาย ", "somchai");
        repo.justify(ROADS, "rule:road_avg_length", "ถนนสายหลักยาว", "somchai");
        repo.justify(ROADS, "rule:road_avg_length", " ", "somchai");

        assertThat(repo.justifications(ROADS)).containsExactly(
                Map.entry("road_routes_total", "รับโอนถนนจากกรมทางหลวงชนบท 3 สาย"));
        assertThat(repo.audit(ROADS)).extracting(AuditEntry::item)
                .contains("justification:road_routes_total", "justification:rule:road_avg_length");
    }
}
