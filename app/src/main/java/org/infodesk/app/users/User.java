package org.infodesk.app.users;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A local user of this installation. Never deleted (the audit log names users by
 * {@link #username()}): one who leaves is made inactive. The password hash is not part of the
 * record, so that a user handed to a screen carries no secret.
 *
 * @param username     normalised ({@link Usernames#normalise}); unique, never changed
 * @param displayName  the name as written on a certification sheet, in Thai (นายสมชาย ใจดี)
 * @param position     ตำแหน่ง, as written on a certification sheet (ปลัดองค์การบริหารส่วนตำบล)
 * @param roles        at least one
 */
public record User(UUID id, String username, String displayName, String position, Set<Role> roles, boolean active) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(position, "position");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user holds at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The same user, active or not. */
    public User withActive(boolean value) {
        return new User(id, username, displayName, position, roles, value);
    }
}
