package org.infodesk.app.sync.ui;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * The sync screen: what is happening and what is wrong (with what to do), the progress, the last
 * delivery, the commands (send now, pause / resume, export the log, enrol again), and the outbox
 * item by item. Esc goes back. Binds only.
 */
public final class SyncView extends BorderPane {

    private final Button sendNow;

    /**
     * @param chooseLogFile asks where to write the log export (a file dialog), null when the user cancels
     * @param enrol         opens the enrolment screen
     */
    public SyncView(SyncViewModel model, Runnable back, Runnable enrol, Function<String, Path> chooseLogFile) {
        this(model, back, enrol, chooseLogFile, null);
    }

    /** @param carry opens the carry-by-USB screen (issue 8); null: no such button */
    public SyncView(SyncViewModel model, Runnable back, Runnable enrol, Function<String, Path> chooseLogFile, Runnable carry) {
        Messages m = model.messages();
        getStyleClass().add("sync-screen");
        getStylesheets().add(SyncView.class.getResource("sync.css").toExternalForm());

        Button backButton = new Button(m.get("sync.back"));
        backButton.setId("syncBack");
        backButton.setOnAction(e -> back.run());
        Label title = new Label(m.get("sync.title"));
        title.setId("syncTitle");
        title.getStyleClass().add("sync-title");
        sendNow = new Button(m.get("sync.sendNow"));
        sendNow.setId("sendNow");
        sendNow.getStyleClass().add("sync-primary");
        sendNow.setOnAction(e -> model.sendNow());
        sendNow.disableProperty().bind(model.enrolledProperty().not());
        Button pause = new Button();
        pause.setId("pauseResume");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(model.pausedProperty())
                .then(m.get("sync.resume")).otherwise(m.get("sync.pause")));
        pause.setOnAction(e -> model.pauseOrResume());
        pause.disableProperty().bind(model.enrolledProperty().not());
        Button export = new Button(m.get("sync.exportLog"));
        export.setId("exportLog");
        export.setOnAction(e -> {
            Path target = chooseLogFile.apply(m.get("sync.exportLog.title"));
            if (target != null) {
                model.exportLog(target);
            }
        });
        Button enrolAgain = new Button(m.get("sync.enrol"));
        enrolAgain.setId("enrolAgain");
        enrolAgain.setOnAction(e -> enrol.run());
        // not enrolled, or the server no longer takes this PC: the way out stands out
        javafx.css.PseudoClass needed = javafx.css.PseudoClass.getPseudoClass("needed");
        enrolAgain.pseudoClassStateChanged(needed, model.needsEnrolmentProperty().get());
        model.needsEnrolmentProperty().addListener((o, was, is) -> enrolAgain.pseudoClassStateChanged(needed, is));
        HBox header = new HBox(12, backButton, title, EnrolmentView.grow(), enrolAgain, sendNow, pause, export);

        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        Label phase = new Label();
        phase.setId("syncPhase");
        phase.getStyleClass().add("sync-phase");
        phase.textProperty().bind(model.phaseProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("syncProgress");
        progress.setPrefWidth(320);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("syncProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        Label last = new Label();
        last.setId("lastSuccess");
        last.textProperty().bind(model.lastSuccessProperty());
        HBox progressLine = new HBox(12, progress, progressText, last);
        if (carry != null) { // no link at the office: carry the certified domains on a USB stick (issue 8)
            Button carryButton = new Button(m.get("sync.carry"));
            carryButton.setId("openCarry");
            carryButton.setOnAction(e -> carry.run());
            carryButton.setMinWidth(Button.USE_PREF_SIZE);
            progressLine.getChildren().addAll(EnrolmentView.grow(), carryButton);
        }
        progressLine.setAlignment(Pos.CENTER_LEFT);
        WrappingLabel trouble = WrappingLabel.shownWhileSet("syncTrouble", "sync-trouble", model.troubleProperty());
        WrappingLabel exported = WrappingLabel.shownWhileSet("exported", "sync-hint", model.exportedProperty());
        VBox summary = new VBox(8, phase, progressLine, trouble, exported);
        summary.setPadding(new Insets(12, 16, 8, 16));

        VBox rows = new VBox();
        rows.setId("syncItems");
        rows.getStyleClass().add("sync-items");
        Label empty = new Label(m.get("sync.empty"));
        empty.getStyleClass().add("sync-hint");
        Runnable fill = () -> {
            rows.getChildren().clear();
            if (model.lines().isEmpty()) {
                rows.getChildren().add(empty);
            }
            for (SyncViewModel.Line line : model.lines()) {
                rows.getChildren().add(row(line, m));
            }
        };
        fill.run();
        model.lines().addListener((ListChangeListener<SyncViewModel.Line>) c -> fill.run());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        Label listTitle = new Label(m.get("sync.items"));
        listTitle.getStyleClass().add("sync-subtitle");
        VBox list = new VBox(6, listTitle, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        list.setPadding(new Insets(0, 16, 12, 16));
        VBox centre = new VBox(summary, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        setCenter(centre);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back.run();
            }
        });
        Keys.enterPressesFocusedButton(this);
    }

    private static VBox row(SyncViewModel.Line line, Messages m) {
        Label domain = new Label(m.get("sync.item.domain", line.domain(), line.revision()));
        domain.getStyleClass().add("sync-item-domain");
        domain.setTextOverrun(OverrunStyle.ELLIPSIS);
        domain.setMinWidth(120);
        HBox.setHgrow(domain, Priority.ALWAYS);
        domain.setMaxWidth(Double.MAX_VALUE);
        Label state = new Label(line.state());
        state.setId("itemState-" + line.submissionId());
        state.getStyleClass().addAll("sync-item-state", "sync-item-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
        state.setMinWidth(Label.USE_PREF_SIZE);
        HBox top = new HBox(12, domain, state);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, top);
        if (!line.detail().isEmpty()) {
            WrappingLabel detail = new WrappingLabel(line.detail());
            detail.setId("itemDetail-" + line.submissionId());
            detail.getStyleClass().add("sync-item-detail");
            row.getChildren().add(detail);
        }
        row.setId("item-" + line.submissionId());
        row.getStyleClass().add("sync-item");
        row.setPadding(new Insets(6, 8, 6, 8));
        return row;
    }

    /** Send now has the focus. */
    public void focusFirst() {
        sendNow.requestFocus();
    }
}
