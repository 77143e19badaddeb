package org.infodesk.app.users;

import java.util.Set;

/**
 * The details of a user to add, as typed; {@link UserService} checks them and says what to fix
 * ({@link UserException}). The password travels separately, so that it is never in a
 * {@code toString()}.
 */
public record NewUser(String username, String displayName, String position, Set<Role> roles) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
