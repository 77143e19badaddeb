package org.infodesk.app.users.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.NewUser;
import org.infodesk.app.users.PasswordRules;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserException;
import org.infodesk.app.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office's users, for an LAO admin: the list (user name, name, position, roles, active or
 * not); adding a user with a first password typed twice (the user chooses their own at the first
 * sign-in); resetting the selected user's password (typed twice); making the selected user
 * inactive or active again. Everything is checked by {@link UserService} (the admin's right, the
 * password rules, the last active admin), in the background; a refusal names the field to fix.
 * No nodes.
 */
public final class OfficeUsersViewModel {

    /** Where a refusal stands: a field of the add form, of the reset, the (de)activate button, the list. */
    public enum Field { USERNAME, DISPLAY_NAME, POSITION, ROLES, PASSWORD, CONFIRM, RESET_PASSWORD, RESET_CONFIRM, ACTIVE, LIST }

    /** A user as the list shows it: a title (name and user name) and a line of details. */
    public record Row(User user, String title, String details) {
        @Override
        public String toString() {
            return title; // what a screen reader reads for the list's item
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OfficeUsersViewModel.class);

    private final UserService users;
    private final User actor;
    private final Messages messages;
    private final Background background;
    private final Runnable back;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectedLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activeAction = new ReadOnlyStringWrapper("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty position = new SimpleStringProperty("");
    private final Map<Role, BooleanProperty> roles = new EnumMap<>(Role.class);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final StringProperty resetPassword = new SimpleStringProperty("");
    private final StringProperty resetConfirm = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Field> problemField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Field> next = new ReadOnlyObjectWrapper<>();

    /**
     * @param actor the signed-in LAO admin (the service checks, at each change, that they still are one)
     * @param back  back to where the admin came from (Esc)
     */
    public OfficeUsersViewModel(UserService users, User actor, Messages messages, Background background, Runnable back) {
        this.users = Objects.requireNonNull(users, "users");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.background = Objects.requireNonNull(background, "background");
        this.back = Objects.requireNonNull(back, "back");
        for (Role role : Role.values()) {
            roles.put(role, new SimpleBooleanProperty(false));
        }
        selected.addListener((o, was, is) -> describeSelected());
        describeSelected();
    }

    public Messages messages() {
        return messages;
    }

    /** Who is working here, for the header. */
    public String signedInLine() {
        return messages.get("officeUsers.signedInAs", actor.displayName());
    }

    /** Every user of the office, by user name; filled by {@link #load()}. */
    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The user the reset and the (de)activation act on; null for none. */
    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Which user is selected, or how to select one. */
    public ReadOnlyStringProperty selectedLineProperty() {
        return selectedLine.getReadOnlyProperty();
    }

    /** The (de)activate button's words for the selected user: make inactive, or make active again. */
    public ReadOnlyStringProperty activeActionProperty() {
        return activeAction.getReadOnlyProperty();
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

    /** Whether the new user is to hold a role (a check box each). */
    public BooleanProperty roleProperty(Role role) {
        return roles.get(role);
    }

    /** A role's name in the language shown. */
    public String roleName(Role role) {
        return messages.get(role.messageKey());
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public StringProperty resetConfirmProperty() {
        return resetConfirm;
    }

    /** What to fix, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The field the problem is about; null for a problem of the whole screen (or none). */
    public ReadOnlyObjectProperty<Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    /** What was just done (added, reset, made inactive), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Where the work goes on after a change was made (the form's first field after an add, the list
     * after a reset, the same button after a (de)activation): the fields were disabled meanwhile.
     */
    public ReadOnlyObjectProperty<Field> nextProperty() {
        return next.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The password rule shown beside the password fields. */
    public String passwordRule() {
        return messages.get("firstRun.passwordRule", PasswordRules.MIN_LENGTH);
    }

    /** Back to where the admin came from. */
    public void back() {
        back.run();
    }

    /**
     * Reads the list in the background, keeping the selected user selected. Not busy meanwhile: the
     * form stays open to typing (and to the focus) while the list comes.
     */
    public void load() {
        UUID keep = selected.get() == null ? null : selected.get().user().id();
        background.run(users::users, list -> show(list, keep), e -> refused(e, null, null));
    }

    /** Adds the user the form describes; refused here when the two passwords differ, else by the service's rules. */
    public void add() {
        if (busy.get()) {
            return;
        }
        if (!Objects.equals(password.get(), confirm.get())) {
            show(Field.CONFIRM, messages.get("firstRun.passwordsDiffer"));
            return;
        }
        Set<Role> chosen = roles.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        NewUser details = new NewUser(username.get(), displayName.get(), position.get(), chosen);
        String secret = password.get();
        start();
        background.run(() -> {
            User added = users.addUser(actor, details, secret);
            return new Done(added, users.users());
        }, done -> {
            busy.set(false);
            username.set("");
            displayName.set("");
            position.set("");
            roles.values().forEach(r -> r.set(false));
            password.set("");
            confirm.set("");
            show(done.list(), done.user().id());
            notice.set(messages.get("officeUsers.added", done.user().displayName(), done.user().username()));
            goOnAt(Field.USERNAME);
        }, e -> refused(e, Field.PASSWORD, Field.PASSWORD));
    }

    /** Sets the selected user's password to the one typed twice; they choose their own at the next sign-in. */
    public void reset() {
        Row row = selectedWhenIdle();
        if (row == null) {
            return;
        }
        if (!Objects.equals(resetPassword.get(), resetConfirm.get())) {
            show(Field.RESET_CONFIRM, messages.get("firstRun.passwordsDiffer"));
            return;
        }
        String secret = resetPassword.get();
        start();
        background.run(() -> {
            users.resetPassword(actor, row.user().id(), secret);
            return new Done(row.user(), users.users());
        }, done -> {
            busy.set(false);
            resetPassword.set("");
            resetConfirm.set("");
            show(done.list(), done.user().id());
            notice.set(messages.get("officeUsers.wasReset", done.user().displayName()));
            goOnAt(Field.LIST);
        }, e -> refused(e, Field.RESET_PASSWORD, Field.RESET_PASSWORD));
    }

    /** Makes the selected user inactive, or active again; the last active admin stays active. */
    public void toggleActive() {
        Row row = selectedWhenIdle();
        if (row == null) {
            return;
        }
        boolean active = !row.user().active();
        start();
        background.run(() -> new Done(users.setActive(actor, row.user().id(), active), users.users()), done -> {
            busy.set(false);
            show(done.list(), done.user().id());
            notice.set(messages.get(active ? "officeUsers.madeActive" : "officeUsers.madeInactive", done.user().displayName()));
            goOnAt(Field.ACTIVE);
        }, e -> refused(e, Field.ACTIVE, Field.ACTIVE));
    }

    /** What a change gives back: the user it was about, and the list after it. */
    private record Done(User user, List<User> list) {}

    private void goOnAt(Field field) {
        next.set(null);
        next.set(field);
    }

    private void start() {
        busy.set(true);
        notice.set("");
        show(null, "");
    }

    private void show(List<User> list, UUID select) {
        rows.setAll(list.stream().map(this::row).collect(Collectors.toList()));
        selected.set(rows.stream().filter(r -> r.user().id().equals(select)).findFirst().orElse(null));
        describeSelected();
    }

    private Row row(User user) {
        String held = user.roles().stream().sorted().map(this::roleName).collect(Collectors.joining(", "));
        String state = messages.get(user.active() ? "officeUsers.active" : "officeUsers.inactive");
        return new Row(user, messages.get("officeUsers.row.title", user.displayName(), user.username()),
                messages.get("officeUsers.row.details", user.position(), held, state));
    }

    /** The selected user, when no command is running; null when one is, or (saying so) when none is selected. */
    private Row selectedWhenIdle() {
        if (busy.get()) {
            return null;
        }
        Row row = selected.get();
        if (row == null) {
            show(Field.LIST, messages.get("officeUsers.chooseUser"));
        }
        return row;
    }

    private void describeSelected() {
        Row row = selected.get();
        selectedLine.set(row == null ? messages.get("officeUsers.noneSelected") : messages.get("officeUsers.selected", row.title()));
        activeAction.set(messages.get(row != null && !row.user().active() ? "officeUsers.activate" : "officeUsers.deactivate"));
    }

    /**
     * A refusal: the service's message next to the field it concerns ({@code passwordField} for the
     * password rules, {@code otherField} for a refusal of the action itself: the last admin, a user
     * gone), or a store's message for the whole screen.
     */
    private void refused(Throwable e, Field passwordField, Field otherField) {
        busy.set(false);
        if (e instanceof UserException u) {
            show(field(u.problem(), passwordField, otherField), u.message(messages));
        } else if (e instanceof StoreException s) {
            show(null, s.message(messages));
        } else {
            LOG.error("managing users failed", e);
            show(null, messages.get("officeUsers.failed"));
        }
    }

    private static Field field(UserException.Problem problem, Field passwordField, Field otherField) {
        return switch (problem) {
            case USERNAME_INVALID, USERNAME_TAKEN -> Field.USERNAME;
            case NAME_REQUIRED -> Field.DISPLAY_NAME;
            case POSITION_REQUIRED -> Field.POSITION;
            case ROLES_INVALID -> Field.ROLES;
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_ONLY_DIGITS, PASSWORD_TOO_EASY -> passwordField;
            case LAST_ADMIN -> otherField;
            case NO_SUCH_USER -> Field.LIST;
            default -> null;
        };
    }

    private void show(Field field, String text) {
        problemField.set(null); // a second refusal at the same field still moves the focus there
        problem.set(text);
        problemField.set(field);
    }
}
