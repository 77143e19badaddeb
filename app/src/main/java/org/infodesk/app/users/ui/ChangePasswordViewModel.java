package org.infodesk.app.users.ui;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.PasswordRules;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserException;
import org.infodesk.app.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step after a sign-in with a password an admin chose ({@link SignIn.Ok#mustChangePassword()}):
 * the user's own password, typed twice, saved by {@link UserService#changePassword} with the
 * password just typed at the sign-in; then {@code done} with the user. A refusal names the field
 * to fix. No nodes.
 */
public final class ChangePasswordViewModel {

    /** The two fields. */
    public enum Field { NEW, CONFIRM }

    private static final Logger LOG = LoggerFactory.getLogger(ChangePasswordViewModel.class);

    private final UserService users;
    private final Messages messages;
    private final ZoneId zone;
    private final Background background;
    private final User user;
    private final String current;
    private final Consumer<User> done;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Field> problemField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param current the password the user has just signed in with (the admin's choice)
     * @param done    called with the user once their own password is saved (on the JavaFX thread)
     */
    public ChangePasswordViewModel(UserService users, Messages messages, ZoneId zone, Background background, User user,
            String current, Consumer<User> done) {
        this.users = Objects.requireNonNull(users, "users");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.background = Objects.requireNonNull(background, "background");
        this.user = Objects.requireNonNull(user, "user");
        this.current = Objects.requireNonNull(current, "current");
        this.done = Objects.requireNonNull(done, "done");
    }

    public Messages messages() {
        return messages;
    }

    /** Why this step: welcome, the admin set this password, choose your own. */
    public String intro() {
        return new SignIn.Ok(user, true).message(messages, zone);
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    /** The password rule shown beside the field. */
    public String passwordRule() {
        return messages.get("firstRun.passwordRule", PasswordRules.MIN_LENGTH);
    }

    /** What to fix, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The field the problem is about; null for a problem of the whole step (or none). */
    public ReadOnlyObjectProperty<Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Saves the new password: refused here when the two differ or it is the admin's one, else by the rules. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        String secret = password.get() == null ? "" : password.get();
        if (!secret.equals(confirm.get())) {
            show(Field.CONFIRM, messages.get("firstRun.passwordsDiffer"));
            return;
        }
        if (secret.equals(current)) {
            show(Field.NEW, messages.get("changePassword.same"));
            return;
        }
        busy.set(true);
        show(null, "");
        background.run(() -> users.changePassword(user.username(), current, secret), this::answered, this::refused);
    }

    private void answered(SignIn outcome) {
        busy.set(false);
        if (outcome instanceof SignIn.Ok ok) {
            password.set("");
            confirm.set("");
            done.accept(ok.user());
        } else {
            // the account was locked or made inactive meanwhile: nothing changed
            show(null, outcome.message(messages, zone));
        }
    }

    private void refused(Throwable e) {
        busy.set(false);
        if (e instanceof UserException u) {
            show(Field.NEW, u.message(messages));
        } else if (e instanceof StoreException s) {
            show(null, s.message(messages));
        } else {
            LOG.error("changing the password failed", e);
            show(null, messages.get("changePassword.failed"));
        }
    }

    private void show(Field field, String text) {
        problemField.set(null); // a second refusal at the same field still moves the focus there
        problem.set(text);
        problemField.set(field);
    }
}
