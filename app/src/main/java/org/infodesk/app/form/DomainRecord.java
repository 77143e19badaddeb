package org.infodesk.app.form;

import java.time.Instant;
import java.util.Map;

/**
 * The current revision of a domain with its values (item id to value, in the Java forms of
 * {@code org.infodesk.protocol.answers.Values}). A domain never touched is revision 1,
 * NOT_STARTED, with no values.
 */
public record DomainRecord(DomainKey key, int revision, DomainState state, String definitionKey,
        Map<String, Object> values, Instant updatedAt) {

    public DomainRecord {
        values = Map.copyOf(values);
    }

    public boolean editable() {
        return state == DomainState.NOT_STARTED || state == DomainState.DRAFT || state == DomainState.READY;
    }
}
