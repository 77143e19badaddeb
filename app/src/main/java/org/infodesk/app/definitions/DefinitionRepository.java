package org.infodesk.app.definitions;

import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;

/**
 * The questionnaire definitions this installation received from the server (pull, SPEC §4.8),
 * beside the one it ships ({@link Bundled}). Only documents already checked are stored: their
 * digest verified and read by the shared definition reader.
 */
public interface DefinitionRepository {

    /** Stores a received definition; the same identity again replaces it (a server may correct a digest). */
    void store(ReceivedDefinition definition) throws StoreException;

    /** One received definition, if held. */
    Optional<ReceivedDefinition> find(String definitionId, int fiscalYear, int version) throws StoreException;

    /** The received definitions of a fiscal year, the highest version first. */
    List<ReceivedDefinition> ofFiscalYear(int fiscalYear) throws StoreException;

    /** Every received definition. */
    List<ReceivedDefinition> all() throws StoreException;
}
