package org.infodesk.protocol.rules;

import java.nio.charset.StandardCharsets;
import org.infodesk.protocol.definition.DefinitionException;

/** Small definitions written inline, for tests of one behaviour each. */
public final class MiniDefinitions {

    private MiniDefinitions() {}

    /**
     * A definition with two domains: {@code main} (items and rules given as JSON array bodies)
     * and {@code profile} (households, population, villages, a yes/no gate and a text code).
     */
    public static String document(String mainItems, String mainRules) {
        return """
            {"format": 1, "id": "mini", "fiscalYear": 2564, "version": 1,
             "title": {"th": "ทดสอบ", "en": "Test"},
             "domains": [
              {"id": "profile", "order": 1, "label": {"th": "ข้อมูลทั่วไป", "en": "Profile"},
               "sections": [{"id": "s", "label": {"th": "หมวด", "en": "Section"}}],
               "items": [
                 {"id": "households", "section": "s", "type": "integer", "label": {"th": "ครัวเรือน", "en": "Households"}, "required": false, "min": 0},
                 {"id": "population", "section": "s", "type": "integer", "label": {"th": "ประชากร", "en": "Population"}, "required": false, "min": 0},
                 {"id": "code", "section": "s", "type": "text", "label": {"th": "รหัส", "en": "Code"}, "required": false, "pattern": "^[2-6][0-9]{6}$"}
               ],
               "rules": []},
              {"id": "main", "order": 2, "label": {"th": "หลัก", "en": "Main"},
               "sections": [{"id": "s", "label": {"th": "หมวด", "en": "Section"}}],
               "items": %s,
               "rules": %s}
             ]}
            """.formatted(mainItems, mainRules);
    }

    public static Questionnaire compile(String mainItems, String mainRules) throws DefinitionException {
        return Questionnaire.load(document(mainItems, mainRules).getBytes(StandardCharsets.UTF_8));
    }

    /** A numeric item of the main domain. */
    public static String number(String id, String type, boolean required) {
        return """
            {"id": "%s", "section": "s", "type": "%s", "label": {"th": "ช่อง %s", "en": "Field %s"}, "required": %s}"""
                .formatted(id, type, id, id, required);
    }

    public static String rule(String id, String severity, String expr) {
        return """
            {"id": "%s", "severity": "%s", "expr": "%s", "message": {"th": "ข้อความ %s", "en": "Message %s"}}"""
                .formatted(id, severity, expr.replace("\"", "\\\""), id, id);
    }
}
