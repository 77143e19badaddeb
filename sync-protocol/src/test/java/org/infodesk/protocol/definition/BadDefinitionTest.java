package org.infodesk.protocol.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.infodesk.protocol.rules.MiniDefinitions.number;
import static org.infodesk.protocol.rules.MiniDefinitions.rule;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.infodesk.protocol.definition.DefinitionProblem.Code;
import org.infodesk.protocol.rules.MiniDefinitions;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;

/** Each kind of bad definition is refused with its own problem, naming the item or rule. */
class BadDefinitionTest {

    private static final Locale THAI = new Locale("th");

    private static DefinitionProblem refusal(String document) {
        DefinitionException e = catchThrowableOfType(DefinitionException.class,
                () -> Questionnaire.load(document.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("the definition should be refused").isNotNull();
        return e.problems().get(0);
    }

    private static DefinitionProblem refusal(String items, String rules) {
        return refusal(MiniDefinitions.document(items, rules));
    }

    private static final String X = number("x", "integer", false);

    @Test
    void theMiniDefinitionItselfLoads() throws Exception {
        assertThat(MiniDefinitions.compile("[" + X + "]", "[" + rule("r", "error", "x >= 0") + "]").definition().itemCount())
                .isEqualTo(4);
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        DefinitionProblem p = refusal("{\"format\": 1,\n \"id\": }");

        assertThat(p.code()).isEqualTo(Code.MALFORMED_JSON);
        assertThat(p.where()).isEqualTo("line 2, column 8");
        assertThat(p.message(THAI)).startsWith("ไฟล์แบบสอบถามไม่ใช่ JSON ที่ถูกต้อง (line 2, column 8)");
    }

    @Test
    void aDuplicateKeyInTheJsonIsMalformed() {
        assertThat(refusal("{\"format\": 1, \"format\": 1}").code()).isEqualTo(Code.MALFORMED_JSON);
    }

    @Test
    void anUnknownItemTypeNamesTheItemAndTheType() {
        DefinitionProblem p = refusal("[" + number("x", "money", false) + "]", "[]");

        assertThat(p.code()).isEqualTo(Code.UNKNOWN_TYPE);
        assertThat(p.where()).isEqualTo("main.x");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo("Item main.x has an unknown type: \"money\"");
        assertThat(p.message(THAI)).isEqualTo("รายการ main.x มีชนิดข้อมูลที่ไม่รู้จัก: \"money\"");
    }

    @Test
    void aDuplicateItemIdIsRefused() {
        DefinitionProblem p = refusal("[" + X + "," + X + "]", "[]");

        assertThat(p.code()).isEqualTo(Code.DUPLICATE_ID);
        assertThat(p.where()).isEqualTo("main");
        assertThat(p.detail()).isEqualTo("x");
    }

    @Test
    void aDuplicateRuleIdIsRefused() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "x > 0") + "," + rule("r", "error", "x < 9") + "]");

