package org.infodesk.app.form;

import java.util.Objects;

/** One change to one item (null or an empty value clears it), by a user. */
public record Edit(DomainKey key, String item, Object value, String user) {

    public Edit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(user, "user");
    }
}
