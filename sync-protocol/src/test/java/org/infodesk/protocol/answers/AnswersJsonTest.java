package org.infodesk.protocol.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

class AnswersJsonTest {

    private final Definition definition = Questionnaire.fy2564().definition();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writingAndReadingBackGivesTheSameAnswers() throws Exception {
        Answers complete = Fy2564Fixtures.complete(definition);

        ObjectNode written = AnswersJson.write(complete, definition);
        Answers read = AnswersJson.read(json.readTree(json.writeValueAsString(written)), definition);

        assertThat(read).isEqualTo(complete);
    }

    @Test
    void numbersAreWrittenAsExactDecimalStrings() {
        Answers a = Answers.builder().put("infrastructure", "road_km_total", new BigDecimal("42.36")).build();

        assertThat(AnswersJson.write(a, definition).at("/infrastructure/road_km_total").textValue()).isEqualTo("42.36");
    }

    @Test
    void valuesAreReadIntoTheirTypedJavaForms() throws Exception {
        String doc = """
            {"internal_governance": {"total_households": "๓,๖๒๐", "area_sq_km": 24.50, "lao_type": "sao",
              "population_reference_date": "2020-12-31"},
             "innovation_education": {"digital_channels": ["website", "facebook"]}}""";

        Answers a = AnswersJson.read(json.readTree(doc), definition);

        assertThat(a.get("internal_governance", "total_households")).isEqualTo(new BigDecimal("3620"));
        assertThat(a.get("internal_governance", "area_sq_km")).isEqualTo(new BigDecimal("24.5"));
        assertThat(a.get("internal_governance", "population_reference_date")).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(a.get("innovation_education", "digital_channels")).isEqualTo(List.of("website", "facebook"));
    }

    @Test
    void everyWrongValueIsReportedWithWhereItIs() throws Exception {
        String doc = """
            {"internal_governance": {"total_households": "many", "lao_type": 6, "no_such_item": 1,
              "population_reference_date": "31/12/2563"},
             "no_such_domain": {},
             "innovation_education": {"digital_channels": ["website", "website"],
              "cdc_centres": [{"cdc_name": "ศูนย์", "cdc_teachers": true, "nope": 1}]}}""";

        AnswersFormatException e = catchThrowableOfType(AnswersFormatException.class,
                () -> AnswersJson.read(json.readTree(doc), definition));

        assertThat(e.problems()).extracting(AnswersFormatException.Problem::where).containsExactlyInAnyOrder(
                "internal_governance.total_households",
                "internal_governance.lao_type",
                "internal_governance.no_such_item",
                "internal_governance.population_reference_date",
                "no_such_domain",
                "innovation_education.digital_channels",
                "innovation_education.cdc_centres[0].cdc_teachers",
                "innovation_education.cdc_centres[0].nope");
    }

    @Test
    void oversizedListsAreRefusedWithoutReadingThemWhole() throws Exception {
        StringBuilder rows = new StringBuilder("{\"innovation_education\": {\"cdc_centres\": [");
        for (int i = 0; i <= AnswersJson.MAX_ROWS; i++) {
            rows.append(i == 0 ? "" : ",").append("{}");
        }
        rows.append("]}}");

        AnswersFormatException e = catchThrowableOfType(AnswersFormatException.class,
                () -> AnswersJson.read(json.readTree(rows.toString()), definition));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("1000 rows"));
    }

    @Test
    void emptyValuesAreNotStored() {
        Answers a = Answers.builder().put("d", "x", "").put("d", "y", List.of()).put("d", "z", null).build();

        assertThat(a.domainIds()).isEmpty();
    }
}