        assertThat(p.code()).isEqualTo(Code.DUPLICATE_ID);
        assertThat(p.detail()).isEqualTo("r");
    }

    @Test
    void aRuleNamingAMissingItemNamesTheRuleAndTheItem() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "x <= profile.villages") + "]");

        assertThat(p.code()).isEqualTo(Code.MISSING_ITEM);
        assertThat(p.where()).isEqualTo("r");
        assertThat(p.detail()).isEqualTo("profile.villages");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo("r names item profile.villages, which does not exist");
    }

    @Test
    void aRuleNamingAnItemOfItsOwnDomainThatDoesNotExistIsRefused() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "x <= y") + "]");

        assertThat(p.code()).isEqualTo(Code.MISSING_ITEM);
        assertThat(p.detail()).isEqualTo("y");
    }

    @Test
    void aRuleThatDoesNotCompileNamesTheRule() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "x <= (1 +") + "]");

        assertThat(p.code()).isEqualTo(Code.RULE_SYNTAX);
        assertThat(p.where()).isEqualTo("r");
    }

    @Test
    void aRuleThatAssignsIsRefusedAsSyntax() {
        assertThat(refusal("[" + X + "]", "[" + rule("r", "error", "x = 3") + "]").code()).isEqualTo(Code.RULE_SYNTAX);
    }

    @Test
    void aRuleCallingAMethodIsRefusedAsSyntax() {
        String items = "[" + X + ",{\"id\": \"t\", \"section\": \"s\", \"type\": \"text\", \"label\": {\"th\": \"ก\", \"en\": \"T\"}, \"required\": false}]";
        assertThat(refusal(items, "[" + rule("r", "error", "t.getClass() == 1") + "]").code()).isEqualTo(Code.RULE_SYNTAX);
    }

    @Test
    void aRuleCallingAnUnknownFunctionIsRefused() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "sqrt(x) > 1") + "]");

        assertThat(p.code()).isEqualTo(Code.UNKNOWN_FUNCTION);
        assertThat(p.detail()).isEqualTo("sqrt");
    }

    @Test
    void aRuleMixingTextAndNumbersIsRefusedAtLoad() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "profile.code + 1 > x") + "]");

        assertThat(p.code()).isEqualTo(Code.RULE_TYPE_ERROR);
        assertThat(p.where()).isEqualTo("r");
    }

    @Test
    void aRuleThatIsNotAConditionIsRefusedAtLoad() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "x + 1") + "]");

        assertThat(p.code()).isEqualTo(Code.RULE_TYPE_ERROR);
    }

    @Test
    void countingSomethingThatIsNotARepeatGroupIsRefused() {
        DefinitionProblem p = refusal("[" + X + "]", "[" + rule("r", "error", "count(x) == 1") + "]");

        assertThat(p.code()).isEqualTo(Code.BAD_GROUP_REFERENCE);
    }

    @Test
    void aRowFieldThatTheGroupDoesNotHaveIsRefused() {
        String items = """
            [{"id": "g", "section": "s", "type": "repeat_group", "label": {"th": "ก", "en": "G"}, "required": false,
              "fields": [{"id": "a", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false}]}]""";
        DefinitionProblem p = refusal(items, "[" + rule("r", "error", "each(g, row -> row.b > 0)") + "]");

        assertThat(p.code()).isEqualTo(Code.MISSING_ITEM);
        assertThat(p.detail()).isEqualTo("g.b");
    }

    @Test
    void aRelevanceCycleIsRefusedNamingItsItems() {
        String items = """
            [{"id": "a", "section": "s", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false, "relevant": "b > 0"},
             {"id": "b", "section": "s", "type": "integer", "label": {"th": "ข", "en": "B"}, "required": false, "relevant": "a > 0"}]""";
        DefinitionProblem p = refusal(items, "[]");

        assertThat(p.code()).isEqualTo(Code.RELEVANCE_CYCLE);
        assertThat(p.detail()).isEqualTo("main.a → main.b → main.a");
        assertThat(p.message(Locale.ENGLISH)).isEqualTo("Relevance conditions form a cycle: main.a → main.b → main.a");
    }

    @Test
    void anItemRelevantOnItselfIsACycle() {
        String items = """
            [{"id": "a", "section": "s", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false, "relevant": "a > 0"}]""";
        assertThat(refusal(items, "[]").code()).isEqualTo(Code.RELEVANCE_CYCLE);
    }

    @Test
    void anOptionListWithADuplicateValueIsRefused() {
        String items = """
            [{"id": "c", "section": "s", "type": "single_choice", "label": {"th": "ก", "en": "C"}, "required": false,
              "options": [{"value": "a", "label": {"th": "ก", "en": "A"}}, {"value": "a", "label": {"th": "ข", "en": "B"}}]}]""";
        DefinitionProblem p = refusal(items, "[]");

        assertThat(p.code()).isEqualTo(Code.DUPLICATE_OPTION);
        assertThat(p.where()).isEqualTo("main.c");
        assertThat(p.detail()).isEqualTo("a");
    }

    @Test
    void anItemInAnUnknownSectionIsRefused() {
        String items = """
            [{"id": "a", "section": "nowhere", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false}]""";
        assertThat(refusal(items, "[]").code()).isEqualTo(Code.UNKNOWN_SECTION);
    }

    @Test
    void anInvalidPatternIsRefused() {
        String items = """
            [{"id": "a", "section": "s", "type": "text", "label": {"th": "ก", "en": "A"}, "required": false, "pattern": "[0-9"}]""";
        assertThat(refusal(items, "[]").code()).isEqualTo(Code.BAD_PATTERN);
    }

    @Test
    void aMinimumAboveTheMaximumIsRefused() {
        String items = """
            [{"id": "a", "section": "s", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false, "min": 5, "max": 1}]""";
        assertThat(refusal(items, "[]").code()).isEqualTo(Code.BAD_BOUNDS);
    }

    @Test
    void optionsOnANumberAreRefused() {
        String items = """
            [{"id": "a", "section": "s", "type": "integer", "label": {"th": "ก", "en": "A"}, "required": false,
              "options": [{"value": "a", "label": {"th": "ก", "en": "A"}}]}]""";
        assertThat(refusal(items, "[]").code()).isEqualTo(Code.ATTRIBUTE_MISMATCH);
    }

    @Test
    void anItemNamedLikeAFunctionIsRefused() {
        assertThat(refusal("[" + number("sum", "integer", false) + "]", "[]").code()).isEqualTo(Code.RESERVED_ID);
    }

    @Test
    void aMissingRequiredPropertyIsASchemaProblemWithItsPath() {
        DefinitionProblem p = refusal("[{\"id\": \"a\", \"section\": \"s\", \"type\": \"integer\", \"required\": false}]", "[]");

        assertThat(p.code()).isEqualTo(Code.SCHEMA);
        assertThat(p.where()).contains("domains[1].items[0]");
        assertThat(p.detail()).contains("label");
    }

    @Test
    void aNewerFormatIsRefusedAsUnsupported() {
        assertThat(refusal("{\"format\": 2}").code()).isEqualTo(Code.UNSUPPORTED_FORMAT);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeParsing() {
        byte[] big = new byte[DefinitionReader.MAX_BYTES + 1];
        DefinitionException e = catchThrowableOfType(DefinitionException.class, () -> Questionnaire.load(big));

        assertThat(e.problems().get(0).code()).isEqualTo(Code.TOO_LARGE);
    }

    @Test
    void everyProblemCodeHasAThaiAndAnEnglishMessage() {
        for (Code code : Code.values()) {
            DefinitionProblem p = new DefinitionProblem(code, "where", "detail");
            assertThat(p.message(THAI)).as(code.name()).doesNotStartWith(code.name()).isNotEqualTo(p.message(Locale.ENGLISH));
            assertThat(p.message(Locale.ENGLISH)).as(code.name()).doesNotStartWith(code.name());
        }
    }
}
