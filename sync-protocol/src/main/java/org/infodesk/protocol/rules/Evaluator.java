package org.infodesk.protocol.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlException;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.Values;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.definition.Text;

/** Evaluates an answer set against a {@link Questionnaire}: relevance, item checks, rules ({@code SPEC.md} §2.5). */
final class Evaluator {

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private Evaluator() {}

    static Evaluation evaluate(Questionnaire q, Answers answers, Predicate<String> domains) {
        Map<String, Map<String, Object>> effective = new HashMap<>();
        for (Domain d : q.definition().domains()) {
            effective.put(d.id(), new HashMap<>(answers.domain(d.id())));
        }
        EvalContext context = new EvalContext(q.itemIds(), effective);

        Set<String> irrelevant = new HashSet<>();
        for (CompiledRelevance r : q.relevanceOrder()) {
            if (!domains.test(r.domain()) && effective.get(r.domain()).isEmpty()) {
                // hiding an item of a domain that holds no values changes no value that any rule reads
                // (the server judges a domain alone: the other seven hold nothing)
                continue;
            }
            context.domain(r.domain());
            boolean relevant;
            try {
                relevant = Boolean.TRUE.equals(r.script().execute(context));
            } catch (RuntimeException e) {
                // not applicable (an empty gate) hides the item; a broken condition shows it, hiding nothing
                relevant = !isNotApplicable(e);
            }
            if (!relevant) {
                irrelevant.add(r.domain() + "." + r.item().id());
                effective.get(r.domain()).remove(r.item().id());
            }
        }

        List<Finding> findings = new ArrayList<>();
        Map<String, RuleOutcome> outcomes = new LinkedHashMap<>();
        for (Domain d : q.definition().domains()) {
            if (!domains.test(d.id())) {
                continue;
            }
            Map<String, Object> values = effective.get(d.id());
            for (Item item : d.items()) {
                if (!irrelevant.contains(d.id() + "." + item.id())) {
                    check(d.id(), item, values.get(item.id()), findings);
                }
            }
            context.domain(d.id());
            for (CompiledRule r : q.rules(d.id())) {
                outcomes.put(r.rule().id(), run(r, context, findings));
            }
        }
        return new Evaluation(findings, outcomes, irrelevant);
    }

    private static RuleOutcome run(CompiledRule r, EvalContext context, List<Finding> findings) {
        RuleFunctions functions = context.functions();
        functions.resetRows();
        Object result;
        try {
            result = r.script().execute(context);
        } catch (RuntimeException e) {
            if (isNotApplicable(e)) {
                return RuleOutcome.NOT_APPLICABLE;
            }
            findings.add(new Finding(Finding.Kind.RULE_BROKEN, Severity.WARNING, first(r), r.rule().id(),
                    r.involved(), r.rule().message(), rootMessage(e)));
            return RuleOutcome.BROKEN;
        }
        if (Boolean.TRUE.equals(result)) {
            return RuleOutcome.PASSED;
        }
        List<ItemRef> involved = new ArrayList<>(r.involved());
        for (ItemRef ref : r.involved()) {
            for (int row : functions.failedRows()) {
                involved.add(new ItemRef(ref.domain(), ref.item(), row, null));
            }
            if (!functions.failedRows().isEmpty()) {
                break; // rows belong to the group each() ran over, the first group named
            }
        }
        findings.add(new Finding(Finding.Kind.RULE, r.rule().severity(), first(r), r.rule().id(), involved,
                r.rule().message(), null));
        return RuleOutcome.FAILED;
    }

    private static ItemRef first(CompiledRule r) {
        return r.involved().isEmpty() ? ItemRef.of(r.domain(), "") : r.involved().get(0);
    }

    // ---- an item's own constraints ----

