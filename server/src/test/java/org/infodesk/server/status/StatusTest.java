package org.infodesk.server.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.infodesk.server.support.StatusScenario.CITY;
import static org.infodesk.server.support.StatusScenario.LAO;
import static org.infodesk.server.support.StatusScenario.MUEANG;
import static org.infodesk.server.support.StatusScenario.NEIGHBOUR;
import static org.infodesk.server.support.StatusScenario.PROVINCE;
import static org.infodesk.server.support.StatusScenario.WANG_THONG;
import static org.infodesk.server.support.StatusScenario.YEAR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.infodesk.server.status.StatusReport.AreaCount;
import org.infodesk.server.status.StatusReport.DomainCount;
import org.infodesk.server.status.StatusReport.DomainStatus;
import org.infodesk.server.status.StatusReport.LaoStatus;
import org.infodesk.server.support.OnStatusScenario;
import org.infodesk.server.support.StatusScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status of {@link StatusScenario}'s year, from the real database the pushes went to. */
class StatusTest extends OnStatusScenario {

    static StatusService status;

    @BeforeAll
    static void services() {
        status = scenario.status();
    }

    @Test
    void everyLaoOfTheProvinceIsListedWithEveryDomainOfTheDefinitionEvenThoseThatDeliveredNothing() throws Exception {
        StatusReport report = status.report(YEAR, Scope.province(PROVINCE));

        assertThat(report.laos()).hasSize(41);
        assertThat(report.domains()).extracting(StatusReport.DomainColumn::id).containsExactly("health_environment",
                "innovation_education", "public_health", "infrastructure", "water_management", "internal_governance",
                "society_religion_culture", "economy_tourism");
        assertThat(report.laos()).allSatisfy(lao -> assertThat(lao.domains()).hasSize(8));
        assertThat(report.districts()).hasSize(9);
        assertThat(report.provinces()).extracting(AreaCount::province).containsExactly(PROVINCE);
        assertThat(report.definitionKey()).isEqualTo("dla-lao-info/2564/1");
        assertThat(report.note()).contains("certified", "not", "delivered", "NOTHING");
        LaoStatus quiet = lao(report, "6650902");
        assertThat(quiet.domains()).extracting(DomainStatus::state).containsOnly(DomainState.NOTHING);
        assertThat(quiet.domains()).allSatisfy(d -> assertThat(d.revision()).isNull());
    }

    @Test
    void eachDomainTakesTheLatestDecisionOnItsHeadRevision() throws Exception {
        Map<String, DomainStatus> domains = domains(lao(status.report(YEAR, Scope.district(PROVINCE, WANG_THONG)), LAO));

        assertThat(domains.get("health_environment").state()).isEqualTo(DomainState.ACCEPTED);
        // r1 was returned; r2, not yet decided, is the head: the decision on r1 says nothing about it.
        assertThat(domains.get("innovation_education")).extracting(DomainStatus::state, DomainStatus::revision, DomainStatus::submissionId)
                .containsExactly(DomainState.DELIVERED, 2, scenario.id(LAO + " innovation_education r2"));
        assertThat(domains.get("innovation_education").decidedAt()).isNull();
        assertThat(domains.get("public_health")).extracting(DomainStatus::state, DomainStatus::revision)
                .containsExactly(DomainState.ACCEPTED, 2);
        assertThat(domains.get("infrastructure")).extracting(DomainStatus::state, DomainStatus::revision)
                .containsExactly(DomainState.DELIVERED, 1);
        // returned: the decision on the head counts.
        assertThat(domains.get("water_management").state()).isEqualTo(DomainState.RETURNED);
        assertThat(domains.get("water_management").decidedAt()).isNotNull();
        assertThat(domains.get("society_religion_culture").state()).isEqualTo(DomainState.NOTHING);
    }

    @Test
    void theClaimedCertificationTimeComesFromTheSignedPayloadAndTheReceiveTimeFromTheServer() throws Exception {
        DomainStatus head = domains(lao(status.report(YEAR, Scope.district(PROVINCE, WANG_THONG)), LAO)).get("public_health");

        assertThat(head.certifiedAt()).isEqualTo(scenario.stored.get(LAO + " public_health r2").certifiedAt())
                .isEqualTo(Instant.parse("2026-11-26T02:30:15.250Z"));
        assertThat(head.receivedAt()).isEqualTo(timestampOf(head));
    }

    @Test
    void districtCountsSayHowManyLaosDeliveredAndWereAcceptedPerDomainAndSupersededRevisionsAreNotCounted() throws Exception {
        StatusReport report = status.report(YEAR, Scope.province(PROVINCE));
        AreaCount wangThong = report.districts().stream().filter(d -> d.district().equals(WANG_THONG)).findFirst().orElseThrow();
        Map<String, DomainCount> counts = counts(wangThong);

        assertThat(wangThong.laos()).isEqualTo(8);
        assertThat(counts.get("health_environment")).isEqualTo(new DomainCount("health_environment", 2, 0, 0, 2, 6));
        assertThat(counts.get("public_health")).isEqualTo(new DomainCount("public_health", 1, 0, 0, 1, 7));
        assertThat(counts.get("innovation_education")).isEqualTo(new DomainCount("innovation_education", 1, 1, 0, 0, 7));
        assertThat(counts.get("water_management")).isEqualTo(new DomainCount("water_management", 1, 0, 1, 0, 7));
        assertThat(counts.get("society_religion_culture")).isEqualTo(new DomainCount("society_religion_culture", 0, 0, 0, 0, 8));
        AreaCount mueang = report.districts().stream().filter(d -> d.district().equals(MUEANG)).findFirst().orElseThrow();
        assertThat(counts(mueang).get("health_environment")).isEqualTo(new DomainCount("health_environment", 1, 0, 1, 0, 7));
    }

