package org.infodesk.app.dashboard.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.dashboard.DomainProgress.Summary;
import org.infodesk.app.i18n.Messages;

/** The main window's content: a header, the 8 domains (one row each), a status bar. Binds only. */
public final class DashboardView extends BorderPane {

    public DashboardView(DashboardViewModel model, Runnable switchLanguage) {
        this(model, switchLanguage, id -> { });
    }

    /** @param open called with a domain id when the user opens a domain (Enter or double-click) */
    public DashboardView(DashboardViewModel model, Runnable switchLanguage, java.util.function.Consumer<String> open) {
        this(model, switchLanguage, open, null, null);
    }

    /**
     * @param openSync   opens the sync screen (a header button and the status bar); null: no button
     * @param openEnrol  opens the enrolment screen; null: no button
     */
    public DashboardView(DashboardViewModel model, Runnable switchLanguage, java.util.function.Consumer<String> open,
            Runnable openSync, Runnable openEnrol) {
        this(model, switchLanguage, open, openSync, openEnrol, null);
    }

    /**
     * @param openUsers opens the office's users (shown to everyone; it asks for an admin's sign-in); null: no button
     */
    public DashboardView(DashboardViewModel model, Runnable switchLanguage, java.util.function.Consumer<String> open,
            Runnable openSync, Runnable openEnrol, Runnable openUsers) {
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
        HBox header = new HBox(16, app, titles, grow);
        if (openEnrol != null) {
            Button enrol = new Button(m.get("menu.enrol"));
            enrol.setId("openEnrolment");
            enrol.setOnAction(e -> openEnrol.run());
            enrol.setTooltip(new javafx.scene.control.Tooltip(m.get("menu.enrol.tip")));
            enrol.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(enrol);
        }
        if (openSync != null) {
            Button sync = new Button(m.get("menu.sync"));
            sync.setId("openSync");
            sync.setOnAction(e -> openSync.run());
            sync.setTooltip(new javafx.scene.control.Tooltip(m.get("menu.sync.tip")));
            sync.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(sync);
        }
        if (openUsers != null) {
            Button users = new Button(m.get("menu.users"));
            users.setId("openUsers");
            users.setOnAction(e -> openUsers.run());
            users.setTooltip(new javafx.scene.control.Tooltip(m.get("menu.users.tip")));
            users.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(users);
        }
        language.setMinWidth(Region.USE_PREF_SIZE);
        app.setMinWidth(Region.USE_PREF_SIZE);
        header.getChildren().add(language);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");
        setTop(header);

        // a plain grid, not a TableView: 8 rows need no virtual flow, and a table's skin cost a
        // quarter of a second of the first frame (docs/PERFORMANCE.md)
        VBox table = new VBox();
        table.setId("domains");
        table.getStyleClass().add("domain-table");
        HBox head = cells(
                cell(m.get("dashboard.col.order"), ORDER), cell(m.get("dashboard.col.domain"), DOMAIN),
                cell(m.get("dashboard.col.state"), STATE), cell(m.get("dashboard.col.progress"), PROGRESS),
                cell(m.get("dashboard.col.errors"), COUNT), cell(m.get("dashboard.col.warnings"), COUNT),
                cell(m.get("dashboard.col.lastSaved"), SAVED));
        head.getStyleClass().add("domain-head");
        VBox rows = new VBox();
        Runnable fill = () -> {
            // recomputed figures replace the rows: the domain the officer is on keeps the focus
            String focused = rows.getChildren().stream().filter(javafx.scene.Node::isFocused).map(javafx.scene.Node::getId)
                    .findFirst().orElse(null);
            rows.getChildren().clear();
            for (Summary s : model.domains()) {
                Button row = row(s, model, m, open);
                rows.getChildren().add(row);
                if (row.getId().equals(focused)) {
                    row.requestFocus();
                }
            }
        };
        fill.run();
        model.domains().addListener((javafx.collections.ListChangeListener<Summary>) c -> fill.run());
        table.getChildren().addAll(head, rows);
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("domain-scroll");
        Label hint = new Label(m.get("dashboard.hint"));
        hint.getStyleClass().add("hint");
        org.infodesk.app.ui.WrappingLabel returned = org.infodesk.app.ui.WrappingLabel.shownWhileSet("returned", "returned",
                model.returnedProperty());
        VBox center = new VBox(6, returned, scroll, hint);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        BorderPane.setMargin(center, new Insets(8, 16, 8, 16));
        setCenter(center);
        // the first domain has the focus once shown (the view may be built before it has a window)
        Runnable focusFirst = () -> {
            if (!rows.getChildren().isEmpty()) {
                rows.getChildren().get(0).requestFocus();
            }
        };
        sceneProperty().addListener((o, was, is) -> {
            if (is != null) {
                javafx.application.Platform.runLater(focusFirst);
            }
        });
        if (getScene() != null) {
            javafx.application.Platform.runLater(focusFirst);
        }

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        if (openSync != null) {
            status.setOnMouseClicked(e -> openSync.run());
            status.setCursor(javafx.scene.Cursor.HAND);
        }
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(6, 16, 6, 16));
        bar.getStyleClass().add("status-bar");
        setBottom(bar);
    }

    private static String stateKey(Summary s) {
        return s.state().messageKey();
    }

    private static final double ORDER = 56;
    private static final double DOMAIN = 300;
    private static final double STATE = 130;
    private static final double PROGRESS = 180;
    private static final double COUNT = 90;
    private static final double SAVED = 150;

    /** One domain: a button the width of the table (Enter, Space or a click opens it; arrows move between rows). */
    private static Button row(Summary s, DashboardViewModel model, Messages m, java.util.function.Consumer<String> open) {
        ProgressBar bar = new ProgressBar(s.fraction());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label done = new Label(m.get("dashboard.progress", s.answered(), s.required()));
        done.getStyleClass().add("progress-text");
        StackPane progress = new StackPane(bar, done);
        size(progress, PROGRESS);
        Label errors = cell(String.valueOf(s.errors()), COUNT);
        errors.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("some"), s.errors() > 0);
        errors.getStyleClass().add("errors");
        Label warnings = cell(String.valueOf(s.warnings()), COUNT);
        warnings.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("some"), s.warnings() > 0);
        warnings.getStyleClass().add("warnings");
        Label state = cell(m.get(stateKey(s)), STATE);
        state.setId("state-" + s.id());
        HBox cells = cells(cell(String.valueOf(s.order()), ORDER), cell(m.text(s.label()), DOMAIN),
                state, progress, errors, warnings, cell(model.lastSaved(s), SAVED));
        Button row = new Button();
        row.setGraphic(cells);
        row.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        row.setMaxWidth(Double.MAX_VALUE);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("domain-" + s.id());
        row.getStyleClass().setAll("domain-row");
        // the row's text for screen readers: the graphic alone says nothing
        row.setAccessibleText(m.text(s.label()) + ", " + m.get(stateKey(s)));
        row.setOnAction(e -> open.accept(s.id()));
        row.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                open.accept(s.id());
            }
        });
        return row;
    }

    private static HBox cells(javafx.scene.Node... cells) {
        HBox line = new HBox(12, cells);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(cells[1], Priority.ALWAYS);
        return line;
    }

    private static Label cell(String text, double width) {
        Label l = new Label(text);
        l.getStyleClass().add("domain-cell");
        // one line a row: a wrapped name made rows of uneven height; a cut name ends in "..."
        l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        size(l, width);
        return l;
    }

    private static void size(Region r, double width) {
        r.setMinWidth(width == DOMAIN ? 160 : width);
        r.setPrefWidth(width);
        r.setMaxWidth(width == DOMAIN ? Double.MAX_VALUE : width);
    }
}
