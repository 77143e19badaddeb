package org.infodesk.app.users.ui;

import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * The sign-in screen, at start or as the lock screen (its header says which). Keyboard: Tab
 * between the fields; Enter in the user name goes to the password (or signs in when it is
 * typed); Enter in the password signs in. Binds only.
 */
public final class SignInView extends BorderPane {

    private static final javafx.css.PseudoClass INFO = javafx.css.PseudoClass.getPseudoClass("info");

    private final SignInViewModel model;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();

    public SignInView(SignInViewModel model) {
        this.model = model;
        Messages m = model.messages();
        getStyleClass().add("sign-in");
        getStylesheets().add(SignInView.class.getResource("users.css").toExternalForm());

        WrappingLabel header = new WrappingLabel(model.header());
        header.setId("signInHeader");
        header.getStyleClass().add("sign-in-header");
        username.setId("username");
        username.textProperty().bindBidirectional(model.usernameProperty());
        username.setOnAction(e -> {
            if (password.getText().isEmpty()) {
                password.requestFocus();
            } else {
                model.signIn();
            }
        });
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.signIn());
        Button signIn = new Button(m.get("signIn.submit"));
        signIn.setId("signIn");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.getStyleClass().add("sign-in-button");
        signIn.setOnAction(e -> model.signIn());
        WrappingLabel message = Cards.problem("signInMessage");
        message.contentProperty().bind(model.messageProperty());
        message.pseudoClassStateChanged(INFO, !model.problemProperty().get());
        model.problemProperty().addListener((o, was, is) -> message.pseudoClassStateChanged(INFO, !is));
        for (var control : new javafx.scene.Node[] {username, password, signIn}) {
            control.disableProperty().bind(model.busyProperty());
        }
        model.retryProperty().addListener((o, was, is) -> focusFirst());

        VBox card = Cards.card(m.get("signIn.title"), header);
        card.getChildren().addAll(Cards.labelled(m.get("signIn.username"), username),
                Cards.labelled(m.get("signIn.password"), password), signIn, message);
        setCenter(Cards.centred(card));
        Keys.enterPressesFocusedButton(this);
    }

    /** The password when the user name is known (the lock screen, a refused attempt), else the user name. */
    public void focusFirst() {
        if (model.usernameProperty().get().isBlank()) {
            username.requestFocus();
        } else {
            password.requestFocus();
        }
    }
}
