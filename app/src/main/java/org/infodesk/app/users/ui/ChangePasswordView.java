package org.infodesk.app.users.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.app.users.ui.ChangePasswordViewModel.Field;

/**
 * After a sign-in with a password an admin chose: the user's own password, typed twice. Each
 * problem stands under the field to fix, which takes the focus. Keyboard: Tab between the fields;
 * Enter in either saves. Binds only.
 */
public final class ChangePasswordView extends BorderPane {

    private final Map<Field, PasswordField> inputs = new EnumMap<>(Field.class);

    public ChangePasswordView(ChangePasswordViewModel model) {
        Messages m = model.messages();
        getStyleClass().add("change-password");
        getStylesheets().add(ChangePasswordView.class.getResource("users.css").toExternalForm());

        WrappingLabel intro = new WrappingLabel(model.intro());
        intro.setId("changePasswordIntro");
        VBox card = Cards.card(m.get("changePassword.title"), intro);
        add(card, model, Field.NEW, m.get("changePassword.new"), model.passwordProperty());
        WrappingLabel rule = new WrappingLabel(model.passwordRule());
        rule.getStyleClass().add("card-hint");
        card.getChildren().add(rule);
        add(card, model, Field.CONFIRM, m.get("changePassword.confirm"), model.confirmProperty());
        Button submit = new Button(m.get("changePassword.submit"));
        submit.setId("changePassword");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add("sign-in-button");
        submit.setOnAction(e -> model.submit());
        submit.disableProperty().bind(model.busyProperty());
        WrappingLabel general = Cards.problem("changePasswordProblem");
        general.contentProperty().bind(Bindings.when(model.problemFieldProperty().isNull())
                .then(model.problemProperty()).otherwise(""));
        card.getChildren().addAll(submit, general);
        model.problemFieldProperty().addListener((o, was, is) -> {
            if (is != null) {
                inputs.get(is).requestFocus();
                inputs.get(is).selectAll();
            }
        });
        setCenter(Cards.centred(card));
        Keys.enterPressesFocusedButton(this);
    }

    private void add(VBox card, ChangePasswordViewModel model, Field field, String label, StringProperty value) {
        String id = "changePassword-" + field.name().toLowerCase(java.util.Locale.ROOT);
        PasswordField input = new PasswordField();
        input.setId(id);
        input.textProperty().bindBidirectional(value);
        input.disableProperty().bind(model.busyProperty());
        input.setOnAction(e -> model.submit());
        WrappingLabel problem = Cards.problem(id + "-problem");
        problem.contentProperty().bind(Bindings.when(model.problemFieldProperty().isEqualTo(field))
                .then(model.problemProperty()).otherwise(""));
        inputs.put(field, input);
        card.getChildren().addAll(Cards.labelled(label, input), problem);
    }

    /** The new password, where the step starts. */
    public void focusFirst() {
        inputs.get(Field.NEW).requestFocus();
    }
}
