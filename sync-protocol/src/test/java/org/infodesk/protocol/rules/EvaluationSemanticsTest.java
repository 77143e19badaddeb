package org.infodesk.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.protocol.rules.MiniDefinitions.number;
import static org.infodesk.protocol.rules.MiniDefinitions.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Severity;
import org.junit.jupiter.api.Test;

class EvaluationSemanticsTest {

    private static BigDecimal n(String s) {
        return new BigDecimal(s);
    }

    private static Questionnaire roads() throws Exception {
        return MiniDefinitions.compile(
                "[" + number("a", "decimal", false) + "," + number("b", "decimal", false) + ","
                        + number("total", "decimal", false) + "]",
                "[" + rule("sum_exact", "error", "a + b == total") + "]");
    }

    @Test
    void decimalSumsAreExact() throws Exception {
        Evaluation e = roads().evaluate(Answers.builder()
                .put("main", "a", n("0.1")).put("main", "b", n("0.2")).put("main", "total", n("0.3")).build());

        assertThat(e.outcome("sum_exact")).isEqualTo(RuleOutcome.PASSED);
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void numbersEqualWhateverTheirScale() throws Exception {
        Evaluation e = roads().evaluate(Answers.builder()
                .put("main", "a", n("1.50")).put("main", "b", n("1")).put("main", "total", n("2.5")).build());

        assertThat(e.outcome("sum_exact")).isEqualTo(RuleOutcome.PASSED);
    }

    @Test
    void aRuleThatReachesAnEmptyValueIsNotApplicableAndSaysNothing() throws Exception {
        Evaluation e = roads().evaluate(Answers.builder().put("main", "a", n("1")).put("main", "total", n("9")).build());

        assertThat(e.outcome("sum_exact")).isEqualTo(RuleOutcome.NOT_APPLICABLE);
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void aFailedRuleNamesEveryItemItInvolves() throws Exception {
        Evaluation e = roads().evaluate(Answers.builder()
                .put("main", "a", n("1")).put("main", "b", n("1")).put("main", "total", n("3")).build());

        assertThat(e.outcome("sum_exact")).isEqualTo(RuleOutcome.FAILED);
        Finding f = e.findings().get(0);
        assertThat(f.kind()).isEqualTo(Finding.Kind.RULE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.items()).extracting(ItemRef::toString).containsExactly("main.a", "main.b", "main.total");
        assertThat(f.message(new Locale("th"))).isEqualTo("ข้อความ sum_exact");
        assertThat(f.message(Locale.ENGLISH)).isEqualTo("Message sum_exact");
    }

    @Test
    void orStopsAtTheFirstTrueOperandSoAnEmptyValueAfterItDoesNotMatter() throws Exception {
        Questionnaire q = MiniDefinitions.compile(
                "[" + number("x", "integer", false) + "," + number("y", "integer", false) + "]",
                "[" + rule("either", "warning", "x == 0 or y > 5") + "," + rule("both", "warning", "x > 0 and y > 5") + "]");

        Evaluation e = q.evaluate(Answers.builder().put("main", "x", n("0")).build());

        assertThat(e.outcome("either")).isEqualTo(RuleOutcome.PASSED);
        assertThat(e.outcome("both")).isEqualTo(RuleOutcome.FAILED);
    }

    @Test
    void divisionByZeroIsNotApplicable() throws Exception {
        Questionnaire q = MiniDefinitions.compile(
                "[" + number("x", "integer", false) + "]",
                "[" + rule("per_household", "warning", "x / profile.households <= 8") + "]");

        Evaluation e = q.evaluate(Answers.builder().put("main", "x", n("10")).put("profile", "households", n("0")).build());

        assertThat(e.outcome("per_household")).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void divisionKeepsThirtyFourSignificantDigits() throws Exception {
        Questionnaire q = MiniDefinitions.compile(
                "[" + number("x", "integer", false) + "]",
                "[" + rule("third", "warning", "x / 3 * 3 == 1") + "]");

        Evaluation e = q.evaluate(Answers.builder().put("main", "x", n("1")).build());

        // 0.333...3 (34 digits) * 3 = 0.999...9: exact decimal arithmetic, not a float that happens to round back
        assertThat(e.outcome("third")).isEqualTo(RuleOutcome.FAILED);
    }

    @Test
    void crossDomainReferencesReadTheOtherDomain() throws Exception {
        Questionnaire q = MiniDefinitions.compile(
                "[" + number("served", "integer", false) + "]",
                "[" + rule("served_le_households", "error", "served <= profile.households") + "]");

        Evaluation ok = q.evaluate(Answers.builder().put("main", "served", n("40")).put("profile", "households", n("40")).build());
        Evaluation bad = q.evaluate(Answers.builder().put("main", "served", n("41")).put("profile", "households", n("40")).build());

        assertThat(ok.outcome("served_le_households")).isEqualTo(RuleOutcome.PASSED);
        assertThat(bad.outcome("served_le_households")).isEqualTo(RuleOutcome.FAILED);
        assertThat(bad.findings("main").get(0).items()).extracting(ItemRef::toString)
                .containsExactly("main.served", "profile.households");
    }

    private static final String GATED = """
        [{"id": "has_unit", "section": "s", "type": "yes_no", "label": {"th": "มีหน่วย", "en": "Has unit"}, "required": true},
         {"id": "vehicles", "section": "s", "type": "integer", "label": {"th": "จำนวนรถ", "en": "Vehicles"}, "required": true, "min": 0,
          "relevant": "has_unit == true"},
         {"id": "drivers", "section": "s", "type": "integer", "label": {"th": "พนักงานขับรถ", "en": "Drivers"}, "required": true,
          "relevant": "vehicles > 0"}]""";

    @Test
    void anIrrelevantItemIsNeitherRequiredNorSeenByRules() throws Exception {
        Questionnaire q = MiniDefinitions.compile(GATED, "[" + rule("vehicles_small", "warning", "vehicles < 100") + "]");

        Evaluation e = q.evaluate(Answers.builder().put("main", "has_unit", false).put("main", "vehicles", n("500")).build());

        assertThat(e.isRelevant("main", "vehicles")).isFalse();
        assertThat(e.findings("main")).isEmpty();
        assertThat(e.outcome("vehicles_small")).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void relevanceFollowsAChainOfGates() throws Exception {
        Questionnaire q = MiniDefinitions.compile(GATED, "[]");

        Evaluation hidden = q.evaluate(Answers.builder().put("main", "has_unit", false)
                .put("main", "vehicles", n("3")).put("main", "drivers", n("2")).build());
        Evaluation shown = q.evaluate(Answers.builder().put("main", "has_unit", true)
                .put("main", "vehicles", n("3")).build());

        assertThat(hidden.isRelevant("main", "drivers")).isFalse();
        assertThat(shown.isRelevant("main", "drivers")).isTrue();
        assertThat(shown.findings("main")).extracting(Finding::kind, f -> f.at().item())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.REQUIRED, "drivers"));
    }

    @Test
    void anUnansweredGateHidesWhatItGates() throws Exception {
        Questionnaire q = MiniDefinitions.compile(GATED, "[]");

        Evaluation e = q.evaluate(Answers.empty());

        assertThat(e.isRelevant("main", "vehicles")).isFalse();
        assertThat(e.findings("main")).extracting(f -> f.at().item()).containsExactly("has_unit");
    }

    private static final String CENTRES = """
        [{"id": "centre_count", "section": "s", "type": "integer", "label": {"th": "จำนวนศูนย์", "en": "Centres"}, "required": true},
         {"id": "centres", "section": "s", "type": "repeat_group", "label": {"th": "ศูนย์", "en": "Centre list"}, "required": false, "maxRows": 3,
          "fields": [
            {"id": "name", "type": "text", "label": {"th": "ชื่อ", "en": "Name"}, "required": true},
            {"id": "children", "type": "integer", "label": {"th": "เด็ก", "en": "Children"}, "required": false, "min": 0},
            {"id": "teachers", "type": "integer", "label": {"th": "ครู", "en": "Teachers"}, "required": false, "min": 0}]}]""";

    private static Map<String, Object> centre(String name, String children, String teachers) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("name", name);
        if (children != null) {
            row.put("children", n(children));
        }
        if (teachers != null) {
            row.put("teachers", n(teachers));
        }
        return row;
    }

    @Test
    void countSumAndEachWorkOverRows() throws Exception {
        Questionnaire q = MiniDefinitions.compile(CENTRES, "["
                + rule("rows_match", "error", "count(centres) == centre_count") + ","
                + rule("children_total", "warning", "sum(centres, 'children') <= 100") + ","
                + rule("ratio", "warning", "each(centres, row -> row.children <= 20 * row.teachers)") + "]");
        Answers answers = Answers.builder()
                .put("main", "centre_count", n("3"))
                .put("main", "centres", List.of(centre("ก", "30", "2"), centre("ข", "50", "1"), centre("ค", "25", null)))
                .build();

        Evaluation e = q.evaluate(answers);

        assertThat(e.outcome("rows_match")).isEqualTo(RuleOutcome.PASSED);
        assertThat(e.outcome("children_total")).isEqualTo(RuleOutcome.FAILED); // 105 > 100
        assertThat(e.outcome("ratio")).isEqualTo(RuleOutcome.FAILED); // row 1 fails; row 2 has no teachers: skipped
        Finding ratio = e.findings().stream().filter(f -> "ratio".equals(f.ruleId())).findFirst().orElseThrow();
        assertThat(ratio.items()).extracting(ItemRef::toString).containsExactly("main.centres", "main.centres[1]");
    }

    @Test
    void anUnansweredGroupHasNoRowsAndHoldsForEach() throws Exception {
        Questionnaire q = MiniDefinitions.compile(CENTRES, "["
                + rule("rows_match", "error", "count(centres) == centre_count") + ","
                + rule("ratio", "warning", "each(centres, row -> row.children <= 20 * row.teachers)") + "]");

        Evaluation e = q.evaluate(Answers.builder().put("main", "centre_count", n("2")).build());

        assertThat(e.outcome("rows_match")).isEqualTo(RuleOutcome.FAILED);
        assertThat(e.outcome("ratio")).isEqualTo(RuleOutcome.PASSED);
    }

    @Test
    void rowCellsAreCheckedAgainstTheirFieldAndNamedByRow() throws Exception {
        Questionnaire q = MiniDefinitions.compile(CENTRES, "[]");
        Answers answers = Answers.builder()
                .put("main", "centre_count", n("4"))
                .put("main", "centres", List.of(centre("ก", "-1", "1"), centre("", "1", "1"),
                        centre("ค", "1", "1"), centre("ง", "1", "1")))
                .build();

        Evaluation e = q.evaluate(answers);

        assertThat(e.findings()).extracting(Finding::kind, f -> f.at().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.TOO_MANY_ROWS, "main.centres"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.BELOW_MIN, "main.centres[0].children"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.REQUIRED, "main.centres[1].name"));
        assertThat(e.findings().get(1).message(new Locale("th"))).isEqualTo("ศูนย์ แถวที่ 1: เด็ก ต้องไม่น้อยกว่า 0");
        assertThat(e.findings().get(1).message(Locale.ENGLISH)).isEqualTo("Centre list, row 1: Children must be at least 0");
    }

