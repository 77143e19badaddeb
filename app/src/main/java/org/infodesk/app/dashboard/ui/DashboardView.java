package org.infodesk.app.dashboard.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.dashboard.DomainProgress.Summary;
import org.infodesk.app.i18n.Messages;

/** The main window's content: a header, the table of the 8 domains, a status bar. Binds only. */
public final class DashboardView extends BorderPane {

    public DashboardView(DashboardViewModel model, Runnable switchLanguage) {
        this(model, switchLanguage, id -> { });
    }

    /** @param open called with a domain id when the user opens a domain (Enter or double-click) */
    public DashboardView(DashboardViewModel model, Runnable switchLanguage, java.util.function.Consumer<String> open) {
        Messages m = model.messages();
        getStyleClass().add("dashboard");

        Label app = new Label(m.get("app.name"));
        app.getStyleClass().add("app-name");
        Label lao = new Label();
        lao.setId("laoLine");
        lao.textProperty().bind(model.laoLineProperty());
        lao.getStyleClass().add("lao-line");
        Label year = new Label();
        year.setId("yearLine");
        year.textProperty().bind(model.yearLineProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button language = new Button(m.get("action.switchLanguage"));
        language.setId("switchLanguage");
        language.setOnAction(e -> switchLanguage.run());
        VBox titles = new VBox(2, lao, year);
        HBox header = new HBox(16, app, titles, grow, language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        TableView<Summary> table = new TableView<>(model.domains());
        table.setId("domains");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.get("dashboard.empty")));
        table.getColumns().add(column(m.get("dashboard.col.order"), s -> String.valueOf(s.order()), 60));
        table.getColumns().add(column(m.get("dashboard.col.domain"), s -> m.text(s.label()), 320));
        table.getColumns().add(column(m.get("dashboard.col.state"), s -> m.get(stateKey(s)), 130));
        TableColumn<Summary, Summary> progress = new TableColumn<>(m.get("dashboard.col.progress"));
        progress.setPrefWidth(190);
        progress.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        progress.setCellFactory(c -> new ProgressCell(m));
        table.getColumns().add(progress);
        table.getColumns().add(column(m.get("dashboard.col.errors"), s -> String.valueOf(s.errors()), 90));
        table.getColumns().add(column(m.get("dashboard.col.warnings"), s -> String.valueOf(s.warnings()), 90));
        table.getColumns().add(column(m.get("dashboard.col.lastSaved"), model::lastSaved, 130));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem().id());
            }
        });
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<Summary> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        Label hint = new Label(m.get("dashboard.hint"));
        hint.getStyleClass().add("hint");
        VBox center = new VBox(6, table, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        BorderPane.setMargin(center, new Insets(8, 16, 8, 16));
        setCenter(center);
        table.getSelectionModel().selectFirst();
        javafx.application.Platform.runLater(table::requestFocus);

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(6, 16, 6, 16));
        bar.getStyleClass().add("status-bar");
        setBottom(bar);
    }

    private static String stateKey(Summary s) {
        return s.state().messageKey();
    }

    private static TableColumn<Summary, String> column(String title, java.util.function.Function<Summary, String> value, double width) {
        TableColumn<Summary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A progress bar with "answered / required" over it. */
    private static final class ProgressCell extends TableCell<Summary, Summary> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final StackPane pane = new StackPane(bar, text);
        private final Messages messages;

        ProgressCell(Messages messages) {
            this.messages = messages;
            bar.setMaxWidth(Double.MAX_VALUE);
            text.getStyleClass().add("progress-text");
        }

        @Override
        protected void updateItem(Summary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(item.fraction());
            text.setText(messages.get("dashboard.progress", item.answered(), item.required()));
            setGraphic(pane);
        }
    }
}
