package org.infodesk.app.relay.status.ui;

import java.io.File;
import java.text.BreakIterator;
import java.util.Locale;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.Board;
import org.infodesk.app.relay.status.BoardExport;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.CellState;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.protocol.definition.Domain;

/**
 * The district status board: a row per LAO, a column per domain of the chosen fiscal year, each
 * cell its state in words (and a colour), its revision and time; done out of 8 per row; where the
 * figures come from; the year, refresh, and export to CSV or xlsx through a file chooser. The
 * table moves cell by cell with the arrow keys; Esc goes back. Binds only.
 */
public final class StatusBoardView extends BorderPane {

    private final StatusBoardViewModel model;
    private final TableView<Board.Row> table = new TableView<>();

    /** With the system's file chooser for exports. */
    public StatusBoardView(StatusBoardViewModel model, Runnable back) {
        this(model, back, null);
    }

    /**
     * @param chooseFile asks where to write an export of a format, with a suggested name; null when the
     *                   user cancels. Null: the system's file chooser.
     */
    public StatusBoardView(StatusBoardViewModel model, Runnable back, BiFunction<BoardExport.Format, String, Path> chooseFile) {
        this.model = model;
        Messages m = model.messages();
        BiFunction<BoardExport.Format, String, Path> chooser = chooseFile != null ? chooseFile : this::chooseWithDialog;
        getStyleClass().add("status-screen");
        getStylesheets().add(StatusBoardView.class.getResource("status.css").toExternalForm());

        Button backButton = new Button(m.get("relayStatus.back"));
        backButton.setId("statusBack");
        backButton.setOnAction(e -> back.run());
        Label title = new Label();
        title.setId("statusTitle");
        title.getStyleClass().add("status-title");
        title.textProperty().bind(model.titleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label yearLabel = new Label(m.get("relayStatus.year"));
        ComboBox<Integer> year = new ComboBox<>(model.years());
        year.setId("statusYear");
        yearLabel.setLabelFor(year);
        year.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : String.valueOf(value);
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        model.yearProperty().addListener((o, was, is) -> year.setValue(is));
        year.setOnAction(e -> {
            Integer chosen = year.getValue();
            if (chosen != null && !chosen.equals(model.yearProperty().get())) {
                model.show(chosen);
            }
        });
        Button refresh = new Button(m.get("relayStatus.refresh"));
        refresh.setId("statusRefresh");
        refresh.setOnAction(e -> model.refresh());
        Button exportCsv = new Button(m.get("relayStatus.exportCsv"));
        exportCsv.setId("statusExportCsv");
        exportCsv.setOnAction(e -> export(chooser, BoardExport.Format.CSV));
        Button exportXlsx = new Button(m.get("relayStatus.exportXlsx"));
        exportXlsx.setId("statusExportXlsx");
        exportXlsx.setOnAction(e -> export(chooser, BoardExport.Format.XLSX));
        exportCsv.disableProperty().bind(model.boardProperty().isNull());
        exportXlsx.disableProperty().bind(model.boardProperty().isNull());
        HBox header = new HBox(10, backButton, title, grow, yearLabel, year, refresh, exportCsv, exportXlsx);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 10, 12));
        header.getStyleClass().add("header");

        WrappingLabel source = new WrappingLabel();
        source.setId("statusSource");
        source.getStyleClass().add("status-source");
        source.contentProperty().bind(model.sourceProperty());
        VBox top = new VBox(header, source);
        VBox.setMargin(source, new Insets(0, 12, 6, 12));
        setTop(top);

        table.setId("statusTable");
        table.getStyleClass().add("status-table");
        table.setItems(model.rows());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        WrappingLabel empty = new WrappingLabel();
        empty.contentProperty().bind(model.summaryProperty());
        table.setPlaceholder(empty);
        model.boardProperty().addListener((o, was, is) -> columns(is));
        BorderPane.setMargin(table, new Insets(0, 12, 0, 12));
        setCenter(table);

