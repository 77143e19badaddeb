package org.infodesk.protocol.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlScript;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionProblem;
import org.infodesk.protocol.definition.DefinitionProblem.Code;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.definition.Rule;

/**
 * Compiles a definition's rules and relevance conditions once ({@code SPEC.md} §2.4), and
 * refuses the definition, naming the rule or item, when an expression does not parse, names a
 * missing item or field, calls an unknown function, misuses a repeat group, mixes types, or
 * when relevance conditions form a cycle.
 */
final class QuestionnaireCompiler {

    private static final Pattern CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern GROUP_CALL = Pattern.compile("\\b(count|sum|each)\\s*\\(");
    private static final Pattern GROUP_ARG = Pattern.compile(
            "\\G\\s*([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)?)\\s*([,)])");
    private static final Pattern SUM_FIELD = Pattern.compile("\\G\\s*'([a-z][a-z0-9_]*)'\\s*\\)");
    private static final Pattern LAMBDA = Pattern.compile("\\G\\s*([a-z][a-z0-9_]*)\\s*->");
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod");

    private final Definition definition;
    private final Map<String, Set<String>> itemIds = new LinkedHashMap<>();
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private QuestionnaireCompiler(Definition definition) {
        this.definition = definition;
        for (Domain d : definition.domains()) {
            itemIds.put(d.id(), d.itemsById().keySet());
        }
    }

    static Questionnaire compile(Definition definition) throws DefinitionException {
        return new QuestionnaireCompiler(definition).run();
    }

