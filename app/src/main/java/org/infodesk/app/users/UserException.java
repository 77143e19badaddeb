package org.infodesk.app.users;

import org.infodesk.app.i18n.Messages;

/**
 * A user-management request was refused; {@link #problem()} says why and what to change. Nothing
 * was saved. Messages are under {@code users.<PROBLEM>} in the app's bundles.
 */
public final class UserException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Each refusal, by what the user must do about it. */
    public enum Problem {
        /** Only an active LAO admin may add users, reset passwords or (de)activate users. */
        NOT_ADMIN,
        /** The first admin exists already: sign in (first-run set-up is over). */
        ALREADY_SET_UP,
        /** The user name is too short, too long, or has characters other than letters, digits, {@code . - _}. */
        USERNAME_INVALID,
        /** Another user has this name: choose another. */
        USERNAME_TAKEN,
        /** The name as written on the certification sheet is missing or too long. */
        NAME_REQUIRED,
        /** The position (ตำแหน่ง) is missing or too long. */
        POSITION_REQUIRED,
        /** No role, or a district officer's role mixed with an LAO role. */
        ROLES_INVALID,
        /** The password is shorter than {@link PasswordRules#MIN_LENGTH}. */
        PASSWORD_TOO_SHORT,
        /** The password is longer than {@link PasswordRules#MAX_LENGTH}. */
        PASSWORD_TOO_LONG,
        /** Only digits: a PIN, a birth date or a phone number, which are guessed first. */
        PASSWORD_ONLY_DIGITS,
        /** A common password, the user name, or one character repeated. */
        PASSWORD_TOO_EASY,
        /** The user to act on does not exist (any more). */
        NO_SUCH_USER,
        /** This would leave no active LAO admin: add or activate another admin first. */
        LAST_ADMIN
    }

    private final Problem problem;
    private final transient Object[] arguments;

    public UserException(Problem problem, Object... arguments) {
        super(problem.name());
        this.problem = problem;
        this.arguments = arguments.clone();
    }

    public Problem problem() {
        return problem;
    }

    /** The bundle key of the user's message. */
    public String messageKey() {
        return "users." + problem.name();
    }

    /** The user's message in a language. */
    public String message(Messages messages) {
        return messages.get(messageKey(), arguments.clone());
    }
}
