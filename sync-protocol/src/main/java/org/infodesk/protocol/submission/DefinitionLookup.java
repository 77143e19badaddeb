package org.infodesk.protocol.submission;

import java.util.List;
import java.util.Optional;
import org.infodesk.protocol.definition.Definition;

/**
 * Finds the questionnaire definition a payload names, to read and write its values: the app
 * knows the definitions it was given, the server those it serves.
 */
@FunctionalInterface
public interface DefinitionLookup {

    Optional<Definition> find(String id, int fiscalYear, int version);

    /** A lookup over a fixed set of definitions. */
    static DefinitionLookup of(Definition... definitions) {
        List<Definition> known = List.of(definitions);
        return (id, fiscalYear, version) -> known.stream()
                .filter(d -> d.id().equals(id) && d.fiscalYear() == fiscalYear && d.version() == version)
                .findFirst();
    }
}
