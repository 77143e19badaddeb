package org.infodesk.app.sync.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * The enrolment screen: the server's address, the one-time code, the proxy, the enrol button and
 * what came of it. Keyboard: Tab between the fields, Enter on the code enrols, Esc goes back.
 * Binds only.
 */
public final class EnrolmentView extends BorderPane {

    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");
    private static final javafx.css.PseudoClass DONE = javafx.css.PseudoClass.getPseudoClass("done");

    private final EnrolmentViewModel model;
    private final TextField address = new TextField();
    private final TextField code = new TextField();
    private final TextField proxyHost = new TextField();
    private final Button enrol;

    public EnrolmentView(EnrolmentViewModel model, Runnable back) {
        this(model, back, null);
    }

    /** @param openSync opens the sync screen (offered once enrolled); null: not offered */
    public EnrolmentView(EnrolmentViewModel model, Runnable back, Runnable openSync) {
        this.model = model;
        Messages m = model.messages();
        getStyleClass().add("sync-screen");
        getStylesheets().add(EnrolmentView.class.getResource("sync.css").toExternalForm());

        Button backButton = new Button(m.get("sync.back"));
        backButton.setId("enrolBack");
        backButton.setOnAction(e -> back.run());
        Label title = new Label(m.get("enrol.title"));
        title.setId("enrolTitle");
        title.getStyleClass().add("sync-title");
        HBox header = new HBox(16, backButton, title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        WrappingLabel intro = new WrappingLabel(m.get("enrol.intro"));
        intro.getStyleClass().add("sync-hint");
        WrappingLabel current = new WrappingLabel();
        current.setId("enrolCurrent");
        current.contentProperty().bind(model.currentProperty());
        current.getStyleClass().add("sync-current");
        // once enrolled here, the result below says it: not twice
        current.visibleProperty().bind(model.outcomeProperty().isNotEqualTo(EnrolmentViewModel.Outcome.ENROLLED));
        current.managedProperty().bind(current.visibleProperty());

        address.setId("serverAddress");
        address.setPromptText(m.get("enrol.address.prompt"));
        address.textProperty().bindBidirectional(model.addressProperty());
        address.setOnAction(e -> code.requestFocus());
        code.setId("enrolmentCode");
        code.setPromptText(m.get("enrol.code.prompt"));
        code.textProperty().bindBidirectional(model.codeProperty());
        code.setOnAction(e -> model.enrol());

        ToggleGroup modes = new ToggleGroup();
        RadioButton system = radio(m.get("enrol.proxy.SYSTEM"), "proxySystem", ProxySettings.Mode.SYSTEM, modes);
        RadioButton none = radio(m.get("enrol.proxy.NONE"), "proxyNone", ProxySettings.Mode.NONE, modes);
        RadioButton manual = radio(m.get("enrol.proxy.MANUAL"), "proxyManual", ProxySettings.Mode.MANUAL, modes);
        selectMode(modes, model.proxyModeProperty().get());
        model.proxyModeProperty().addListener((o, was, is) -> selectMode(modes, is));
        modes.selectedToggleProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.proxyModeProperty().set((ProxySettings.Mode) is.getUserData());
            }
        });
        proxyHost.setId("proxyHost");
        proxyHost.textProperty().bindBidirectional(model.proxyHostProperty());
        TextField proxyPort = new TextField();
        proxyPort.setId("proxyPort");
        proxyPort.setPrefColumnCount(6);
        proxyPort.textProperty().bindBidirectional(model.proxyPortProperty());
        TextField proxyUser = new TextField();
        proxyUser.setId("proxyUser");
        proxyUser.textProperty().bindBidirectional(model.proxyUserProperty());
        PasswordField proxyPassword = new PasswordField();
        proxyPassword.setId("proxyPassword");
        proxyPassword.textProperty().bindBidirectional(model.proxyPasswordProperty());
        // one line: host, port, user, password (the screen fits a 1366x768 window without scrolling)
        HBox manualFields = new HBox(8, labelled(m.get("enrol.proxy.host"), proxyHost),
                labelled(m.get("enrol.proxy.port"), proxyPort), labelled(m.get("enrol.proxy.user"), proxyUser),
                labelled(m.get("enrol.proxy.password"), proxyPassword));
        HBox.setHgrow(manualFields.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(manualFields.getChildren().get(2), Priority.SOMETIMES);
        HBox.setHgrow(manualFields.getChildren().get(3), Priority.SOMETIMES);
        manualFields.setPadding(new Insets(0, 0, 0, 28));
        manualFields.disableProperty().bind(model.proxyModeProperty().isNotEqualTo(ProxySettings.Mode.MANUAL));
        VBox proxy = new VBox(6, new Label(m.get("enrol.proxy")), system, none, manual, manualFields);

        enrol = new Button(m.get("enrol.submit"));
        enrol.setId("enrol");
        enrol.getStyleClass().add("sync-primary");
        enrol.setOnAction(e -> model.enrol());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(22, 22);
        working.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(12, enrol, working);
        if (openSync != null) {
            Button toSync = new Button(m.get("enrol.toSync"));
            toSync.setId("enrolledToSync");
            toSync.setOnAction(e -> openSync.run());
            toSync.visibleProperty().bind(model.outcomeProperty().isEqualTo(EnrolmentViewModel.Outcome.ENROLLED));
            toSync.managedProperty().bind(toSync.visibleProperty());
            actions.getChildren().add(toSync);
        }
        actions.setAlignment(Pos.CENTER_LEFT);

        WrappingLabel result = WrappingLabel.shownWhileSet("enrolResult", "sync-result", model.messageProperty());
        Runnable mark = () -> {
            result.pseudoClassStateChanged(PROBLEM, model.outcomeProperty().get() == EnrolmentViewModel.Outcome.PROBLEM);
            result.pseudoClassStateChanged(DONE, model.outcomeProperty().get() == EnrolmentViewModel.Outcome.ENROLLED);
        };
        model.outcomeProperty().addListener((o, was, is) -> mark.run());
        model.fieldProperty().addListener((o, was, is) -> {
            switch (is) {
                case ADDRESS -> address.requestFocus();
                case CODE -> code.requestFocus();
                case PROXY -> (model.proxyModeProperty().get() == ProxySettings.Mode.MANUAL ? proxyHost : manual).requestFocus();
                default -> { }
            }
        });
        for (Node input : new Node[] {address, code, system, none, manual, enrol}) {
            input.disableProperty().bind(model.busyProperty());
        }

        VBox form = new VBox(12, intro, current, labelled(m.get("enrol.address"), address), labelled(m.get("enrol.code"), code),
                proxy, actions, result);
        form.setPadding(new Insets(16, 24, 24, 24));
        form.setMaxWidth(760);
        form.getStyleClass().add("sync-card");
        VBox centre = new VBox(form);
        centre.setPadding(new Insets(12, 16, 12, 16));
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        setCenter(scroll);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back.run();
            }
        });
        Keys.enterPressesFocusedButton(this);
    }

    private static RadioButton radio(String text, String id, ProxySettings.Mode mode, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setUserData(mode);
        r.setToggleGroup(group);
        return r;
    }

    private static void selectMode(ToggleGroup group, ProxySettings.Mode mode) {
        group.getToggles().stream().filter(t -> t.getUserData() == mode).findFirst().ifPresent(group::selectToggle);
    }

    private static VBox labelled(String label, javafx.scene.control.Control field) {
        WrappingLabel name = new WrappingLabel(label);
        name.setLabelFor(field);
        VBox box = new VBox(3, name, field);
        field.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** The address when it is empty, else the code (or the enrol button when both are filled). */
    public void focusFirst() {
        if (model.addressProperty().get().isBlank()) {
            address.requestFocus();
        } else if (model.codeProperty().get().isBlank()) {
            code.requestFocus();
        } else {
            enrol.requestFocus();
        }
    }

    static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
