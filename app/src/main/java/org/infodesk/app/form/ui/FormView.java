package org.infodesk.app.form.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.decoration.Decorator;
import org.controlsfx.control.decoration.StyleClassDecoration;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.protocol.definition.Section;
import org.infodesk.protocol.definition.Severity;

/**
 * One domain's form: its sections and fields, each field's messages beside it (and decorated by
 * ControlsFX), last year's value, a justification where the change is large; a panel of every
 * problem that jumps to its field; the save state. Keyboard: Tab / Shift+Tab, Enter to the next
 * field, Ctrl+F to find a field, Ctrl+PgDn / Ctrl+PgUp for the next / previous section, F8 to the next problem,
 * Ctrl+Z to undo, Esc back to the dashboard. Binds only.
 */
public final class FormView extends BorderPane {

    private final FormViewModel model;
    private final Messages m;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, Node> rows = new LinkedHashMap<>();
    private final List<Node> sectionHeaders = new ArrayList<>();
    private final ScrollPane scroll = new ScrollPane();
    private final VBox content = new VBox(6);
    private final TextField find = new TextField();

    private final Runnable back;
    private final Runnable review;

    public FormView(FormViewModel model, Runnable back) {
        this(model, back, null);
    }

    /** @param review opens the domain's review and certification screen (F9); null: no such screen here */
    public FormView(FormViewModel model, Runnable back, Runnable review) {
        this.model = model;
        this.back = back;
        this.review = review;
        this.m = model.messages();
        getStyleClass().add("form");
        setTop(header(back));
        unbuilt.addAll(model.sections());
        // the first frame gets the sections that fill a screen; the rest follow, one a frame
        while (!unbuilt.isEmpty() && rows.size() < FIRST_FRAME_ROWS) {
            buildNextSection();
        }
        sceneProperty().addListener((o, was, is) -> {
            if (is != null && !unbuilt.isEmpty()) {
                builder.start();
            } else {
                builder.stop();
            }
        });
        content.setPadding(new Insets(8, 16, 24, 16));
        content.setFillWidth(true);
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.setId("formScroll");
        setCenter(scroll);
        setRight(problems());
        content.disableProperty().bind(model.editableProperty().not());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
    }