    @SuppressWarnings("unchecked")
    private static void check(String domain, Item item, Object value, List<Finding> out) {
        ItemRef at = ItemRef.of(domain, item.id());
        if (item.type() == ItemType.REPEAT_GROUP && value instanceof List<?> rows && Values.hasType(item, value)) {
            if (item.maxRows() != null && rows.size() > item.maxRows()) {
                out.add(item(Finding.Kind.TOO_MANY_ROWS, at, item.label(), String.valueOf(item.maxRows())));
            }
            for (int r = 0; r < rows.size(); r++) {
                Map<String, Object> row = (Map<String, Object>) rows.get(r);
                for (Item field : item.fields()) {
                    Text subject = new Text(item.label().th() + " แถวที่ " + (r + 1) + ": " + field.label().th(),
                            item.label().en() + ", row " + (r + 1) + ": " + field.label().en());
                    checkValue(field, row.get(field.id()), ItemRef.cell(domain, item.id(), r, field.id()), subject, out);
                }
            }
            return;
        }
        checkValue(item, value, at, item.label(), out);
    }

    private static void checkValue(Item item, Object value, ItemRef at, Text subject, List<Finding> out) {
        if (Values.isEmpty(value)) {
            if (item.required()) {
                out.add(item(Finding.Kind.REQUIRED, at, subject, null));
            }
            return;
        }
        if (!Values.hasType(item, value)) {
            out.add(item(Finding.Kind.WRONG_TYPE, at, subject, null));
            return;
        }
        switch (item.type()) {
            case INTEGER, DECIMAL -> {
                BigDecimal n = (BigDecimal) value;
                if (n.abs().compareTo(Values.LIMIT) >= 0) {
                    out.add(item(Finding.Kind.OUT_OF_RANGE, at, subject, null));
                } else if (item.type() == ItemType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                    out.add(item(Finding.Kind.NOT_WHOLE, at, subject, null));
                } else if (item.scale() != null && n.stripTrailingZeros().scale() > item.scale()) {
                    out.add(item(Finding.Kind.TOO_MANY_DECIMALS, at, subject, String.valueOf(item.scale())));
                } else if (item.min() != null && n.compareTo(item.min()) < 0) {
                    out.add(item(Finding.Kind.BELOW_MIN, at, subject, item.min().toPlainString()));
                } else if (item.max() != null && n.compareTo(item.max()) > 0) {
                    out.add(item(Finding.Kind.ABOVE_MAX, at, subject, item.max().toPlainString()));
                }
            }
            case TEXT -> {
                String s = (String) value;
                if (item.maxLength() != null && s.codePointCount(0, s.length()) > item.maxLength()) {
                    out.add(item(Finding.Kind.TOO_LONG, at, subject, String.valueOf(item.maxLength())));
                } else if (item.pattern() != null
                        && !PATTERNS.computeIfAbsent(item.pattern(), Pattern::compile).matcher(s).matches()) {
                    out.add(item(Finding.Kind.PATTERN, at, subject, null));
                }
            }
            case SINGLE_CHOICE -> {
                if (item.option((String) value).isEmpty()) {
                    out.add(item(Finding.Kind.UNKNOWN_OPTION, at, subject, (String) value));
                }
            }
            case MULTIPLE_CHOICE -> {
                for (Object v : (List<?>) value) {
                    if (item.option((String) v).isEmpty()) {
                        out.add(item(Finding.Kind.UNKNOWN_OPTION, at, subject, (String) v));
                        break;
                    }
                }
            }
            default -> {
                // yes/no and dates have no constraints of their own
            }
        }
    }

    private static Finding item(Finding.Kind kind, ItemRef at, Text subject, String detail) {
        return new Finding(kind, Severity.ERROR, at, null, List.of(at), subject, detail);
    }

    // ---- exceptions ----

    static boolean isNotApplicable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotApplicable || t instanceof JexlArithmetic.NullOperand) {
                return true;
            }
            // strict JEXL raises these for a variable or property that exists but holds no value
            if (t instanceof JexlException.Variable v && !v.isUndefined()
                    || t instanceof JexlException.Property p && !p.isUndefined()) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
