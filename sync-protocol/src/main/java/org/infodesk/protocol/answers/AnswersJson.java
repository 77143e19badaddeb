package org.infodesk.protocol.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;

/**
 * The JSON form of {@link Answers} ({@code SPEC.md} §2.3): an object of domains, each an
 * object of items. Numbers are written as strings in plain decimal notation (exact, whatever
 * reads them); both strings and JSON numbers are read. Dates are ISO {@code YYYY-MM-DD}
 * (Gregorian). Reading checks every value's type against the definition and bounds sizes;
 * validity (required, min, max, rules) is the evaluator's job.
 */
public final class AnswersJson {

    /** Hard caps on what a document may hold, whatever the definition says. */
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_ROWS = 1_000;
    public static final int MAX_CHOICES = 500;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswersJson() {}

    public static Answers read(JsonNode answers, Definition definition) throws AnswersFormatException {
        List<AnswersFormatException.Problem> problems = new ArrayList<>();
        Answers.Builder builder = Answers.builder();
        if (answers == null || !answers.isObject()) {
            throw new AnswersFormatException(List.of(new AnswersFormatException.Problem("answers", "not an object")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            Domain domain = definition.domain(d.getKey()).orElse(null);
            if (domain == null || !d.getValue().isObject()) {
                problems.add(new AnswersFormatException.Problem(d.getKey(), domain == null ? "unknown domain" : "not an object"));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> values = d.getValue().fields(); values.hasNext(); ) {
                Map.Entry<String, JsonNode> v = values.next();
                String where = domain.id() + "." + v.getKey();
                Item item = domain.item(v.getKey()).orElse(null);
                if (item == null) {
                    problems.add(new AnswersFormatException.Problem(where, "unknown item"));
                    continue;
                }
                Object value = value(item, v.getValue(), where, problems);
                builder.put(domain.id(), item.id(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new AnswersFormatException(problems);
        }
        return builder.build();
    }

    /** Reads one item's value from its JSON form (null for JSON null); refuses a value of the wrong type. */
    public static Object readValue(Item item, JsonNode node, String where) throws AnswersFormatException {
        List<AnswersFormatException.Problem> problems = new ArrayList<>();
        Object value = value(item, node, where, problems);
        if (!problems.isEmpty()) {
            throw new AnswersFormatException(problems);
        }
        return value;
    }

    /** Writes one item's value in its JSON form. */
    public static JsonNode writeValue(Item item, Object value) {
        return value == null ? NODES.nullNode() : node(item, value);
    }

    private static Object value(Item item, JsonNode node, String where, List<AnswersFormatException.Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (item.type()) {
            case INTEGER, DECIMAL -> {
                BigDecimal number = null;
                if (node.isNumber()) {
                    number = node.decimalValue();
                } else if (node.isTextual()) {
                    NumberText.Result r = NumberText.parse(node.textValue());
                    number = r.value();
                }
                if (number == null || number.abs().compareTo(Values.LIMIT) >= 0) {
                    problems.add(new AnswersFormatException.Problem(where, "not a number within ±10^15"));
                    return null;
                }
                return Values.normalise(number);
            }
            case YES_NO -> {
                if (!node.isBoolean()) {
                    problems.add(new AnswersFormatException.Problem(where, "not true or false"));
                    return null;
                }
                return node.booleanValue();
            }
            case TEXT, SINGLE_CHOICE -> {
                if (!node.isTextual() || node.textValue().length() > MAX_TEXT) {
                    problems.add(new AnswersFormatException.Problem(where, "not a text of at most " + MAX_TEXT + " characters"));
                    return null;
                }
                return node.textValue();
            }
            case DATE -> {
                try {
                    if (node.isTextual() && node.textValue().length() == 10) {
                        return LocalDate.parse(node.textValue());
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                problems.add(new AnswersFormatException.Problem(where, "not a date YYYY-MM-DD"));
                return null;
            }
            case MULTIPLE_CHOICE -> {
                if (!node.isArray() || node.size() > MAX_CHOICES) {
                    problems.add(new AnswersFormatException.Problem(where, "not a list of at most " + MAX_CHOICES + " choices"));
                    return null;
                }
                LinkedHashSet<String> chosen = new LinkedHashSet<>();
                for (JsonNode c : node) {
                    if (!c.isTextual() || !chosen.add(c.textValue())) {
                        problems.add(new AnswersFormatException.Problem(where, "choices must be distinct texts"));
                        return null;
                    }
                }
                return List.copyOf(chosen);
            }
            case REPEAT_GROUP -> {
                if (!node.isArray() || node.size() > MAX_ROWS) {
                    problems.add(new AnswersFormatException.Problem(where, "not a list of at most " + MAX_ROWS + " rows"));
                    return null;
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                int index = 0;
                for (JsonNode r : node) {
                    String rowWhere = where + "[" + index++ + "]";
                    if (!r.isObject()) {
                        problems.add(new AnswersFormatException.Problem(rowWhere, "not an object"));
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> cells = r.fields(); cells.hasNext(); ) {
                        Map.Entry<String, JsonNode> cell = cells.next();
                        Item field = item.field(cell.getKey()).orElse(null);
                        if (field == null) {
                            problems.add(new AnswersFormatException.Problem(rowWhere + "." + cell.getKey(), "unknown field"));
                            continue;
                        }
                        Object v = value(field, cell.getValue(), rowWhere + "." + field.id(), problems);
                        if (!Values.isEmpty(v)) {
                            row.put(field.id(), v);
                        }
                    }
                    rows.add(row);
                }
                return rows;
            }
            default -> throw new IllegalStateException(item.type().toString());
        }
    }

    /** Writes answers in their JSON form, domains and items in definition order. */
    public static ObjectNode write(Answers answers, Definition definition) {
        ObjectNode out = NODES.objectNode();
        for (Domain domain : definition.domains()) {
            Map<String, Object> values = answers.domain(domain.id());
            if (values.isEmpty()) {
                continue;
            }
            ObjectNode d = out.putObject(domain.id());
            for (Item item : domain.items()) {
                Object v = values.get(item.id());
                if (v != null) {
                    d.set(item.id(), node(item, v));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode node(Item item, Object v) {
        if (v instanceof BigDecimal n) {
            return NODES.textNode(n.toPlainString());
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof LocalDate date) {
            return NODES.textNode(date.toString());
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        ArrayNode array = NODES.arrayNode();
        if (item.type() == ItemType.MULTIPLE_CHOICE) {
            ((List<String>) v).forEach(array::add);
            return array;
        }
        for (Map<String, Object> row : (List<Map<String, Object>>) v) {
            ObjectNode r = array.addObject();
            for (Item field : item.fields()) {
                Object cell = row.get(field.id());
                if (cell != null) {
                    r.set(field.id(), node(field, cell));
                }
            }
        }
        return array;
    }
}
