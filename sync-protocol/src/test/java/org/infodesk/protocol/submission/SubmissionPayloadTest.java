package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubmissionPayloadTest {

    private static final UUID ID = UUID.fromString("017c2516-abd2-7bb8-bd98-2e5f76e5dc0f");
    private static final Certifier CERTIFIER = new Certifier("somchai.j", "นายสมชาย ใจดี", "ปลัดเทศบาลตำบลวังทอง");
    private static final Instant AT = Instant.parse("2021-09-27T02:30:15.250Z");

    private static SubmissionPayload payload(int revision, Integer supersedes, Map<String, Object> values, Instant at) {
        return new SubmissionPayload(ID, "5650801", 2564, "infrastructure", revision, supersedes, "dla-lao-info", 1,
                values, Map.of(), CERTIFIER, at, "wks-5650801-01");
    }

    @Test
    void valuesAreHeldInTheirOneForm() {
        Map<String, Object> values = new HashMap<>();
        values.put("road_km_total", new BigDecimal("42.360"));
        values.put("street_lights_total", new BigDecimal("1.2E+3"));
        values.put("footpath_km", null);
        values.put("comprehensive_plan_in_force", true);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cdc_name", "ศูนย์");
        row.put("cdc_teachers", new BigDecimal("3.0"));
        row.put("cdc_assistants", null);
        values.put("cdc_centres", List.of(row));

        SubmissionPayload p = payload(1, null, values, AT.plusNanos(999_999));

        assertThat(p.values()).containsOnlyKeys("road_km_total", "street_lights_total", "comprehensive_plan_in_force", "cdc_centres");
        assertThat(p.values().get("road_km_total")).isEqualTo(new BigDecimal("42.36"));
        assertThat(p.values().get("street_lights_total")).isEqualTo(new BigDecimal("1200"));
        assertThat(p.values().get("cdc_centres")).isEqualTo(List.of(Map.of("cdc_name", "ศูนย์", "cdc_teachers", new BigDecimal("3"))));
        assertThat(p.certifiedAt()).isEqualTo(AT);
        assertThat(p.certifiedAtText()).isEqualTo("2021-09-27T02:30:15.250Z");
        assertThat(p).isEqualTo(payload(1, null, Map.of("road_km_total", new BigDecimal("42.36"),
                "street_lights_total", new BigDecimal("1200"), "comprehensive_plan_in_force", true,
                "cdc_centres", List.of(Map.of("cdc_name", "ศูนย์", "cdc_teachers", new BigDecimal("3")))), AT));
    }

    @Test
    void theValuesCannotBeChangedAfterwards() {
        SubmissionPayload p = payload(1, null, Map.of("road_routes_total", BigDecimal.ONE), AT);

        assertThatThrownBy(() -> p.values().put("road_routes_total", BigDecimal.TEN)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static SubmissionPayload justified(Map<String, String> justifications) {
        return new SubmissionPayload(ID, "5650801", 2564, "infrastructure", 1, null, "dla-lao-info", 1,
                Map.of(), justifications, CERTIFIER, AT, "wks-5650801-01");
    }

    @Test
    void justificationsAreHeldStrippedSortedBySubjectAndCannotBeChanged() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("rule:road_avg_length", "  ถนนสายหลักยาว 35 กม.\u3000");
        given.put("road_routes_total", "รับโอนถนนจากกรมทางหลวงชนบท 3 สาย");

        SubmissionPayload p = justified(given);

        assertThat(p.justifications()).containsExactly(
                Map.entry("road_routes_total", "รับโอนถนนจากกรมทางหลวงชนบท 3 สาย"),
                Map.entry("rule:road_avg_length", "ถนนสายหลักยาว 35 กม."));
        assertThat(p).isEqualTo(justified(Map.of("road_routes_total", "รับโอนถนนจากกรมทางหลวงชนบท 3 สาย",
                "rule:road_avg_length", "ถนนสายหลักยาว 35 กม.")));
        assertThatThrownBy(() -> p.justifications().put("road_km_total", "x")).isInstanceOf(UnsupportedOperationException.class);
        given.clear();
        assertThat(p.justifications()).hasSize(2);
    }

    @Test
    void aJustificationIsOneLineOfOneTo500CharactersInAnyScript() {
        String thai500 = "ก".repeat(499) + "่";                    // 500 code points, the last a tone mark
        String emoji500 = "\uD83D\uDEA7".repeat(500);              // 500 code points, 1,000 UTF-16 units

        assertThat(justified(Map.of("road_km_total", thai500)).justifications()).containsValue(thai500);
        assertThat(justified(Map.of("road_km_total", emoji500)).justifications()).containsValue(emoji500);
        assertThat(justified(Map.of("road_km_total", "Straße 道路 ถนน")).justifications()).containsValue("Straße 道路 ถนน");
        for (String bad : List.of("", "   ", "\u3000\t", "ก".repeat(501), "ถนนสาย 1\nถนนสาย 2", "ถนน\u0000", "\uD83D")) {
            assertThatThrownBy(() -> justified(Map.of("road_km_total", bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("justifications.road_km_total: ");
        }
    }

    @Test
    void aSubjectIsRuleAndARuleIdOrAnItemId() {
        for (String bad : List.of("", "rule:", "Rule:road_avg_length", "rule:rule:x", "rule: x", "infrastructure.road_km_total", "1")) {
            assertThatThrownBy(() -> justified(Map.of(bad, "เหตุผล"))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("justifications." + bad + ": ");
        }
    }

    @Test
    void onlyTheFirstRevisionSupersedesNothingAndNoRevisionSupersedesItselfOrALaterOne() {
        assertThat(payload(1, null, Map.of(), AT).supersedes()).isNull();
        assertThat(payload(3, 2, Map.of(), AT).supersedes()).isEqualTo(2);
        assertThatThrownBy(() -> payload(1, 1, Map.of(), AT)).hasMessageContaining("supersedes");
        assertThatThrownBy(() -> payload(2, null, Map.of(), AT)).hasMessageContaining("supersedes");
        assertThatThrownBy(() -> payload(2, 2, Map.of(), AT)).hasMessageContaining("supersedes");
        assertThatThrownBy(() -> payload(2, 0, Map.of(), AT)).hasMessageContaining("supersedes");
    }

    @Test
    void fieldsOutsideTheirFormAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new SubmissionPayload(UUID.randomUUID(), "5650801", 2564, "infrastructure", 1, null,
                "dla-lao-info", 1, Map.of(), Map.of(), CERTIFIER, AT, "wks")).hasMessageContaining("submission_id");
        assertThatThrownBy(() -> new SubmissionPayload(ID, "565080", 2564, "infrastructure", 1, null,
                "dla-lao-info", 1, Map.of(), Map.of(), CERTIFIER, AT, "wks")).hasMessageContaining("lao_code");
        assertThatThrownBy(() -> new SubmissionPayload(ID, "5650801", 2021, "infrastructure", 1, null,
                "dla-lao-info", 1, Map.of(), Map.of(), CERTIFIER, AT, "wks")).hasMessageContaining("fiscal_year");
        assertThatThrownBy(() -> new SubmissionPayload(ID, "5650801", 2564, "infrastructure", 1, null,
                "dla-lao-info", 1, Map.of(), Map.of(), CERTIFIER, Instant.EPOCH, "wks")).hasMessageContaining("certified_at");
        assertThatThrownBy(() -> new SubmissionPayload(ID, "5650801", 2564, "infrastructure", 1, null,
                "dla-lao-info", 1, Map.of(), Map.of(), CERTIFIER, AT, "a device")).hasMessageContaining("device_id");
        assertThatThrownBy(() -> new Certifier("somchai.j", " นายสมชาย", "ปลัด")).hasMessageContaining("certifier.name");
        assertThatThrownBy(() -> new Certifier("somchai.j", "นายสมชาย", "ปลัด\n")).hasMessageContaining("certifier.position");
        assertThatThrownBy(() -> new Certifier("somchai.j", "x".repeat(201), "ปลัด")).hasMessageContaining("certifier.name");
    }
}
