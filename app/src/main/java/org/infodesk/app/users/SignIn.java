package org.infodesk.app.users;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;

/**
 * The outcome of a sign-in (or of a password check before a change). A user name that does not
 * exist is answered exactly like a wrong password, attempts and lock-out included, so that the
 * screen never tells who has an account; only the log tells them apart.
 */
public sealed interface SignIn {

    /** Signed in. {@code mustChangePassword}: an admin set the password; the user should choose their own now. */
    record Ok(User user, boolean mustChangePassword) implements SignIn {
        public Ok {
            Objects.requireNonNull(user, "user");
        }
    }

    /** Wrong user name or password; {@code attemptsLeft} more failures lock the name (at least 1). */
    record WrongPassword(int attemptsLeft) implements SignIn {}

    /** Too many failures: no password is checked for this name until {@code until}. */
    record LockedUntil(Instant until) implements SignIn {
        public LockedUntil {
            Objects.requireNonNull(until, "until");
        }
    }

    /** The password was right but an admin has made the account inactive. */
    record Inactive() implements SignIn {}

    /** The user's message; times in Buddhist Era, in the given zone. */
    default String message(Messages messages, ZoneId zone) {
        if (this instanceof WrongPassword w) {
            return messages.get("users.signIn.wrongPassword", w.attemptsLeft());
        }
        if (this instanceof LockedUntil l) {
            return messages.get("users.signIn.lockedUntil",
                    ThaiDates.format(LocalDateTime.ofInstant(l.until(), zone), messages.locale()));
        }
        if (this instanceof Inactive) {
            return messages.get("users.signIn.inactive");
        }
        Ok ok = (Ok) this;
        return ok.mustChangePassword() ? messages.get("users.signIn.changePassword", ok.user().displayName())
                : messages.get("users.signIn.ok", ok.user().displayName());
    }
}
