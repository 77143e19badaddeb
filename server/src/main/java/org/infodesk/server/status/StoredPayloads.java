package org.infodesk.server.status;

import java.util.List;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.submission.SubmissionPayload;

/**
 * Reads the signed payloads the server stored, with the shared codec (SPEC §3.2) and the
 * definitions the server knows: what the device claims (its certification time, the certifier)
 * and the values are inside the payload, not in columns of their own.
 */
public final class StoredPayloads {

    private final List<Definition> definitions;
    private final SubmissionCodec codec;

    public StoredPayloads(List<Definition> definitions) {
        this.definitions = List.copyOf(definitions);
        this.codec = new SubmissionCodec(DefinitionLookup.of(definitions.toArray(Definition[]::new)));
    }

    /** The payload of a head; a stored payload that cannot be read again is a broken database, not bad input. */
    public SubmissionPayload read(Heads.Head head) {
        try {
            return codec.readPayload(head.payload());
        } catch (SubmissionException e) {
            throw new IllegalStateException("the stored payload of submission " + head.submissionId() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** The definition a payload was made with (the codec read it, so the server knows it). */
    public Definition definitionOf(SubmissionPayload payload) {
        return definitions.stream().filter(d -> d.key().equals(payload.definitionKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no definition " + payload.definitionKey()));
    }

    /** The latest version of the fiscal year's definition: its domains are the status's columns. */
    public Definition definitionFor(int fiscalYear) throws StatusException {
        return definitions.stream().filter(d -> d.fiscalYear() == fiscalYear)
                .max(java.util.Comparator.comparingInt(Definition::version))
                .orElseThrow(() -> new StatusException("no questionnaire definition for fiscal year " + fiscalYear
                        + " (the server knows " + definitions.stream().map(Definition::key).toList() + ")"));
    }
}
