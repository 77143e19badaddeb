package org.infodesk.app.users.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.app.users.ui.FirstRunViewModel.Field;

/**
 * First run: creates the first LAO admin. Each problem stands under the field to fix, which takes
 * the focus. Keyboard: Tab between the fields; Enter in any field submits. Binds only.
 */
public final class FirstRunView extends BorderPane {

    private final Map<Field, TextInputControl> inputs = new EnumMap<>(Field.class);

    public FirstRunView(FirstRunViewModel model) {
        Messages m = model.messages();
        getStyleClass().add("first-run");
        getStylesheets().add(FirstRunView.class.getResource("users.css").toExternalForm());

        WrappingLabel intro = new WrappingLabel(m.get("firstRun.intro"));
        VBox card = Cards.card(m.get("firstRun.title"), intro);
        add(card, model, Field.USERNAME, new TextField(), m.get("firstRun.username"), model.usernameProperty());
        add(card, model, Field.DISPLAY_NAME, new TextField(), m.get("firstRun.displayName"), model.displayNameProperty());
        add(card, model, Field.POSITION, new TextField(), m.get("firstRun.position"), model.positionProperty());
        add(card, model, Field.PASSWORD, new PasswordField(), m.get("firstRun.password"), model.passwordProperty());
        WrappingLabel rule = new WrappingLabel(model.passwordRule());
        rule.getStyleClass().add("card-hint");
        card.getChildren().add(rule);
        add(card, model, Field.CONFIRM, new PasswordField(), m.get("firstRun.confirm"), model.confirmProperty());
        Button submit = new Button(m.get("firstRun.submit"));
        submit.setId("createAdmin");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add("sign-in-button");
        submit.setOnAction(e -> model.submit());
        submit.disableProperty().bind(model.busyProperty());
        WrappingLabel general = Cards.problem("firstRunProblem");
        general.contentProperty().bind(javafx.beans.binding.Bindings.when(model.problemFieldProperty().isNull())
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

    private void add(VBox card, FirstRunViewModel model, Field field, TextInputControl input, String label,
            javafx.beans.property.StringProperty value) {
        String id = "firstRun-" + field.name().toLowerCase(java.util.Locale.ROOT);
        input.setId(id);
        input.textProperty().bindBidirectional(value);
        input.disableProperty().bind(model.busyProperty());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                model.submit();
            }
        });
        WrappingLabel problem = Cards.problem(id + "-problem");
        problem.contentProperty().bind(javafx.beans.binding.Bindings.when(model.problemFieldProperty().isEqualTo(field))
                .then(model.problemProperty()).otherwise(""));
        inputs.put(field, input);
        card.getChildren().addAll(Cards.labelled(label, (javafx.scene.control.Control) input), problem);
    }

    /** The user name, where the form starts. */
    public void focusFirst() {
        inputs.get(Field.USERNAME).requestFocus();
    }
}
