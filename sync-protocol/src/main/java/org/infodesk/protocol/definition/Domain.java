package org.infodesk.protocol.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of the questionnaire's domains (ด้าน): its sections, items and rules. */
public record Domain(String id, int order, Text label, List<Section> sections, List<Item> items, List<Rule> rules) {

    public Domain {
        sections = List.copyOf(sections);
        items = List.copyOf(items);
        rules = List.copyOf(rules);
    }

    public Optional<Item> item(String itemId) {
        for (Item item : items) { // a loop, not a stream: the server looks up every value it reads (ingest)
            if (item.id().equals(itemId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** Items by id, in definition order. */
    public Map<String, Item> itemsById() {
        Map<String, Item> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        return byId;
    }
}
