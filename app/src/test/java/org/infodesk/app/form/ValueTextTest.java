package org.infodesk.app.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.infodesk.app.i18n.Messages;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    private static Item item(String domain, String id) {
        return Questionnaire.fy2564().definition().domain(domain).orElseThrow().item(id).orElseThrow();
    }

    @Test
    void numbersAreGroupedByThousands() {
        assertThat(ValueText.number(item("internal_governance", "registered_population_total"), new BigDecimal("10113")))
                .isEqualTo("10,113");
        assertThat(ValueText.number(item("infrastructure", "road_km_total"), new BigDecimal("1042.36")))
                .isEqualTo("1,042.36");
    }

    @Test
    void aBuddhistEraYearIsNeverGrouped() {
        assertThat(ValueText.number(item("internal_governance", "fiscal_year"), new BigDecimal("2564"))).isEqualTo("2564");
    }

    @Test
    void yesNoDatesAndChoicesShowTheirLabelsInTheUsersLanguage() {
        Messages thai = Messages.thai();
        Messages english = Messages.of(Locale.ENGLISH);
        Item plan = item("infrastructure", "comprehensive_plan_in_force");
        Item type = item("internal_governance", "lao_type");
        Item date = item("internal_governance", "population_reference_date");

        assertThat(ValueText.of(plan, true, thai)).isEqualTo(thai.get("form.yes"));
        assertThat(ValueText.of(plan, false, english)).isEqualTo(english.get("form.no"));
        assertThat(ValueText.of(type, "subdistrict_municipality", thai)).isEqualTo(thai.text(type.option("subdistrict_municipality").orElseThrow().label()));
        assertThat(ValueText.of(date, LocalDate.of(2020, 12, 31), thai)).isEqualTo("31 ธ.ค. พ.ศ. 2563");
        assertThat(ValueText.of(item("society_religion_culture", "traditions"), List.of(), english)).isEqualTo(english.get("form.rows", 0));
        assertThat(ValueText.of(plan, null, thai)).isEmpty();
    }
}
