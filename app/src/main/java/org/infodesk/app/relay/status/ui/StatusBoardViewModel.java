package org.infodesk.app.relay.status.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.Board;
import org.infodesk.app.relay.status.BoardExport;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.StatusBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district status board's state: the fiscal years to choose from, the board of the chosen one
 * (its rows, where its figures come from, how many LAOs are done), and what the last export or read
 * came to; the commands show a year, refresh, export to a file. Touches no node. Called on the UI
 * thread; reads and exports run on {@code background} and come back through {@code ui}.
 */
public final class StatusBoardViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoardViewModel.class);

    private final StatusBoard statusBoard;
    private final BoardText text;
    private final BoardExport export;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObservableList<Integer> yearsView = FXCollections.unmodifiableObservableList(years);
    private final ObservableList<Board.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Board.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> year = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public StatusBoardViewModel(StatusBoard statusBoard, BoardText text, Executor background, Executor ui) {
        this.statusBoard = Objects.requireNonNull(statusBoard);
        this.text = Objects.requireNonNull(text);
        this.export = new BoardExport(text);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        title.set(text.messages().get("relayStatus.title"));
    }

    public Messages messages() {
        return text.messages();
    }

    /** The board's words (cell labels, details, headers) for the view. */
    public BoardText text() {
        return text;
    }

    // ------------------------------------------------------------------ the user's commands

    /** Reads the years and the board of the current fiscal year (or of the year shown). */
    public void open() {
        show(year.get() == null ? statusBoard.currentYear() : year.get());
    }

    /** Reads and shows the board of a fiscal year. */
    public void show(int fiscalYear) {
        busy.set(true);
        run(() -> {
            try {
                List<Integer> seen = statusBoard.years();
                Board read = statusBoard.board(fiscalYear);
                ui.execute(() -> shown(seen, read));
            } catch (StoreException e) {
                LOG.warn("cannot read the status board: {}", e.getMessage());
                ui.execute(() -> said(e.message(text.messages()), true));
            }
        });
    }

    /** Reads the board shown again. */
    public void refresh() {
        open();
    }

    /** The file name to suggest for an export: {@code infodesk-status-2564.csv}. */
    public String suggestedName(BoardExport.Format format) {
        return "infodesk-status-" + (year.get() == null ? statusBoard.currentYear() : year.get()) + "." + format.extension();
    }

    /** Writes the board shown to a file: CSV or xlsx by its name's extension. */
    public void export(Path target) {
        Board shown = board.get();
        if (shown == null) {
            return;
        }
        Optional<BoardExport.Format> format = BoardExport.Format.of(target);
        if (format.isEmpty()) {
            said(text.messages().get("relayStatus.exportBadName", target.getFileName().toString()), true);
            return;
        }
        message.set("");
        run(() -> {
            String said;
            boolean failed;
            try {
                export.write(shown, format.get(), target);
                LOG.info("status board {} exported to {}", shown.fiscalYear(), target);
                said = text.messages().get("relayStatus.exported", target.toAbsolutePath().toString());
                failed = false;
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot export the status board to {}: {}", target, e.toString());
                said = text.messages().get("relayStatus.exportFailed", target.toAbsolutePath().toString());
                failed = true;
            }
            String shownText = said;
            boolean shownFailed = failed;
            ui.execute(() -> said(shownText, shownFailed));
        });
    }

    // ------------------------------------------------------------------ state

    private void shown(List<Integer> seen, Board read) {
        if (!years.equals(seen)) {
            years.setAll(seen);
        }
        year.set(read.fiscalYear());
        board.set(read);
        rows.setAll(read.rows());
        title.set(text.title(read));
        source.set(text.source(read));
        long complete = read.rows().stream().filter(r -> r.done() == read.domains().size()).count();
        summary.set(read.rows().isEmpty() ? text.messages().get("relayStatus.empty")
                : text.messages().get("relayStatus.summary", read.rows().size(), complete));
        busy.set(false);
    }

    private void said(String text, boolean failed) {
        message.set(text);
        problem.set(failed);
        busy.set(false);
    }

    private void run(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException closing) {
            LOG.debug("not read: the app is closing");
        }
    }

    public ObservableList<Integer> years() {
        return yearsView;
    }

    public ObservableList<Board.Row> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> yearProperty() {
        return year.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last export or read came to ({@link #problemProperty()} when it failed). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
