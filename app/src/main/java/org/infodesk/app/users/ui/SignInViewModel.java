package org.infodesk.app.users.ui;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.InactivityLock;
import org.infodesk.app.users.Permissions;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in, at start or to unlock the screen after a time without activity: a user name and a
 * password checked by {@link UserService#signIn} (with its lock-out) in the background, then
 * {@code signedIn} with the user, or the outcome's message (attempts left, locked until a B.E.
 * time, inactive). A missing user name is answered like a wrong password (ADR 0005). No nodes.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final UserService users;
    private final Messages messages;
    private final ZoneId zone;
    private final Background background;
    private final String header;
    private final Runnable beforeSignedIn;
    private final Consumer<User> signedIn;
    /** After a sign-in with a password an admin chose: the user and that password; null: go on at once. */
    private java.util.function.BiConsumer<User, String> mustChangePassword;
    /** Only an LAO admin gets through (the office's users screen). */
    private boolean adminOnly;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Bumped after each refused attempt: the view puts the focus back in the password field. */
    private final ReadOnlyBooleanWrapper retry = new ReadOnlyBooleanWrapper(false);

    private SignInViewModel(UserService users, Messages messages, ZoneId zone, Background background, String header,
            String username, Runnable beforeSignedIn, Consumer<User> signedIn) {
        this.users = Objects.requireNonNull(users, "users");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.background = Objects.requireNonNull(background, "background");
        this.header = header;
        this.beforeSignedIn = beforeSignedIn;
        this.signedIn = Objects.requireNonNull(signedIn, "signedIn");
        this.username.set(username);
    }

    /** The sign-in when the app starts. */
    public static SignInViewModel atStart(UserService users, Messages messages, ZoneId zone, Background background,
            Consumer<User> signedIn) {
        return atStart(users, messages, zone, background, messages.get("signIn.atStart"), signedIn);
    }

    /** The sign-in when the app starts, under a header of the caller's (the demo names its users). */
    public static SignInViewModel atStart(UserService users, Messages messages, ZoneId zone, Background background,
            String header, Consumer<User> signedIn) {
        return new SignInViewModel(users, messages, zone, background, header, "", () -> { }, signedIn);
    }

    /**
     * The lock screen: says why the screen is locked, offers the locked-out user's name, and
     * unlocks {@code lock} when someone signs in (the shell decides what a different user may see).
     */
    public static SignInViewModel afterInactivity(UserService users, Messages messages, ZoneId zone, Background background,
            InactivityLock lock, User current, Consumer<User> signedIn) {
        return new SignInViewModel(users, messages, zone, background, lock.message(messages),
                current == null ? "" : current.username(), lock::unlock, signedIn);
    }

    /**
     * After a sign-in whose password an admin chose, {@code handler} gets the user and the password
     * typed (to choose their own, {@link ChangePasswordViewModel}) instead of {@code signedIn}.
     */
    public SignInViewModel onMustChangePassword(java.util.function.BiConsumer<User, String> handler) {
        this.mustChangePassword = handler;
        return this;
    }

    /** Lets only an active LAO admin through; anyone else is told so and may try another name. */
    public SignInViewModel onlyAdmins() {
        this.adminOnly = true;
        return this;
    }

    public Messages messages() {
        return messages;
    }

    /** Why this screen is shown: at start, or locked after N minutes without activity. */
    public String header() {
        return header;
    }

    /** Whether the user name is already filled in (the lock screen), so the password comes first. */
    public boolean usernameGiven() {
        return !username.get().isBlank();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** The password as typed; emptied after each attempt. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The refusal's message (attempts left, locked until, inactive), or that it is checking. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message says what went wrong (rather than that it is checking, or welcome). */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Flips after each refused attempt. */
    public ReadOnlyBooleanProperty retryProperty() {
        return retry.getReadOnlyProperty();
    }

    /** Checks the user name and password in the background. */
    public void signIn() {
        if (busy.get()) {
            return;
        }
        String name = username.get() == null ? "" : username.get();
        String secret = password.get() == null ? "" : password.get();
        if (name.isBlank() || secret.isEmpty()) {
            refuse(messages.get("signIn.credentialsNeeded"));
            return;
        }
        busy.set(true);
        problem.set(false);
        message.set(messages.get("signIn.working"));
        background.run(() -> users.signIn(name, secret), outcome -> answered(outcome, secret), this::failed);
    }

    private void answered(SignIn outcome, String secret) {
        busy.set(false);
        password.set("");
        if (outcome instanceof SignIn.Ok ok && adminOnly && !Permissions.canManageUsers(ok.user())) {
            refuse(messages.get("signIn.notAdmin", ok.user().displayName()));
            return;
        }
        if (outcome instanceof SignIn.Ok ok && ok.mustChangePassword() && mustChangePassword != null) {
            problem.set(false);
            message.set(outcome.message(messages, zone));
            mustChangePassword.accept(ok.user(), secret);
            return;
        }
        if (outcome instanceof SignIn.Ok ok) {
            problem.set(false);
            message.set(outcome.message(messages, zone));
            beforeSignedIn.run();
            signedIn.accept(ok.user());
            return;
        }
        refuse(outcome.message(messages, zone));
    }

    private void failed(Throwable e) {
        busy.set(false);
        password.set("");
        if (e instanceof StoreException s) {
            refuse(s.message(messages));
        } else {
            LOG.error("sign-in failed", e);
            refuse(messages.get("signIn.failed"));
        }
    }

    private void refuse(String text) {
        problem.set(true);
        message.set(text);
        retry.set(!retry.get());
    }
}