    private Node header(Runnable back) {
        Button backButton = new Button(m.get("form.back"));
        backButton.setId("back");
        backButton.setOnAction(e -> back.run());
        backButton.setFocusTraversable(false);
        Label title = new Label(model.title());
        title.setId("formTitle");
        title.getStyleClass().add("form-title");
        find.setId("find");
        find.setPromptText(m.get("form.find"));
        find.setPrefColumnCount(16);
        find.setFocusTraversable(false);
        find.setOnAction(e -> findAndFocus(find.getText()));
        Button undo = new Button(m.get("form.undo"));
        undo.setId("undo");
        undo.setFocusTraversable(false);
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button fromLastYear = new Button(m.get("form.startFromLastYear"));
        fromLastYear.setId("startFromLastYear");
        fromLastYear.visibleProperty().bind(model.canStartFromLastYearProperty());
        fromLastYear.managedProperty().bind(fromLastYear.visibleProperty());
        fromLastYear.setOnAction(e -> {
            model.startFromLastYear();
            focusFirst();
        });
        Label saveState = new Label();
        saveState.setId("saveState");
        saveState.textProperty().bind(model.saveStateProperty());
        saveState.getStyleClass().add("save-state");
        model.saveFailedProperty().addListener((o, was, failed) -> saveState.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("failed"), failed));
        // two lines: the domain's name whole, then the tools; one line cut both at 1100 pixels
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, backButton, title, grow, saveState);
        top.setAlignment(Pos.CENTER_LEFT);
        Region growTools = new Region();
        HBox.setHgrow(growTools, Priority.ALWAYS);
        HBox tools = new HBox(12, fromLastYear, growTools, find, undo);
        if (review != null) {
            Button reviewButton = new Button(m.get("form.review"));
            reviewButton.setId("review");
            reviewButton.setFocusTraversable(false);
            reviewButton.setOnAction(e -> review.run());
            tools.getChildren().add(reviewButton);
        }
        for (javafx.scene.Node n : tools.getChildren()) {
            if (n instanceof Region r && n != growTools) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, top, tools);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("form-header");
        return bar;
    }

    /**
     * Rows built before the first frame: more than a 1920x1200 screen shows at 100 %. Building and
     * styling all 40 rows of the largest domain took most of half a second on the office-PC class
     * of machine; the rest are built in the frames after (docs/PERFORMANCE.md).
     */
    static final int FIRST_FRAME_ROWS = 18;

    private final java.util.ArrayDeque<Section> unbuilt = new java.util.ArrayDeque<>();
    private final AnimationTimer builder = new AnimationTimer() {
        private boolean firstFrameShown;

        @Override
        public void handle(long now) {
            if (!firstFrameShown) {
                firstFrameShown = true; // this pulse draws the first frame: leave it the rows it has
                return;
            }
            if (unbuilt.isEmpty()) {
                stop();
            } else {
                buildNextSection();
            }
        }
    };

    private void buildNextSection() {
        addSection(unbuilt.removeFirst());
    }

    /** Builds the sections up to and including the one holding {@code item}, if not built yet. */
    private void ensureBuilt(String item) {
        FieldViewModel f = model.field(item);
        while (f != null && !rows.containsKey(item) && !unbuilt.isEmpty()) {
            buildNextSection();
        }
    }

    /** Whether every section's rows exist (the form builds the last ones in the frames after its first). */
    public boolean fullyBuilt() {
        return unbuilt.isEmpty();
    }

    private void addSection(Section section) {
        Label header = new Label(m.text(section.label()));
        header.getStyleClass().add("section-title");
        header.setId("section-" + section.id());
        sectionHeaders.add(header);
        VBox fieldsBox = new VBox(2);
        for (FieldViewModel field : model.fields(section)) {
            fieldsBox.getChildren().add(field(field));
        }
        content.getChildren().addAll(header, fieldsBox);
    }

    /** Label on the left (wrapping Thai at word breaks), then input, unit and last year, messages under them. */
    private Node field(FieldViewModel f) {
        String id = f.item().id();
        FieldEditor editor = FieldEditor.of(f.item(), m);
        editors.put(id, editor);
        editor.show(f.valueProperty().get());
        f.valueProperty().addListener((o, was, is) -> editor.show(is));
        editor.bind(new FieldEditor.Sink() {
            @Override
            public void commit(Object value) {
                model.commit(id, value);
            }

            @Override
            public void refuse(String message) {
                model.refuse(id, message);
            }
        });

        Label label = new WrappingLabel(m.text(f.item().label()) + (f.item().required() ? " *" : ""));
        label.setMinWidth(LABEL_MIN_WIDTH); // narrower, wrapping, before the input or last year is cut
        label.setPrefWidth(LABEL_WIDTH);
        label.setMaxWidth(LABEL_WIDTH);
        label.setLabelFor(editor.focusTarget());
        label.getStyleClass().add("field-label");
        // only the parts a field has: every node costs styling and layout when the form opens
        HBox line = new HBox(8, editor.node());
        line.setAlignment(Pos.CENTER_LEFT);
        if (f.item().unit() != null) {
            Label unit = new Label(m.text(f.item().unit()));
            unit.getStyleClass().add("unit");
            line.getChildren().add(unit);
        }
        if (!f.lastYear().isEmpty()) {
            Label lastYear = new Label(m.get("form.lastYear", f.lastYear()));
            lastYear.getStyleClass().add("last-year");
            lastYear.setMinWidth(Region.USE_PREF_SIZE); // never "ปีที่...": the input gives way instead
            lastYear.setId("last-" + id);
            line.getChildren().add(lastYear);
        }
        VBox input = new VBox(3, line);
        // the message line exists from a field's first message on
        if (!f.messageProperty().get().isEmpty()) {
            input.getChildren().add(message(f));
        } else {
            f.messageProperty().addListener(new javafx.beans.value.ChangeListener<String>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String is) {
                    if (!is.isEmpty()) {
                        o.removeListener(this);
                        input.getChildren().add(1, message(f));
                    }
                }
            });
        }
        // the justification field exists only while a large change needs one: most fields never do
        f.needsNoteProperty().addListener((o, was, needed) -> showNote(input, f, needed));
        showNote(input, f, f.needsNoteProperty().get());
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox row = new HBox(16, label, input);
        row.setPadding(new Insets(5, 0, 5, 0));
        row.setId("row-" + id);
        row.getStyleClass().add("form-row");
        row.visibleProperty().bind(f.relevantProperty());
        row.managedProperty().bind(f.relevantProperty());
        rows.put(id, row);

        Control target = editor.focusTarget();
        target.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(editor instanceof FieldEditor.GroupEditor)) {
                e.consume();
                focusNext(id, 1);
            }
        });
        target.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                if (!unbuilt.isEmpty() && f.item().section().equals(lastBuiltSection())) {
                    buildNextSection(); // Tab from here must find the next field
                }
                scrollTo(row);
            } else {
                model.touch(id);
            }
        });
        // a ControlsFX decoration: a coloured frame on the input, following the field's worst message
        f.severityProperty().addListener((o, was, is) -> decorate(target, is));
        decorate(target, f.severityProperty().get());
        return row;
    }

    private static final double LABEL_WIDTH = 340;
    private static final double LABEL_MIN_WIDTH = 180;

    private static Label message(FieldViewModel f) {
        WrappingLabel message = new WrappingLabel();
        message.setId("msg-" + f.item().id());
        message.contentProperty().bind(f.messageProperty());
        message.getStyleClass().add("field-message");
        Runnable severity = () -> {
            Severity is = f.severityProperty().get();
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), is == Severity.ERROR);
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"), is == Severity.WARNING);
        };
        severity.run();
        f.severityProperty().addListener((o, was, is) -> severity.run());
        message.visibleProperty().bind(f.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    private String lastBuiltSection() {
        return sectionHeaders.isEmpty() ? null : sectionHeaders.get(sectionHeaders.size() - 1).getId().substring("section-".length());
    }

    private void showNote(VBox input, FieldViewModel f, boolean needed) {
        String id = f.item().id();
        input.getChildren().removeIf(n -> ("note-" + id).equals(n.getId()));
        if (!needed) {
            return;
        }
        TextField note = new TextField(f.noteProperty().get());
        note.setId("note-" + id);
        note.setPromptText(m.get("form.notePrompt"));
        f.noteProperty().addListener((o, was, is) -> {
            if (!note.isFocused()) {
                note.setText(is);
            }
        });
        note.focusedProperty().addListener((o, was, is) -> {
            if (!is && !note.getText().equals(f.noteProperty().get())) {
                model.note(id, note.getText());
            }
        });
        note.setOnAction(e -> model.note(id, note.getText()));
        input.getChildren().add(note);
    }

    private static void decorate(Control target, Severity severity) {
        var current = Decorator.getDecorations(target);
        if (severity == null && (current == null || current.isEmpty())) {
            return; // nothing to show or take away: most fields, most of the time
        }
        Decorator.removeAllDecorations(target);
        if (severity != null) {
            Decorator.addDecoration(target, new StyleClassDecoration(severity == Severity.ERROR ? "error" : "warning"));
        }
    }

    private Node problems() {
        Label summary = new Label();
        summary.setId("summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("problems-title");
        VBox lines = new VBox(6);
        lines.setId("findings");
        lines.setPadding(new Insets(6, 14, 6, 6));
        Label none = new Label(m.get("form.noProblems"));
        none.getStyleClass().add("hint");
        Runnable fill = () -> {
            lines.getChildren().clear();
            for (FindingLine line : model.findings()) {
                Label text = new WrappingLabel(line.text());
                text.setMaxWidth(Double.MAX_VALUE);
                text.getStyleClass().add("problem-text");
                text.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), line.severity() == Severity.ERROR);
                text.setOnMouseClicked(e -> focus(line.item()));
                lines.getChildren().add(text);
            }
            if (lines.getChildren().isEmpty()) {
                lines.getChildren().add(none);
            }
        };
        model.findings().addListener((javafx.collections.ListChangeListener<FindingLine>) c -> fill.run());
        fill.run();
        // fit to width, so that Thai messages wrap at the panel's edge (a ListView would not)
        ScrollPane list = new ScrollPane(lines);
        list.setFitToWidth(true);
        list.setFocusTraversable(false); // Tab stays among the fields; F8 walks the problems
        list.getStyleClass().add("problems");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, summary, list);
        box.setPadding(new Insets(8, 16, 16, 0));
        box.setPrefWidth(300);
        box.setMinWidth(240);
        return box;
    }

    // ---- keyboard and focus ----

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT_SECTION = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS_SECTION = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);

    private void shortcuts(KeyEvent e) {
        if (e.getCode() == KeyCode.F9 && review != null) {
            e.consume();
            review.run();
        } else if (e.getCode() == KeyCode.F8) {
            nextProblem(e.isShiftDown() ? -1 : 1);
            e.consume();
        } else if (FIND.match(e)) {
            find.requestFocus();
            find.selectAll();
            e.consume();
        } else if (UNDO.match(e) && !typingInAField()) {
            model.undo();
            e.consume();
        } else if (NEXT_SECTION.match(e) || PREVIOUS_SECTION.match(e)) {
            jumpSection(NEXT_SECTION.match(e) ? 1 : -1);
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (find.isFocused() && !find.getText().isEmpty()) {
                find.clear();
            } else {
                back.run();
            }
            e.consume();
        }
    }

    /** F8 / Shift+F8: to the field of the next (previous) problem in the panel. */
    private void nextProblem(int step) {
        List<FindingLine> lines = model.findings();
        if (lines.isEmpty()) {
            return;
        }
        String current = focusedItem();
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).item().equals(current)) {
                index = i;
                break;
            }
        }
        int next = Math.floorMod(index + step, lines.size());
        focus(lines.get(next).item());
    }

    /** Ctrl+Z while typing undoes the typing (the text field's own undo), not the last saved change. */
    private boolean typingInAField() {
        String item = focusedItem();
        return item != null && editors.get(item).dirty();
    }

    /** Moves focus to the next (or previous) shown field after {@code item}. */
    private void focusNext(String item, int step) {
        List<String> ids = model.sections().stream().flatMap(sec -> model.fields(sec).stream()).map(f -> f.item().id()).toList();
        int i = ids.indexOf(item);
        for (int j = i + step; j >= 0 && j < ids.size(); j += step) {
            if (model.field(ids.get(j)).relevantProperty().get()) {
                focus(ids.get(j));
                return;
            }
        }
    }

    private void jumpSection(int step) {
        String current = focusedItem();
        List<Section> sections = model.sections();
        int index = 0;
        if (current != null) {
            String section = model.field(current).item().section();
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i).id().equals(section)) {
                    index = i + step;
                }
            }
        }
        for (int i = Math.max(0, index); i >= 0 && i < sections.size(); i += step) {
            for (FieldViewModel f : model.fields(sections.get(i))) {
                if (f.relevantProperty().get()) {
                    focus(f.item().id());
                    return;
                }
            }
        }
    }

    private String focusedItem() {
        for (Map.Entry<String, FieldEditor> e : editors.entrySet()) {
            if (e.getValue().focusTarget().isFocused()) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Finds the first shown field whose label contains the text (case and spacing ignored) and focuses it. */
    public boolean findAndFocus(String text) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return false;
        }
        for (FieldViewModel f : model.fieldsInOrder()) {
            String label = m.text(f.item().label()).toLowerCase(Locale.ROOT);
            if (f.relevantProperty().get() && (label.contains(needle) || f.item().id().contains(needle))) {
                focus(f.item().id());
                return true;
            }
        }
        return false;
    }

    /** Focuses a field and scrolls it into view. */
    public void focus(String item) {
        ensureBuilt(item);
        FieldEditor editor = editors.get(item);
        if (editor != null) {
            editor.focusTarget().requestFocus();
            Platform.runLater(() -> scrollTo(rows.get(item)));
        }
    }

    /** For the start-up probe: commits a new value to the first shown number field, as typing would. */
    public void probeEdit() {
        model.fieldsInOrder().stream()
                .filter(f -> f.relevantProperty().get() && f.item().type().isNumeric())
                .findFirst()
                .ifPresent(f -> model.commit(f.item().id(), java.math.BigDecimal.valueOf(System.nanoTime() % 1000)));
    }

    /** Whether a field is shown (relevant) now. */
    public boolean isShown(String item) {
        FieldViewModel f = model.field(item);
        return f != null && f.relevantProperty().get();
    }

    /** Focuses the first shown field. */
    public void focusFirst() {
        model.fieldsInOrder().stream().filter(f -> f.relevantProperty().get()).findFirst()
                .ifPresent(f -> focus(f.item().id()));
    }

    private void scrollTo(Node node) {
        if (node == null || content.getHeight() <= scroll.getViewportBounds().getHeight()) {
            return;
        }
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double top = scroll.getVvalue() * (content.getHeight() - viewport);
        if (b.getMinY() < top || b.getMaxY() > top + viewport) {
            double target = Math.max(0, b.getMinY() - viewport / 3);
            scroll.setVvalue(Math.min(1, target / (content.getHeight() - viewport)));
        }
    }
}
