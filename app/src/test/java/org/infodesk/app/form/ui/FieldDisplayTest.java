package org.infodesk.app.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

class FieldDisplayTest {

    private static Item item(String domain, String id) {
        return Questionnaire.fy2564().definition().domain(domain).orElseThrow().item(id).orElseThrow();
    }

    @Test
    void numbersAreGroupedByThousands() {
        assertThat(FieldEditor.formatNumber(item("internal_governance", "registered_population_total"), new BigDecimal("10113")))
                .isEqualTo("10,113");
        assertThat(FieldEditor.formatNumber(item("infrastructure", "road_km_total"), new BigDecimal("1042.36")))
                .isEqualTo("1,042.36");
    }

    @Test
    void aBuddhistEraYearIsNeverGrouped() {
        assertThat(FieldEditor.formatNumber(item("internal_governance", "fiscal_year"), new BigDecimal("2564"))).isEqualTo("2564");
    }
}