    @Test
    void itemConstraintsGiveTheirOwnFindings() throws Exception {
        String items = """
            [{"id": "amount", "section": "s", "type": "integer", "label": {"th": "จำนวน", "en": "Count"}, "required": true, "min": 1, "max": 10},
             {"id": "km", "section": "s", "type": "decimal", "label": {"th": "ระยะทาง", "en": "Distance"}, "required": true, "scale": 2},
             {"id": "kind", "section": "s", "type": "single_choice", "label": {"th": "ประเภท", "en": "Kind"}, "required": true,
              "options": [{"value": "a", "label": {"th": "ก", "en": "A"}}]},
             {"id": "note", "section": "s", "type": "text", "label": {"th": "หมายเหตุ", "en": "Note"}, "required": false, "maxLength": 3}]""";
        Questionnaire q = MiniDefinitions.compile(items, "[]");

        Evaluation e = q.evaluate(Answers.builder()
                .put("main", "amount", n("11")).put("main", "km", n("1.234")).put("main", "kind", "b").put("main", "note", "ยาวเกิน")
                .put("profile", "households", n("2.5")).put("profile", "population", n("1")).put("profile", "code", "1234567").build());

        assertThat(e.findings()).extracting(Finding::kind, f -> f.at().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.NOT_WHOLE, "profile.households"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.PATTERN, "profile.code"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.ABOVE_MAX, "main.amount"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.TOO_MANY_DECIMALS, "main.km"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.UNKNOWN_OPTION, "main.kind"),
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.TOO_LONG, "main.note"));
        assertThat(e.findings().get(2).message(new Locale("th"))).isEqualTo("จำนวน ต้องไม่เกิน 10");
        assertThat(e.findings().get(2).message(Locale.ENGLISH)).isEqualTo("Count must be at most 10");
    }

    @Test
    void membershipAndTextFunctionsWork() throws Exception {
        Questionnaire q = MiniDefinitions.compile(
                "[" + number("x", "integer", false) + "]",
                "[" + rule("code_type", "error", "substr(profile.code, 0, 1) =~ ['5', '6']") + "]");

        assertThat(q.evaluate(Answers.builder().put("profile", "code", "5650801").build()).outcome("code_type"))
                .isEqualTo(RuleOutcome.PASSED);
        assertThat(q.evaluate(Answers.builder().put("profile", "code", "2650101").build()).outcome("code_type"))
                .isEqualTo(RuleOutcome.FAILED);
        assertThat(q.evaluate(Answers.empty()).outcome("code_type")).isEqualTo(RuleOutcome.NOT_APPLICABLE);
    }

    @Test
    void evaluatingOneDomainJudgesOnlyThatDomain() throws Exception {
        Questionnaire q = roads();

        Evaluation e = q.evaluate(Answers.empty(), "main");

        assertThat(e.findings()).allMatch(f -> f.at().domain().equals("main"));
        assertThat(e.outcomes()).containsOnlyKeys("sum_exact");
    }
}
