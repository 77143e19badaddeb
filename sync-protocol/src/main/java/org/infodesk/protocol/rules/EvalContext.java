package org.infodesk.protocol.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlContext;

/**
 * The names a rule sees ({@code SPEC.md} §2.4): the items of its own domain by their ids, and
 * every domain by its id (so {@code internal_governance.total_households} reads another
 * domain). Values are the effective ones: irrelevant items are absent, hence empty.
 */
final class EvalContext implements JexlContext, JexlContext.NamespaceResolver {

    private final Map<String, Set<String>> itemIds;
    private final Map<String, Map<String, Object>> values;
    private final RuleFunctions functions = new RuleFunctions(this);
    private String domain;

    EvalContext(Map<String, Set<String>> itemIds, Map<String, Map<String, Object>> values) {
        this.itemIds = itemIds;
        this.values = values;
    }

    void domain(String domainId) {
        this.domain = domainId;
    }

    RuleFunctions functions() {
        return functions;
    }

    Map<String, Object> values(String domainId) {
        return values.computeIfAbsent(domainId, d -> new HashMap<>());
    }

    @Override
    public Object get(String name) {
        Set<String> own = itemIds.get(domain);
        if (own != null && own.contains(name)) {
            Map<String, Object> v = values.get(domain);
            return v == null ? null : v.get(name);
        }
        if (itemIds.containsKey(name)) {
            return values.getOrDefault(name, Map.of());
        }
        return null;
    }

    @Override
    public boolean has(String name) {
        Set<String> own = itemIds.get(domain);
        return (own != null && own.contains(name)) || itemIds.containsKey(name);
    }

    @Override
    public void set(String name, Object value) {
        throw new UnsupportedOperationException("rules cannot assign");
    }

    @Override
    public Object resolveNamespace(String name) {
        return name == null || name.isEmpty() ? functions : null;
    }
}
