package org.infodesk.protocol.answers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers of one LAO for one fiscal year, by domain and item, in the Java forms of
 * {@link Values}. Immutable: {@link #with} returns a changed copy. Empty values are not stored.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of());

    private final Map<String, Map<String, Object>> byDomain;

    private Answers(Map<String, Map<String, Object>> byDomain) {
        this.byDomain = byDomain;
    }

    public static Answers empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Object get(String domain, String item) {
        Map<String, Object> values = byDomain.get(domain);
        return values == null ? null : values.get(item);
    }

    /** The answered items of a domain (read-only; empty if none). */
    public Map<String, Object> domain(String domain) {
        return byDomain.getOrDefault(domain, Map.of());
    }

    public Set<String> domainIds() {
        return byDomain.keySet();
    }

    /** A copy with one value set ({@code null} or an empty value clears it). */
    public Answers with(String domain, String item, Object value) {
        Builder b = toBuilder();
        b.put(domain, item, value);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        byDomain.forEach((d, values) -> values.forEach((i, v) -> b.put(d, i, v)));
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers other && byDomain.equals(other.byDomain);
    }

    @Override
    public int hashCode() {
        return byDomain.hashCode();
    }

    @Override
    public String toString() {
        return "Answers" + byDomain;
    }

    /** Collects values; the built {@link Answers} holds unmodifiable copies. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> byDomain = new LinkedHashMap<>();

        public Builder put(String domain, String item, Object value) {
            if (Values.isEmpty(value)) {
                Map<String, Object> values = byDomain.get(domain);
                if (values != null) {
                    values.remove(item);
                }
            } else {
                byDomain.computeIfAbsent(domain, d -> new LinkedHashMap<>()).put(item, freeze(value));
            }
            return this;
        }

        public Answers build() {
            Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
            byDomain.forEach((d, values) -> {
                if (!values.isEmpty()) {
                    copy.put(d, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
                }
            });
            return new Answers(Collections.unmodifiableMap(copy));
        }

        @SuppressWarnings("unchecked")
        private static Object freeze(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(e -> e instanceof Map<?, ?> row
                        ? Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) row))
                        : e).toList();
            }
            return value;
        }
    }
}
