package org.infodesk.app.relay.ui;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * An LAO office's "carry by USB" screen: the certified submissions not yet delivered, each with a
 * check box; export the chosen ones to a folder (a USB stick), import the receipts bundle that
 * comes back; what happened, or why not and what to do. Esc goes back. Binds only.
 */
public final class CarryView extends BorderPane {

    private final Button export;

    /**
     * @param chooseFolder asks for the folder to write the bundle in (a directory dialog), null when cancelled
     * @param chooseFile   asks for the receipts bundle to import (a file dialog), null when cancelled
     */
    public CarryView(CarryViewModel model, Runnable back, Function<String, Path> chooseFolder, Function<String, Path> chooseFile) {
        Messages m = model.messages();
        getStyleClass().add("relay-screen");
        getStylesheets().add(CarryView.class.getResource("relay.css").toExternalForm());

        Button backButton = new Button(m.get("carry.back"));
        backButton.setId("carryBack");
        backButton.setOnAction(e -> back.run());
        Label title = new Label(m.get("carry.title"));
        title.setId("carryTitle");
        title.getStyleClass().add("relay-title");
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        title.setMinWidth(0);
        HBox header = new HBox(12, backButton, title);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        WrappingLabel intro = new WrappingLabel(m.get("carry.intro"));
        intro.getStyleClass().add("relay-hint");

        Button all = new Button(m.get("carry.chooseAll"));
        all.setId("carryAll");
        all.setOnAction(e -> model.chooseAll(true));
        Button none = new Button(m.get("carry.chooseNone"));
        none.setId("carryNone");
        none.setOnAction(e -> model.chooseAll(false));
        Label chosen = new Label();
        chosen.setId("carryChosen");
        chosen.textProperty().bind(model.chosenTextProperty());
        HBox choosing = new HBox(8, all, none, chosen);
        choosing.setAlignment(Pos.CENTER_LEFT);

        export = new Button(m.get("carry.export"));
        export.setId("carryExport");
        export.getStyleClass().add("relay-primary");
        export.disableProperty().bind(model.noneChosenProperty().or(model.busyProperty()));
        export.setOnAction(e -> {
            Path folder = chooseFolder.apply(m.get("carry.export.title"));
            if (folder != null) {
                model.exportTo(folder);
            }
        });
        Label suggested = new Label();
        suggested.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> m.get("carry.fileName", model.suggestedNameProperty().get()), model.suggestedNameProperty()));
        suggested.getStyleClass().add("relay-hint");
        suggested.setMinWidth(0);
        suggested.setTextOverrun(OverrunStyle.ELLIPSIS);
        Button receipts = new Button(m.get("carry.receipts"));
        receipts.setId("carryReceipts");
        receipts.disableProperty().bind(model.busyProperty());
        receipts.setOnAction(e -> {
            Path file = chooseFile.apply(m.get("carry.receipts.title"));
            if (file != null) {
                model.importReceipts(file);
            }
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox commands = new HBox(12, export, suggested, gap, busy, receipts);
        commands.setAlignment(Pos.CENTER_LEFT);

        WrappingLabel result = WrappingLabel.shownWhileSet("carryResult", "relay-done", model.resultProperty());
        WrappingLabel problem = WrappingLabel.shownWhileSet("carryProblem", "relay-problem", model.problemProperty());
        VBox top = new VBox(10, intro, commands, result, problem, choosing);
        top.setPadding(new Insets(12, 16, 8, 16));

        VBox rows = new VBox();
        rows.setId("carryItems");
        Runnable fill = () -> {
            rows.getChildren().clear();
            for (CarryViewModel.Line line : model.lines()) {
                rows.getChildren().add(row(line, m));
            }
        };
        fill.run();
        model.lines().addListener((ListChangeListener<CarryViewModel.Line>) c -> fill.run());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("relay-list");
        VBox list = new VBox(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        list.setPadding(new Insets(0, 16, 12, 16));
        VBox centre = new VBox(top, list);
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

    private static HBox row(CarryViewModel.Line line, Messages m) {
        CheckBox box = new CheckBox(m.get("carry.item", line.domain(), line.revision()));
        box.setId("carry-" + line.submissionId());
        box.selectedProperty().bindBidirectional(line.chosenProperty());
        box.setMinWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        Label certified = new Label(m.get("carry.certifiedAt", line.certified()));
        certified.getStyleClass().add("relay-detail");
        certified.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(12, box, certified);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 8, 6, 8));
        row.getStyleClass().add("relay-row");
        return row;
    }

    /** The export button has the focus. */
    public void focusFirst() {
        export.requestFocus();
    }
}
