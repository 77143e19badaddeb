package org.infodesk.protocol.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One question. Top-level items name their {@code section}; the sub-fields of a repeat group
 * ({@link #fields()}) have none. Optional attributes are {@code null} when absent.
 *
 * @param scale        for decimals, the most digits allowed after the point
 * @param maxLength    for text, the most characters allowed
 * @param relevant     a condition in the rule language; when it does not hold the item is
 *                     hidden, not required and not sent
 * @param yoyThreshold for numbers, the relative change from last year's certified value beyond
 *                     which a justification is asked for (0.5 = 50 %)
 * @param maxRows      for repeat groups, the most rows allowed
 */
public record Item(
        String id,
        String section,
        ItemType type,
        Text label,
        Text unit,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer scale,
        String pattern,
        Integer maxLength,
        String relevant,
        BigDecimal yoyThreshold,
        List<Option> options,
        List<Item> fields,
        Integer maxRows) {

    public Item {
        options = options == null ? List.of() : List.copyOf(options);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<Item> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** Options by value, in definition order. */
    public Map<String, Option> optionsByValue() {
        return options.stream().collect(Collectors.toMap(Option::value, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
