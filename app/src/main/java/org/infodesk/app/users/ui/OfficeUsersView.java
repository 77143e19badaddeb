package org.infodesk.app.users.ui;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.ui.OfficeUsersViewModel.Field;
import org.infodesk.app.users.ui.OfficeUsersViewModel.Row;

/**
 * The office's users, for an LAO admin: on the left the list, and for the selected user a new
 * password (typed twice) and making them inactive or active again; on the right the form that adds
 * a user. Each problem stands under the field it concerns, which takes the focus. Keyboard: Tab
 * through the list, the reset, the add form; arrow keys in the list; Enter in a field (or on a role's
 * check box) does that part's action, Enter on a button presses it; Esc goes back. Binds only.
 */
public final class OfficeUsersView extends BorderPane {

    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");
    private static final double FORM_WIDTH = 400;

    private final OfficeUsersViewModel model;
    private final Map<Field, Node> focusFor = new EnumMap<>(Field.class);
    private final ListView<Row> list = new ListView<>();
    private TextField firstOfForm;

    public OfficeUsersView(OfficeUsersViewModel model) {
        this.model = model;
        Messages m = model.messages();
        getStyleClass().add("office-users");
        getStylesheets().add(OfficeUsersView.class.getResource("users.css").toExternalForm());

        Label title = new Label(m.get("officeUsers.title"));
        title.setId("officeUsersTitle");
        title.getStyleClass().add("office-users-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label who = new Label(model.signedInLine());
        who.getStyleClass().add("office-users-who");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button back = new Button(m.get("officeUsers.back"));
        back.setId("officeUsersBack");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> model.back());
        HBox header = new HBox(16, title, who, grow, back);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("office-users-header");
        setTop(header);

        HBox body = new HBox(16, listSide(m), formSide(m));
        body.setPadding(new Insets(12, 16, 16, 16));
        setCenter(body);

        model.problemFieldProperty().addListener((o, was, is) -> {
            Node target = is == null ? null : focusFor.get(is);
            if (target != null) {
                target.requestFocus();
                if (target instanceof TextInputControl t) {
                    t.selectAll();
                }
            }
        });
        model.nextProperty().addListener((o, was, is) -> {
            if (is != null) {
                focusFor.get(is).requestFocus();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private VBox listSide(Messages m) {
        WrappingLabel notice = WrappingLabel.shownWhileSet("officeUsersNotice", "office-users-notice", model.noticeProperty());
        WrappingLabel general = Cards.problem("officeUsersProblem");
        general.contentProperty().bind(Bindings.when(model.problemFieldProperty().isNull())
                .then(model.problemProperty()).otherwise(""));

        Label heading = new Label(m.get("officeUsers.list"));
        heading.setLabelFor(list);
        heading.getStyleClass().add("office-users-heading");
        list.setId("officeUsersList");
        list.setItems(model.rows());
        list.setCellFactory(v -> new UserCell());
        list.setPrefHeight(240);
        list.setMinHeight(120);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (model.selectedProperty().get() != is) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((o, was, is) -> {
            if (list.getSelectionModel().getSelectedItem() != is) {
                if (is == null) {
                    list.getSelectionModel().clearSelection();
                } else {
                    list.getSelectionModel().select(is);
                    list.scrollTo(is);
                }
            }
        });
        focusFor.put(Field.LIST, list);
        WrappingLabel listProblem = problemAt(Field.LIST);

        Label selected = new Label();
        selected.setId("officeUsersSelected");
        selected.getStyleClass().add("office-users-heading");
        selected.textProperty().bind(model.selectedLineProperty());
        PasswordField reset = password(Field.RESET_PASSWORD, model.resetPasswordProperty(), model::reset);
        PasswordField resetConfirm = password(Field.RESET_CONFIRM, model.resetConfirmProperty(), model::reset);
        VBox resetBox = fieldBox(m.get("officeUsers.resetPassword"), reset, Field.RESET_PASSWORD);
        VBox confirmBox = fieldBox(m.get("officeUsers.resetConfirm"), resetConfirm, Field.RESET_CONFIRM);
        HBox.setHgrow(resetBox, Priority.ALWAYS);
        HBox.setHgrow(confirmBox, Priority.ALWAYS);
        resetBox.setPrefWidth(100);
        confirmBox.setPrefWidth(100);
        HBox passwords = new HBox(12, resetBox, confirmBox);
        WrappingLabel rule = new WrappingLabel(model.passwordRule());
        rule.getStyleClass().add("card-hint");

        Button resetButton = new Button(m.get("officeUsers.reset"));
        resetButton.setId("resetPassword");
        resetButton.setOnAction(e -> model.reset());
        Button toggle = new Button();
        toggle.setId("toggleActive");
        toggle.textProperty().bind(model.activeActionProperty());
        toggle.setOnAction(e -> model.toggleActive());
        focusFor.put(Field.ACTIVE, toggle);
        for (Node n : new Node[] {reset, resetConfirm, resetButton, toggle}) {
            n.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
        }
        HBox buttons = new HBox(12, resetButton, toggle);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox actions = new VBox(6, selected, passwords, rule, buttons, problemAt(Field.ACTIVE));
        actions.getStyleClass().add("office-users-actions");
        actions.setPadding(new Insets(12));

        VBox side = new VBox(8, notice, general, heading, list, listProblem, actions);
        side.setMinWidth(0);
        side.setPrefWidth(500);
        HBox.setHgrow(side, Priority.ALWAYS);
        return side;
    }

    private ScrollPane formSide(Messages m) {
        Label heading = new Label(m.get("officeUsers.add.title"));
        heading.getStyleClass().add("card-title");
        VBox form = new VBox(8, heading);
        firstOfForm = text(Field.USERNAME, model.usernameProperty());
        form.getChildren().add(fieldBox(m.get("officeUsers.add.username"), firstOfForm, Field.USERNAME));
        form.getChildren().add(fieldBox(m.get("officeUsers.add.displayName"), text(Field.DISPLAY_NAME, model.displayNameProperty()),
                Field.DISPLAY_NAME));
        form.getChildren().add(fieldBox(m.get("officeUsers.add.position"), text(Field.POSITION, model.positionProperty()),
                Field.POSITION));

        FlowPane roles = new FlowPane(16, 6);
        roles.setId("officeUsers-roles");
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(model.roleName(role));
            box.setId("role-" + role.name().toLowerCase(Locale.ROOT));
            box.selectedProperty().bindBidirectional(model.roleProperty(role));
            box.disableProperty().bind(model.busyProperty());
            box.setMinWidth(Region.USE_PREF_SIZE);
            roles.getChildren().add(box);
            focusFor.putIfAbsent(Field.ROLES, box);
        }
        WrappingLabel rolesLabel = new WrappingLabel(m.get("officeUsers.add.roles"));
        form.getChildren().add(new VBox(3, rolesLabel, roles, problemAt(Field.ROLES)));

        form.getChildren().add(fieldBox(m.get("officeUsers.add.password"),
                password(Field.PASSWORD, model.passwordProperty(), model::add), Field.PASSWORD));
        WrappingLabel rule = new WrappingLabel(model.passwordRule());
        rule.getStyleClass().add("card-hint");
        form.getChildren().add(rule);
        form.getChildren().add(fieldBox(m.get("officeUsers.add.confirm"),
                password(Field.CONFIRM, model.confirmProperty(), model::add), Field.CONFIRM));
        Button add = new Button(m.get("officeUsers.add.submit"));
        add.setId("addUser");
        add.setMaxWidth(Double.MAX_VALUE);
        add.getStyleClass().add("sign-in-button");
        add.setOnAction(e -> model.add());
        add.disableProperty().bind(model.busyProperty());
        form.getChildren().add(add);
        form.getStyleClass().add("card");
        form.setPadding(new Insets(16, 20, 16, 20));

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("office-users-form");
        scroll.setMinWidth(FORM_WIDTH);
        scroll.setPrefWidth(FORM_WIDTH);
        scroll.setMaxWidth(FORM_WIDTH);
        return scroll;
    }

    private TextField text(Field field, StringProperty value) {
        TextField input = new TextField();
        input.textProperty().bindBidirectional(value);
        input.disableProperty().bind(model.busyProperty());
        input.setOnAction(e -> model.add());
        return input;
    }

    private PasswordField password(Field field, StringProperty value, Runnable action) {
        PasswordField input = new PasswordField();
        input.textProperty().bindBidirectional(value);
        if (field == Field.PASSWORD || field == Field.CONFIRM) {
            input.disableProperty().bind(model.busyProperty());
        }
        input.setOnAction(e -> action.run());
        return input;
    }

    /** A field under its label, the problem about it under the field. */
    private VBox fieldBox(String label, TextInputControl input, Field field) {
        String id = "officeUsers-" + field.name().toLowerCase(Locale.ROOT);
        input.setId(id);
        focusFor.put(field, input);
        VBox box = Cards.labelled(label, input);
        box.getChildren().add(problemAt(field));
        return box;
    }

    private WrappingLabel problemAt(Field field) {
        WrappingLabel problem = Cards.problem("officeUsers-" + field.name().toLowerCase(Locale.ROOT) + "-problem");
        problem.contentProperty().bind(Bindings.when(model.problemFieldProperty().isEqualTo(field))
                .then(model.problemProperty()).otherwise(""));
        return problem;
    }

    /**
     * Esc goes back; Enter on a role's check box adds the user (as Enter in the form's fields does),
     * Enter in the list goes to the new password, Enter on a button presses it.
     */
    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            model.back();
            return;
        }
        if (e.getCode() != KeyCode.ENTER || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.getTarget() instanceof CheckBox) {
            e.consume();
            model.add();
        } else if (e.getTarget() == list && list.getSelectionModel().getSelectedItem() != null) {
            e.consume();
            focusFor.get(Field.RESET_PASSWORD).requestFocus();
        } else if (e.getTarget() instanceof ButtonBase button && !button.isDisabled()) {
            e.consume();
            button.fire();
        }
    }

    /**
     * The new user's name, where an office's admin starts (the list is Shift+Tab away). The form sits
     * in a scroll pane, whose content joins the scene only when the pane's skin is made (at the next
     * pulse): until then the focus is asked for as soon as it has.
     */
    public void focusFirst() {
        if (firstOfForm.getScene() != null) {
            firstOfForm.requestFocus();
            return;
        }
        firstOfForm.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene was,
                    javafx.scene.Scene is) {
                if (is != null) {
                    o.removeListener(this);
                    javafx.application.Platform.runLater(firstOfForm::requestFocus);
                }
            }
        });
    }

    /** A user in the list: name and user name, then position, roles and whether active. */
    private static final class UserCell extends ListCell<Row> {
        // not Label.setWrapText: its first line of wrapped Thai runs past the width (see WrappingLabel)
        private final WrappingLabel title = new WrappingLabel();
        private final WrappingLabel details = new WrappingLabel();
        private final VBox box = new VBox(2, title, details);

        UserCell() {
            title.getStyleClass().add("user-title");
            details.getStyleClass().add("user-details");
            setPrefWidth(0); // wraps to the list's width instead of widening it
            // the lines wrap at the cell's width less its padding (else a long line runs past the list's edge)
            box.setMinWidth(0);
            box.prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - 2), widthProperty(), paddingProperty()));
            box.maxWidthProperty().bind(box.prefWidthProperty());
            title.setMinWidth(0);
            details.setMinWidth(0);
            getStyleClass().add("user-cell");
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                pseudoClassStateChanged(INACTIVE, false);
                return;
            }
            title.setContent(row.title());
            details.setContent(row.details());
            setText(null);
            setGraphic(box);
            pseudoClassStateChanged(INACTIVE, !row.user().active());
        }
    }
}