    private Questionnaire run() throws DefinitionException {
        Map<String, List<CompiledRule>> rules = new LinkedHashMap<>();
        Map<ItemRef, CompiledRelevance> relevance = new LinkedHashMap<>();
        for (Domain d : definition.domains()) {
            List<CompiledRule> compiled = new ArrayList<>();
            for (Rule r : d.rules()) {
                Compiled c = compile(d, r.id(), r.expr());
                if (c != null) {
                    compiled.add(new CompiledRule(d.id(), r, c.script, List.copyOf(c.refs)));
                }
            }
            rules.put(d.id(), compiled);
            for (Item item : d.items()) {
                if (item.relevant() != null) {
                    Compiled c = compile(d, d.id() + "." + item.id(), item.relevant());
                    if (c != null) {
                        relevance.put(ItemRef.of(d.id(), item.id()),
                                new CompiledRelevance(d.id(), item, c.script, List.copyOf(c.refs)));
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            dryRun(rules, relevance);
        }
        List<CompiledRelevance> order = problems.isEmpty() ? order(relevance) : List.of();
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new Questionnaire(definition, itemIds, rules, order);
    }

    private record Compiled(JexlScript script, Set<ItemRef> refs) {}

    private Compiled compile(Domain domain, String where, String source) {
        JexlScript script;
        try {
            script = RuleLanguage.ENGINE.createScript(source);
        } catch (JexlException e) {
            problems.add(new DefinitionProblem(Code.RULE_SYNTAX, where, parseMessage(e)));
            return null;
        }
        int before = problems.size();
        Set<ItemRef> refs = new LinkedHashSet<>();
        for (List<String> path : script.getVariables()) {
            ItemRef ref = resolve(domain, path);
            if (ref == null) {
                problems.add(new DefinitionProblem(Code.MISSING_ITEM, where, String.join(".", path)));
            } else {
                refs.add(ref);
            }
        }
        String code = STRING.matcher(source).replaceAll("''");
        Matcher call = CALL.matcher(code);
        while (call.find()) {
            String name = call.group(1);
            if (!RuleFunctions.NAMES.contains(name) && !OPERATOR_WORDS.contains(name)) {
                problems.add(new DefinitionProblem(Code.UNKNOWN_FUNCTION, where, name));
            }
        }
        checkGroupCalls(domain, where, source);
        return problems.size() == before ? new Compiled(script, refs) : null;
    }

    /** The item a variable path names, or null. Own items by id; others as domain.item. */
    private ItemRef resolve(Domain domain, List<String> path) {
        String first = path.get(0);
        if (itemIds.get(domain.id()).contains(first)) {
            return path.size() == 1 ? ItemRef.of(domain.id(), first) : null;
        }
        if (itemIds.containsKey(first) && path.size() == 2 && itemIds.get(first).contains(path.get(1))) {
            return ItemRef.of(first, path.get(1));
        }
        return null;
    }

    private Item item(Domain domain, String reference) {
        int dot = reference.indexOf('.');
        Domain d = dot < 0 ? domain : definition.domain(reference.substring(0, dot)).orElse(null);
        String id = dot < 0 ? reference : reference.substring(dot + 1);
        return d == null ? null : d.item(id).orElse(null);
    }

    private void checkGroupCalls(Domain domain, String where, String source) {
        Matcher call = GROUP_CALL.matcher(source);
        while (call.find()) {
            String function = call.group(1);
            Matcher arg = GROUP_ARG.matcher(source);
            if (!arg.find(call.end())) {
                problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where, function + "() needs a repeat group"));
                continue;
            }
            Item group = item(domain, arg.group(1));
            if (group == null) {
                continue; // reported as MISSING_ITEM
            }
            if (group.type() != ItemType.REPEAT_GROUP) {
                problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where, arg.group(1) + " is not a repeat group"));
                continue;
            }
            if (function.equals("count")) {
                if (!arg.group(2).equals(")")) {
                    problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where, "count() takes one repeat group"));
                }
            } else if (function.equals("sum")) {
                Matcher field = SUM_FIELD.matcher(source);
                if (!arg.group(2).equals(",") || !field.find(arg.end())) {
                    problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where, "sum(group, 'field')"));
                } else {
                    var f = group.field(field.group(1));
                    if (f.isEmpty() || !f.get().type().isNumeric()) {
                        problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where,
                                group.id() + "." + field.group(1) + " is not a number field"));
                    }
                }
            } else {
                Matcher lambda = LAMBDA.matcher(source);
                if (!arg.group(2).equals(",") || !lambda.find(arg.end())) {
                    problems.add(new DefinitionProblem(Code.BAD_GROUP_REFERENCE, where, "each(group, row -> condition)"));
                    continue;
                }
                String body = source.substring(lambda.end(), closing(source, call.end() - 1));
                Matcher cell = Pattern.compile("\\b" + Pattern.quote(lambda.group(1)) + "\\.([a-z][a-z0-9_]*)").matcher(body);
                while (cell.find()) {
                    if (group.field(cell.group(1)).isEmpty()) {
                        problems.add(new DefinitionProblem(Code.MISSING_ITEM, where, group.id() + "." + cell.group(1)));
                    }
                }
            }
        }
    }

    /** The index of the parenthesis closing the one at {@code open}, or the end of the text. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Runs every expression once on a made-up answer set with every item answered, so that a
     * type error (text plus number, a number where a condition belongs) refuses the definition
     * at load rather than surfacing on an officer's screen.
     */
    private void dryRun(Map<String, List<CompiledRule>> rules, Map<ItemRef, CompiledRelevance> relevance) {
        Map<String, Map<String, Object>> sample = new HashMap<>();
        for (Domain d : definition.domains()) {
            Map<String, Object> values = new HashMap<>();
            d.items().forEach(i -> values.put(i.id(), sampleValue(i)));
            sample.put(d.id(), values);
        }
        EvalContext context = new EvalContext(itemIds, sample);
        rules.values().forEach(list -> list.forEach(r -> dryRun(context, r.domain(), r.rule().id(), r.script())));
        relevance.values().forEach(r -> dryRun(context, r.domain(), r.domain() + "." + r.item().id(), r.script()));
    }

    private void dryRun(EvalContext context, String domain, String where, JexlScript script) {
        context.domain(domain);
        try {
            Object result = script.execute(context);
            if (!(result instanceof Boolean)) {
                problems.add(new DefinitionProblem(Code.RULE_TYPE_ERROR, where, "gives "
                        + (result == null ? "nothing" : result.getClass().getSimpleName()) + ", not true or false"));
            }
        } catch (RuntimeException e) {
            if (!Evaluator.isNotApplicable(e)) {
                problems.add(new DefinitionProblem(Code.RULE_TYPE_ERROR, where, Evaluator.rootMessage(e)));
            }
        }
    }

    private static Object sampleValue(Item item) {
        return switch (item.type()) {
            case INTEGER, DECIMAL -> BigDecimal.ONE;
            case YES_NO -> Boolean.TRUE;
            case TEXT -> "1";
            case SINGLE_CHOICE -> item.options().get(0).value();
            case MULTIPLE_CHOICE -> List.of(item.options().get(0).value());
            case DATE -> LocalDate.of(2020, 10, 1);
            case REPEAT_GROUP -> {
                Map<String, Object> row = new HashMap<>();
                item.fields().forEach(f -> row.put(f.id(), sampleValue(f)));
                yield List.of(row);
            }
        };
    }

    /**
     * Relevance conditions in an order where every condition comes after those of the items it
     * reads; a cycle refuses the definition, naming its items.
     */
    private List<CompiledRelevance> order(Map<ItemRef, CompiledRelevance> relevance) {
        List<CompiledRelevance> order = new ArrayList<>();
        Map<ItemRef, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (ItemRef start : relevance.keySet()) {
            visit(start, relevance, state, new ArrayList<>(), order);
        }
        return order;
    }

    private void visit(ItemRef node, Map<ItemRef, CompiledRelevance> relevance, Map<ItemRef, Integer> state,
            List<ItemRef> path, List<CompiledRelevance> order) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            List<ItemRef> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            String text = String.join(" → ", cycle.stream().map(ItemRef::toString).toList());
            if (problems.stream().noneMatch(p -> p.code() == Code.RELEVANCE_CYCLE)) {
                problems.add(new DefinitionProblem(Code.RELEVANCE_CYCLE, node.toString(), text));
            }
            return;
        }
        CompiledRelevance r = relevance.get(node);
        if (r == null) {
            state.put(node, 2);
            return;
        }
        state.put(node, 1);
        path.add(node);
        for (ItemRef dep : r.depends()) {
            visit(dep, relevance, state, path, order);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        order.add(r);
    }

    private static String parseMessage(JexlException e) {
        String m = e.getMessage();
        int at = m.indexOf(' ', m.indexOf('@') + 1);
        return at > 0 && m.indexOf('@') >= 0 ? m.substring(at + 1).strip() : m;
    }
}
