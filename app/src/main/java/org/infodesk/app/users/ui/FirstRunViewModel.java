package org.infodesk.app.users.ui;

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
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserException;
import org.infodesk.app.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run: the first LAO admin's user name, name and position (as printed on sheets) and
 * password, typed twice, created by {@link UserService#createFirstAdmin} in the background
 * (hashing takes a moment). A refusal names the field to fix. No nodes.
 */
public final class FirstRunViewModel {

    /** The fields of the form, so that a problem can stand next to its field. */
    public enum Field { USERNAME, DISPLAY_NAME, POSITION, PASSWORD, CONFIRM }

    private static final Logger LOG = LoggerFactory.getLogger(FirstRunViewModel.class);

    private final UserService users;
    private final Messages messages;
    private final Background background;
    private final Consumer<User> created;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty position = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Field> problemField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** @param created called with the new admin (on the JavaFX thread) */
    public FirstRunViewModel(UserService users, Messages messages, Background background, Consumer<User> created) {
        this.users = Objects.requireNonNull(users, "users");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.background = Objects.requireNonNull(background, "background");
        this.created = Objects.requireNonNull(created, "created");
    }

    public Messages messages() {
        return messages;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty positionProperty() {
        return position;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    /** What to fix, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The field the problem is about; null for a problem of the whole form (or none). */
    public ReadOnlyObjectProperty<Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The password rule shown beside the field. */
    public String passwordRule() {
        return messages.get("firstRun.passwordRule", PasswordRules.MIN_LENGTH);
    }

    /** Creates the first admin; refused here when the two passwords differ, else by the service's rules. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        if (!Objects.equals(password.get(), confirm.get())) {
            show(Field.CONFIRM, messages.get("firstRun.passwordsDiffer"));
            return;
        }
        String name = username.get();
        String display = displayName.get();
        String job = position.get();
        String secret = password.get();
        busy.set(true);
        show(null, "");
        background.run(() -> users.createFirstAdmin(name, display, job, secret), admin -> {
            busy.set(false);
            password.set("");
            confirm.set("");
            created.accept(admin);
        }, this::refused);
    }

    private void refused(Throwable e) {
        busy.set(false);
        if (e instanceof UserException u) {
            show(field(u.problem()), u.message(messages));
        } else if (e instanceof StoreException s) {
            show(null, s.message(messages));
        } else {
            LOG.error("creating the first admin failed", e);
            show(null, messages.get("firstRun.failed"));
        }
    }

    private static Field field(UserException.Problem problem) {
        return switch (problem) {
            case USERNAME_INVALID, USERNAME_TAKEN -> Field.USERNAME;
            case NAME_REQUIRED -> Field.DISPLAY_NAME;
            case POSITION_REQUIRED -> Field.POSITION;
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_ONLY_DIGITS, PASSWORD_TOO_EASY -> Field.PASSWORD;
            default -> null;
        };
    }

    private void show(Field field, String text) {
        problemField.set(null); // a second refusal at the same field still moves the focus there
        problem.set(text);
        problemField.set(field);
    }
}
