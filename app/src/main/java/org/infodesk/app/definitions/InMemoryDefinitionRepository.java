package org.infodesk.app.definitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DefinitionRepository} in memory, held to the same contract as SQLite: the tests' fake,
 * and what start-up reads once from the store ({@link Questionnaires#of}) so that the store can
 * ask for definitions without reading itself.
 */
public final class InMemoryDefinitionRepository implements DefinitionRepository {

    private final Map<String, ReceivedDefinition> byKey = new LinkedHashMap<>();

    public InMemoryDefinitionRepository() {}

    /** Holding these definitions (a later one of the same identity replaces an earlier one). */
    public InMemoryDefinitionRepository(List<ReceivedDefinition> held) {
        held.forEach(this::store);
    }

    @Override
    public synchronized void store(ReceivedDefinition definition) {
        byKey.put(definition.key(), definition);
    }

    @Override
    public synchronized Optional<ReceivedDefinition> find(String definitionId, int fiscalYear, int version) {
        return Optional.ofNullable(byKey.get(ReceivedDefinition.key(definitionId, fiscalYear, version)));
    }

    @Override
    public synchronized List<ReceivedDefinition> ofFiscalYear(int fiscalYear) {
        List<ReceivedDefinition> found = new ArrayList<>();
        for (ReceivedDefinition d : byKey.values()) {
            if (d.fiscalYear() == fiscalYear) {
                found.add(d);
            }
        }
        found.sort(Comparator.comparingInt(ReceivedDefinition::version).reversed().thenComparing(ReceivedDefinition::definitionId));
        return found;
    }

    @Override
    public synchronized List<ReceivedDefinition> all() {
        return new ArrayList<>(byKey.values());
    }
}