        Label summary = new Label();
        summary.setId("statusSummary");
        summary.textProperty().bind(model.summaryProperty());
        WrappingLabel message = new WrappingLabel();
        message.setId("statusMessage");
        message.getStyleClass().add("status-message");
        message.contentProperty().bind(model.messageProperty());
        javafx.css.PseudoClass problem = javafx.css.PseudoClass.getPseudoClass("problem");
        model.problemProperty().addListener((o, was, is) -> message.pseudoClassStateChanged(problem, is));
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bottom = new HBox(16, summary, message);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);

        Keys.enterPressesFocusedButton(this);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back.run();
            }
        });
        if (model.boardProperty().get() != null) {
            columns(model.boardProperty().get());
        }
    }

    /** The table gets the focus, on its first cell. */
    public void focusFirst() {
        table.requestFocus();
        if (!table.getItems().isEmpty() && table.getColumns().size() > 1) {
            table.getSelectionModel().clearAndSelect(0, table.getColumns().get(1));
            table.getFocusModel().focus(0, table.getColumns().get(1));
        }
    }

    private void export(BiFunction<BoardExport.Format, String, Path> chooser, BoardExport.Format format) {
        Path target = chooser.apply(format, model.suggestedName(format));
        if (target != null) {
            model.export(target);
        }
    }

    private Path chooseWithDialog(BoardExport.Format format, String suggested) {
        Messages m = model.messages();
        FileChooser dialog = new FileChooser();
        dialog.setTitle(m.get("relayStatus.export.title"));
        dialog.setInitialFileName(suggested);
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                m.get("relayStatus.export.filter." + format.name()), "*." + format.extension()));
        File chosen = dialog.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return chosen == null ? null : chosen.toPath();
    }

    /** The columns of a board: the LAO, each domain of its year, done. */
    private void columns(Board board) {
        BoardText text = model.text();
        List<String> headers = text.headers(board);
        TableColumn<Board.Row, Board.Row> lao = new TableColumn<>();
        lao.setGraphic(header(model.messages().get("relayStatus.column.lao"), ONE_LINE));
        lao.setId("column-lao");
        lao.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        lao.setCellFactory(c -> new LaoCell(text));
        lao.setPrefWidth(board.rows().stream().anyMatch(r -> r.name() != null) ? 150 : 80);
        lao.setMinWidth(70);
        lao.setSortable(false);
        table.getColumns().setAll(List.of(lao));
        for (int i = 0; i < board.domains().size(); i++) {
            Domain domain = board.domains().get(i);
            int index = i;
            TableColumn<Board.Row, Board.Cell> column = new TableColumn<>();
            // two lines at most: a title's qualifier in brackets is left to its tooltip (and to the exports)
            String title = headers.get(2 + i);
            int bracket = title.indexOf(" (");
            Label label = header(bracket > 0 ? title.substring(0, bracket) : title, ONE_LINE);
            label.setTooltip(new javafx.scene.control.Tooltip(title));
            column.setGraphic(label);
            column.setId("column-" + domain.id());
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().cells().get(index)));
            column.setCellFactory(c -> new StateCell(text, domain.id()));
            column.setPrefWidth(145);
            column.setMinWidth(100);
            column.setSortable(false);
            table.getColumns().add(column);
        }
        TableColumn<Board.Row, String> done = new TableColumn<>();
        done.setGraphic(header(headers.get(headers.size() - 1), 10));
        done.setId("column-done");
        done.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(text.done(board, row.getValue())));
        done.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setId(empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : "done-" + getTableRow().getItem().laoCode());
            }
        });
        done.setPrefWidth(80);
        done.setMinWidth(70);
        done.setSortable(false);
        table.getColumns().add(done);
    }

    /** Titles longer than this are put on two lines in a domain's column. */
    static final int ONE_LINE = 22;

    /**
     * A column's title on two lines when long, broken at the word boundary nearest its middle (the
     * JDK's line breaker, which knows Thai words): a header label wraps nothing itself, and
     * JavaFX's own wrapping draws Thai wrongly ({@code ui.WrappingLabel}).
     */
    static String twoLines(String title, int oneLine) {
        if (title.length() <= oneLine) {
            return title;
        }
        BreakIterator words = BreakIterator.getLineInstance(Locale.forLanguageTag("th"));
        words.setText(title);
        int middle = title.length() / 2;
        int best = -1;
        for (int at = words.first(); at != BreakIterator.DONE; at = words.next()) {
            if (at > 0 && at < title.length() && (best < 0 || Math.abs(at - middle) < Math.abs(best - middle))) {
                best = at;
            }
        }
        return best < 0 ? title : title.substring(0, best).strip() + "\n" + title.substring(best).strip();
    }

    private static Label header(String text, int oneLine) {
        Label label = new Label(twoLines(text, oneLine));
        label.getStyleClass().add("status-header");
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return label;
    }

    /** The LAO's code, and its name when known. */
    private static final class LaoCell extends TableCell<Board.Row, Board.Row> {
        private final BoardText text;

        LaoCell(BoardText text) {
            this.text = text;
        }

        @Override
        protected void updateItem(Board.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setId(null);
                return;
            }
            setId("lao-" + row.laoCode());
            setText(row.name() == null ? row.laoCode() : row.laoCode() + "\n" + text.messages().text(row.name()));
        }
    }

    /** A domain's state: its label on the first line (never the colour alone), its revision and time below. */
    private static final class StateCell extends TableCell<Board.Row, Board.Cell> {
        private final BoardText text;
        private final String domainId;

        StateCell(BoardText text, String domainId) {
            this.text = text;
            this.domainId = domainId;
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(Board.Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            for (CellState state : CellState.values()) {
                getStyleClass().remove(styleOf(state));
            }
            if (empty || cell == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                setId(null);
                return;
            }
            setId("cell-" + getTableRow().getItem().laoCode() + "-" + domainId);
            getStyleClass().add(styleOf(cell.state()));
            String detail = text.detail(cell);
            setText(detail.isEmpty() ? text.state(cell) : text.state(cell) + "\n" + detail.replace(" · ", "\n"));
        }

        static String styleOf(CellState state) {
            return "status-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
