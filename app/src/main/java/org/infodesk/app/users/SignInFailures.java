package org.infodesk.app.users;

import java.time.Instant;
import java.util.Objects;

/**
 * Failed sign-ins in a row for one (normalised) user name, whether or not a user has that name.
 * Kept in the store, so that restarting the app does not reset a lock.
 *
 * @param lockedUntil null while not locked
 */
public record SignInFailures(int failures, Instant lastFailedAt, Instant lockedUntil) {

    public SignInFailures {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
    }
}