    @Test
    void provinceAndScopeTotalsAddUpTheirDistricts() throws Exception {
        StatusReport report = status.report(YEAR, Scope.country());

        AreaCount province = report.provinces().get(0);
        assertThat(province.laos()).isEqualTo(41);
        assertThat(counts(province).get("health_environment")).isEqualTo(new DomainCount("health_environment", 3, 0, 1, 2, 38));
        assertThat(report.total()).isEqualTo(new AreaCount(null, null, 41, province.domains()));
        for (int i = 0; i < report.domains().size(); i++) {
            int index = i;
            assertThat(report.districts().stream().mapToInt(d -> d.domains().get(index).delivered()).sum())
                    .isEqualTo(province.domains().get(i).delivered());
        }
    }

    @Test
    void aDistrictScopeHoldsOnlyItsLaos() throws Exception {
        StatusReport report = status.report(YEAR, Scope.district(PROVINCE, MUEANG));

        assertThat(report.laos()).extracting(LaoStatus::district).containsOnly(MUEANG);
        assertThat(report.laos()).extracting(LaoStatus::code).contains(CITY).doesNotContain(LAO, NEIGHBOUR);
        assertThat(report.districts()).hasSize(1);
        assertThat(report.total()).extracting(AreaCount::province, AreaCount::district, AreaCount::laos)
                .containsExactly(PROVINCE, MUEANG, 8);
    }

    @Test
    void aYearWithoutADefinitionOrAScopeWithoutLaosIsRefusedWithAMessage() {
        assertThatThrownBy(() -> status.report(2570, Scope.country()))
                .isInstanceOf(StatusException.class).hasMessageContaining("no questionnaire definition for fiscal year 2570");
        assertThatThrownBy(() -> status.report(YEAR, Scope.province("เชียงใหม่")))
                .isInstanceOf(StatusException.class).hasMessageContaining("no LAO of the registry in province เชียงใหม่");
        assertThatThrownBy(() -> status.report(YEAR, Scope.district(PROVINCE, "ไม่มี")))
                .isInstanceOf(StatusException.class).hasMessageContaining("district ไม่มี, พิษณุโลก");
        assertThatThrownBy(() -> Scope.district(null, WANG_THONG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDistrictWhereNobodyDeliveredShowsNothingEverywhere() throws Exception {
        StatusReport report = status.report(YEAR, Scope.district(PROVINCE, "นครไทย"));

        assertThat(report.laos()).allSatisfy(lao -> assertThat(lao.domains()).extracting(DomainStatus::state)
                .containsOnly(DomainState.NOTHING));
    }

    @Test
    void theReportSerialisesToJsonWithJacksonAsItIs() throws Exception {
        StatusReport report = status.report(YEAR, Scope.district(PROVINCE, WANG_THONG));

        JsonNode json = new ObjectMapper().valueToTree(report);
        JsonNode head = json.at("/laos/0/domains/0");
        assertThat(json.at("/fiscalYear").asInt()).isEqualTo(YEAR);
        assertThat(json.at("/scope/district").asText()).isEqualTo(WANG_THONG);
        assertThat(json.at("/laos/0/code").asText()).isEqualTo(LAO);
        assertThat(head.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(head.get("certifiedAt").asText()).isEqualTo("2026-11-26T02:30:15.250Z");
        assertThat(Instant.parse(head.get("receivedAt").asText())).isEqualTo(report.laos().get(0).domains().get(0).receivedAt());
        tools.jackson.databind.JsonNode jackson3 = new tools.jackson.databind.json.JsonMapper().valueToTree(report);
        assertThat(jackson3.at("/laos/0/domains/0/certifiedAt").asString()).isEqualTo("2026-11-26T02:30:15.250Z");
    }

    // ------------------------------------------------------------------ helpers

    static LaoStatus lao(StatusReport report, String code) {
        return report.laos().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    static Map<String, DomainStatus> domains(LaoStatus lao) {
        return lao.domains().stream().collect(Collectors.toMap(DomainStatus::domainId, Function.identity()));
    }

    static Map<String, DomainCount> counts(AreaCount area) {
        return area.domains().stream().collect(Collectors.toMap(DomainCount::domainId, Function.identity()));
    }

    static Instant timestampOf(DomainStatus head) throws Exception {
        try (var connection = scenario.server.database().dataSource().getConnection();
             var select = connection.prepareStatement("SELECT received_at FROM submission WHERE submission_id = ?")) {
            select.setObject(1, head.submissionId());
            try (var row = select.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
