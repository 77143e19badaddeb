package org.infodesk.app.relay.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * The main screen of a district office's PC: import bundles (a folder, chosen files, or files
 * dropped anywhere on the screen), each refused file with its reason; send with a progress bar
 * and, when the link is down, what is wrong; export the receipts bundles; what is carried, LAO by
 * LAO. A button opens the district status board when the shell gives one. Binds only.
 */
public final class DistrictRelayView extends BorderPane {

    /** The dialogs the screen asks the shell for; each returns null when the user cancels. */
    public interface Choosers {
        /** A folder to import every bundle of. */
        Path folder(String title);

        /** Bundle files to import. */
        List<Path> files(String title);

        /** The folder to write the receipts bundles into. */
        Path receiptsFolder(String title);
    }

    private final Button importFolder;

    /**
     * @param title      the screen's heading (names the district)
     * @param statusBoard opens the district status board; null: no such button
     * @param enrol      opens the enrolment screen
     */
    public DistrictRelayView(DistrictRelayViewModel model, String title, Choosers choosers, StatusBoardOpener statusBoard,
            Runnable enrol, Runnable switchLanguage) {
        Messages m = model.messages();
        getStyleClass().add("relay-screen");
        getStylesheets().add(DistrictRelayView.class.getResource("relay.css").toExternalForm());

        Label heading = new Label(title);
        heading.setId("districtTitle");
        heading.getStyleClass().add("relay-title");
        heading.setTextOverrun(OverrunStyle.ELLIPSIS);
        heading.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, heading, grow);
        if (statusBoard != null) {
            Button board = new Button(m.get("district.statusBoard"));
            board.setId("statusBoard");
            board.setOnAction(e -> statusBoard.open());
            board.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(board);
        }
        Button enrolButton = new Button(m.get("district.enrol"));
        enrolButton.setId("districtEnrol");
        enrolButton.setOnAction(e -> enrol.run());
        enrolButton.setMinWidth(Region.USE_PREF_SIZE);
        Button language = new Button(m.get("action.switchLanguage"));
        language.setId("districtLanguage");
        language.setOnAction(e -> switchLanguage.run());
        language.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().addAll(enrolButton, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        importFolder = new Button(m.get("district.importFolder"));
        importFolder.setId("importFolder");
        importFolder.getStyleClass().add("relay-primary");
        importFolder.disableProperty().bind(model.importingProperty());
        importFolder.setOnAction(e -> {
            Path folder = choosers.folder(m.get("district.importFolder.title"));
            if (folder != null) {
                model.importPaths(List.of(folder));
            }
        });
        Button importFiles = new Button(m.get("district.importFiles"));
        importFiles.setId("importFiles");
        importFiles.disableProperty().bind(model.importingProperty());
        importFiles.setOnAction(e -> {
            List<Path> files = choosers.files(m.get("district.importFiles.title"));
            if (files != null && !files.isEmpty()) {
                model.importPaths(files);
            }
        });
        Button send = new Button(m.get("district.send"));
        send.setId("relaySend");
        send.getStyleClass().add("relay-primary");
        send.disableProperty().bind(model.importingProperty());
        send.setOnAction(e -> model.send());
        Button receipts = new Button(m.get("district.exportReceipts"));
        receipts.setId("exportReceipts");
        receipts.setOnAction(e -> {
            Path folder = choosers.receiptsFolder(m.get("district.exportReceipts.title"));
            if (folder != null) {
                model.exportReceipts(folder);
            }
        });
        Label drop = new Label(m.get("district.drop"));
        drop.getStyleClass().add("relay-hint");
        drop.setMinWidth(0);
        drop.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox commands = new HBox(10, importFolder, importFiles, send, receipts, drop);
        commands.setAlignment(Pos.CENTER_LEFT);

        ProgressBar importBar = new ProgressBar();
        importBar.setId("importProgress");
        importBar.setPrefWidth(240);
        importBar.setMinWidth(160);
        importBar.progressProperty().bind(model.importProgressProperty());
        importBar.visibleProperty().bind(model.importingProperty());
        importBar.managedProperty().bind(importBar.visibleProperty());
        WrappingLabel importText = new WrappingLabel();
        importText.setId("importText");
        importText.contentProperty().bind(model.importTextProperty());
        HBox.setHgrow(importText, Priority.ALWAYS);
        HBox importLine = new HBox(12, importBar, importText);
        importLine.setAlignment(Pos.CENTER_LEFT);
        importLine.visibleProperty().bind(model.importTextProperty().isNotEmpty());
        importLine.managedProperty().bind(importLine.visibleProperty());

        VBox refused = new VBox(4);
        refused.setId("refusedFiles");
        Runnable fillRefused = () -> {
            refused.getChildren().clear();
            int i = 0;
            for (DistrictRelayViewModel.RefusedFile f : model.refusedFiles()) {
                WrappingLabel line = new WrappingLabel(f.reason());
                line.setId("refusedFile-" + i++);
                line.getStyleClass().add("relay-problem");
                refused.getChildren().add(line);
            }
        };
        model.refusedFiles().addListener((ListChangeListener<DistrictRelayViewModel.RefusedFile>) c -> fillRefused.run());
        ScrollPane refusedScroll = new ScrollPane(refused);
        refusedScroll.setFitToWidth(true);
        refusedScroll.setMaxHeight(110);
        refusedScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.refusedFiles()));
        refusedScroll.managedProperty().bind(refusedScroll.visibleProperty());

        Label phase = new Label();
        phase.setId("relayPhase");
        phase.getStyleClass().add("relay-phase");
        phase.textProperty().bind(model.phaseProperty());
        phase.setMinWidth(0);
        phase.setTextOverrun(OverrunStyle.ELLIPSIS);
        ProgressBar progress = new ProgressBar();
        progress.setId("relayProgress");
        progress.setPrefWidth(240);
        progress.setMinWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        Label progressText = new Label();
        progressText.setId("relayProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        HBox sendLine = new HBox(12, progress, progressText, phase);
        sendLine.setAlignment(Pos.CENTER_LEFT);
        WrappingLabel trouble = WrappingLabel.shownWhileSet("relayTrouble", "relay-problem", model.troubleProperty());
        WrappingLabel exported = WrappingLabel.shownWhileSet("receiptsExported", "relay-done", model.exportedProperty());
        VBox summary = new VBox(8, commands, importLine, refusedScroll, sendLine, trouble, exported);
        summary.setPadding(new Insets(12, 16, 8, 16));

        VBox rows = new VBox();
        rows.setId("carriedLaos");
        Label empty = new Label(m.get("district.empty"));
        empty.getStyleClass().add("relay-hint");
        empty.setPadding(new Insets(8));
        Runnable fill = () -> {
            rows.getChildren().clear();
            if (model.laos().isEmpty()) {
                rows.getChildren().add(empty);
            }
            for (DistrictRelayViewModel.Lao lao : model.laos()) {
                rows.getChildren().add(laoRow(lao, m));
            }
        };
        fill.run();
        model.laos().addListener((ListChangeListener<DistrictRelayViewModel.Lao>) c -> fill.run());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("relay-list");
        Label listTitle = new Label(m.get("district.carried"));
        listTitle.getStyleClass().add("relay-subtitle");
        VBox list = new VBox(6, listTitle, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        list.setPadding(new Insets(0, 16, 12, 16));
        VBox centre = new VBox(summary, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        setCenter(centre);

        // files dropped anywhere on the screen are imported
        addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !model.importingProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!getStyleClass().contains("relay-drop")) {
                    getStyleClass().add("relay-drop");
                }
            }
            e.consume();
        });
        addEventHandler(DragEvent.DRAG_EXITED, e -> getStyleClass().remove("relay-drop"));
        addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            getStyleClass().remove("relay-drop");
            boolean taken = false;
            if (e.getDragboard().hasFiles()) {
                List<Path> paths = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    paths.add(f.toPath());
                }
                model.importPaths(paths);
                taken = true;
            }
            e.setDropCompleted(taken);
            e.consume();
        });
        Keys.enterPressesFocusedButton(this);
    }

    private static VBox laoRow(DistrictRelayViewModel.Lao lao, Messages m) {
        Label title = new Label(lao.title());
        title.setId("laoTitle-" + lao.laoCode());
        title.getStyleClass().add("relay-lao-title");
        title.setMinWidth(0);
        title.setTextOverrun(OverrunStyle.ELLIPSIS);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Label counts = new Label(lao.counts());
        counts.setId("laoCounts-" + lao.laoCode());
        counts.getStyleClass().add(lao.allDelivered() ? "relay-delivered" : "relay-detail");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(12, title, counts);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(6, 8, 6, 8));
        head.getStyleClass().add("relay-lao");
        VBox box = new VBox(head);
        box.setId("lao-" + lao.laoCode());
        for (DistrictRelayViewModel.Item item : lao.items()) {
            box.getChildren().add(itemRow(item, m));
        }
        return box;
    }

    private static VBox itemRow(DistrictRelayViewModel.Item item, Messages m) {
        Label domain = new Label(m.get("sync.item.domain", item.domain(), item.revision()));
        domain.setMinWidth(0);
        domain.setTextOverrun(OverrunStyle.ELLIPSIS);
        domain.setPrefWidth(360);
        Label state = new Label(item.state());
        state.setId("relayState-" + item.submissionId());
        state.getStyleClass().addAll("relay-state", "relay-" + item.kind().name().toLowerCase(Locale.ROOT));
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, domain, state);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!item.detail().isEmpty() && item.kind() != DistrictRelayViewModel.Kind.REFUSED) {
            Label detail = new Label(item.detail());
            detail.setId("relayDetail-" + item.submissionId());
            detail.getStyleClass().add("relay-detail");
            detail.setMinWidth(0);
            detail.setTextOverrun(OverrunStyle.ELLIPSIS);
            top.getChildren().add(detail);
        }
        VBox row = new VBox(2, top);
        if (item.kind() == DistrictRelayViewModel.Kind.REFUSED) {
            WrappingLabel reason = new WrappingLabel(item.detail());
            reason.setId("relayDetail-" + item.submissionId());
            reason.getStyleClass().add("relay-refused");
            row.getChildren().add(reason);
        }
        row.setPadding(new Insets(3, 8, 3, 24));
        row.getStyleClass().add("relay-row");
        return row;
    }

    /** Import a folder has the focus. */
    public void focusFirst() {
        importFolder.requestFocus();
    }
}
