package org.infodesk.protocol.definition;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a definition document into a {@link Definition}: size, JSON syntax, the JSON Schema
 * ({@code questionnaire.schema.json}), then the structural checks the schema cannot express.
 * Rules and relevance conditions are compiled later, by {@code rules.QuestionnaireCompiler}.
 */
public final class DefinitionReader {

    /** The largest definition accepted; the FY 2564 one is about 150 KB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The definition format this code reads. */
    public static final int FORMAT = 1;

    /**
     * Names an item may not take: words of the rule language, and the rule functions, so that
     * an expression never means two things.
     */
    public static final Set<String> RESERVED = Set.of(
            "and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod", "empty", "size",
            "new", "var", "let", "const", "function", "return", "if", "else", "for", "while", "do",
            "break", "continue", "true", "false", "null", "NaN", "row",
            "count", "sum", "each", "has", "abs", "substr");

    private static final int MAX_SCHEMA_PROBLEMS = 20;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonSchema SCHEMA = loadSchema();

    private DefinitionReader() {}

    public static Definition read(InputStream in) throws DefinitionException {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return read(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Definition read(byte[] bytes) throws DefinitionException {
        if (bytes.length > MAX_BYTES) {
            throw fail(DefinitionProblem.Code.TOO_LARGE, "definition", "> " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "?" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw fail(DefinitionProblem.Code.MALFORMED_JSON, where, e.getOriginalMessage());
        } catch (IOException e) {
            throw fail(DefinitionProblem.Code.MALFORMED_JSON, "?", e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail(DefinitionProblem.Code.MALFORMED_JSON, "/", "not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format != null && format.isInt() && format.intValue() != FORMAT) {
            throw fail(DefinitionProblem.Code.UNSUPPORTED_FORMAT, "/format", format.toString());
        }
        List<DefinitionProblem> problems = new ArrayList<>(unknownTypes(root));
        for (ValidationMessage m : SCHEMA.validate(root)) {
            String path = m.getInstanceLocation().toString();
            if (path.endsWith(".type") && "enum".equals(m.getType())) {
                continue; // reported above as UNKNOWN_TYPE, naming the item
            }
            if (problems.size() >= MAX_SCHEMA_PROBLEMS) {
                break;
            }
            problems.add(new DefinitionProblem(DefinitionProblem.Code.SCHEMA, path, m.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        Definition definition = toDefinition(root);
        List<DefinitionProblem> structural = checkStructure(definition);
        if (!structural.isEmpty()) {
            throw new DefinitionException(structural);
        }
        return definition;
    }

    private static List<DefinitionProblem> unknownTypes(JsonNode root) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (JsonNode domain : root.path("domains")) {
            for (JsonNode item : domain.path("items")) {
                checkType(domain, item, null, problems);
                for (JsonNode field : item.path("fields")) {
                    checkType(domain, field, item, problems);
                }
            }
        }
        return problems;
    }

    private static void checkType(JsonNode domain, JsonNode item, JsonNode group, List<DefinitionProblem> problems) {
        JsonNode type = item.get("type");
        if (type == null) {
            return; // the schema reports a missing type
        }
        var known = type.isTextual() ? ItemType.fromWireName(type.textValue()) : java.util.Optional.<ItemType>empty();
        boolean allowed = known.isPresent() && !(group != null && known.get() == ItemType.REPEAT_GROUP);
        if (!allowed) {
            String where = domain.path("id").asText("?") + "."
                    + (group == null ? "" : group.path("id").asText("?") + ".")
                    + item.path("id").asText("?");
            problems.add(new DefinitionProblem(DefinitionProblem.Code.UNKNOWN_TYPE, where, type.toString()));
        }
    }

    // ---- JSON to records (the schema has already guaranteed the shape) ----

    private static Definition toDefinition(JsonNode root) {
        List<Domain> domains = new ArrayList<>();
        for (JsonNode d : root.get("domains")) {
            List<Section> sections = new ArrayList<>();
            d.get("sections").forEach(s -> sections.add(new Section(s.get("id").textValue(), text(s.get("label")))));
            List<Item> items = new ArrayList<>();
            d.get("items").forEach(i -> items.add(item(i)));
            List<Rule> rules = new ArrayList<>();
            d.get("rules").forEach(r -> rules.add(new Rule(
                    r.get("id").textValue(),
                    Severity.valueOf(r.get("severity").textValue().toUpperCase(java.util.Locale.ROOT)),
                    r.get("expr").textValue(),
                    text(r.get("message")))));
            domains.add(new Domain(d.get("id").textValue(), d.get("order").intValue(), text(d.get("label")),
                    sections, items, rules));
        }
        return new Definition(root.get("format").intValue(), root.get("id").textValue(),
                root.get("fiscalYear").intValue(), root.get("version").intValue(), text(root.get("title")), domains);
    }

    private static Item item(JsonNode i) {
        List<Option> options = new ArrayList<>();
        i.path("options").forEach(o -> options.add(new Option(o.get("value").textValue(), text(o.get("label")))));
        List<Item> fields = new ArrayList<>();
        i.path("fields").forEach(f -> fields.add(item(f)));
        return new Item(
                i.get("id").textValue(),
                i.hasNonNull("section") ? i.get("section").textValue() : null,
                ItemType.fromWireName(i.get("type").textValue()).orElseThrow(),
                text(i.get("label")),
                i.has("unit") ? text(i.get("unit")) : null,
                i.get("required").booleanValue(),
                decimal(i.get("min")),
                decimal(i.get("max")),
                i.has("scale") ? i.get("scale").intValue() : null,
                i.has("pattern") ? i.get("pattern").textValue() : null,
                i.has("maxLength") ? i.get("maxLength").intValue() : null,
                i.has("relevant") ? i.get("relevant").textValue() : null,
                decimal(i.get("yoyThreshold")),
                options,
                fields,
                i.has("maxRows") ? i.get("maxRows").intValue() : null);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static Text text(JsonNode n) {
        return new Text(n.get("th").textValue(), n.get("en").textValue());
    }

    // ---- structural checks ----

    private static List<DefinitionProblem> checkStructure(Definition def) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Set<String> domainIds = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        Set<String> ruleIds = new HashSet<>();
        for (Domain d : def.domains()) {
            if (!domainIds.add(d.id())) {
                problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, "domains", d.id()));
            }
            if (!orders.add(d.order())) {
                problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, "domains (order)", String.valueOf(d.order())));
            }
        }
        for (Domain d : def.domains()) {
            Set<String> sectionIds = new HashSet<>();
            for (Section s : d.sections()) {
                if (!sectionIds.add(s.id())) {
                    problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, d.id() + " (sections)", s.id()));
                }
            }
            Set<String> itemIds = new HashSet<>();
            for (Item item : d.items()) {
                String where = d.id() + "." + item.id();
                if (!itemIds.add(item.id())) {
                    problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, d.id(), item.id()));
                }
                if (RESERVED.contains(item.id()) || domainIds.contains(item.id())) {
                    problems.add(problem(DefinitionProblem.Code.RESERVED_ID, d.id(), item.id()));
                }
                if (!sectionIds.contains(item.section())) {
                    problems.add(problem(DefinitionProblem.Code.UNKNOWN_SECTION, where, item.section()));
                }
                checkItem(where, item, problems);
                Set<String> fieldIds = new HashSet<>();
                for (Item field : item.fields()) {
                    if (!fieldIds.add(field.id())) {
                        problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, where, field.id()));
                    }
                    checkItem(where + "." + field.id(), field, problems);
                }
            }
            for (Rule r : d.rules()) {
                if (!ruleIds.add(r.id())) {
                    problems.add(problem(DefinitionProblem.Code.DUPLICATE_ID, "rules", r.id()));
                }
            }
        }
        return problems;
    }

    private static void checkItem(String where, Item item, List<DefinitionProblem> problems) {
        ItemType type = item.type();
        if (type.hasOptions() && item.options().isEmpty()) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "options missing"));
        }
        if (!type.hasOptions() && !item.options().isEmpty()) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "options"));
        }
        if (type == ItemType.REPEAT_GROUP && item.fields().isEmpty()) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "fields missing"));
        }
        if (type != ItemType.REPEAT_GROUP && (!item.fields().isEmpty() || item.maxRows() != null)) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "fields/maxRows"));
        }
        if (!type.isNumeric() && (item.min() != null || item.max() != null || item.yoyThreshold() != null)) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "min/max/yoyThreshold"));
        }
        if (type != ItemType.DECIMAL && item.scale() != null) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "scale"));
        }
        if (type != ItemType.TEXT && (item.pattern() != null || item.maxLength() != null)) {
            problems.add(problem(DefinitionProblem.Code.ATTRIBUTE_MISMATCH, where, "pattern/maxLength"));
        }
        if (item.min() != null && item.max() != null && item.min().compareTo(item.max()) > 0) {
            problems.add(problem(DefinitionProblem.Code.BAD_BOUNDS, where, "min " + item.min() + " > max " + item.max()));
        }
        if (type == ItemType.INTEGER && ((item.min() != null && item.min().stripTrailingZeros().scale() > 0)
                || (item.max() != null && item.max().stripTrailingZeros().scale() > 0))) {
            problems.add(problem(DefinitionProblem.Code.BAD_BOUNDS, where, "integer bounds must be whole numbers"));
        }
        if (item.pattern() != null) {
            try {
                Pattern.compile(item.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(problem(DefinitionProblem.Code.BAD_PATTERN, where, e.getDescription()));
            }
        }
        Set<String> values = new HashSet<>();
        for (Option o : item.options()) {
            if (!values.add(o.value())) {
                problems.add(problem(DefinitionProblem.Code.DUPLICATE_OPTION, where, o.value()));
            }
        }
    }

    private static DefinitionProblem problem(DefinitionProblem.Code code, String where, String detail) {
        return new DefinitionProblem(code, where, detail);
    }

    private static DefinitionException fail(DefinitionProblem.Code code, String where, String detail) {
        return new DefinitionException(List.of(problem(code, where, detail)));
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = DefinitionReader.class.getResourceAsStream("questionnaire.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("questionnaire.schema.json missing from the class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
