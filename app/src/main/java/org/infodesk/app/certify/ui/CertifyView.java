package org.infodesk.app.certify.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.infodesk.app.certify.ui.CertifyViewModel.Attention;
import org.infodesk.app.certify.ui.CertifyViewModel.HistoryLine;
import org.infodesk.app.certify.ui.CertifyViewModel.Status;
import org.infodesk.app.certify.ui.CertifyViewModel.ValueLine;
import org.infodesk.app.certify.ui.CertifyViewModel.WarningLine;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Keys;
import org.infodesk.app.ui.WrappingLabel;

/**
 * The review screen of one domain (issue 5): on the left what will be certified (the readiness
 * summary, the errors, each warning with its justification, the values in questionnaire order,
 * the revisions certified so far); on the right the certifier's sign-in, or once certified the
 * digest, the submission id, the sheet, back and amend. Plain labels in grids, no table: the
 * screen opens as fast as the form.
 *
 * <p>Keyboard: Tab / Shift+Tab through everything; Enter in a justification saves it and moves
 * on; Enter in the user name goes to the password; Enter in the password certifies; Ctrl+Enter
 * certifies from anywhere on the screen; Esc goes back. Binds only.
 */
public final class CertifyView extends BorderPane {

    private static final KeyCombination CERTIFY = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final double LABEL_WIDTH = 330;

    private final CertifyViewModel model;
    private final Messages m;
    private final Consumer<Path> openSheet;
    private final Map<String, TextField> justifications = new LinkedHashMap<>();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button certify = new Button();
    private final Button editInForm = new Button();
    private final Button printSheet = new Button();

    /**
     * @param openSheet shows a certification sheet that has just been written (the shell opens the PDF)
     */
    public CertifyView(CertifyViewModel model, Consumer<Path> openSheet) {
        this.model = model;
        this.m = model.messages();
        this.openSheet = openSheet;
        getStyleClass().add("certify");
        getStylesheets().add(CertifyView.class.getResource("certify.css").toExternalForm());
        // children in Tab order: the review, the certifier's panel, then the header's back button
        setCenter(review());
        setRight(panel());
        setTop(header());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        Keys.enterPressesFocusedButton(this);
        model.attentionProperty().addListener((o, was, is) -> {
            if (is != null) {
                attend(is);
            }
        });
    }

    // ---- header ----

    private Node header() {
        Button back = new Button(m.get("certify.back"));
        back.setId("back");
        back.setOnAction(e -> goBack());
        Label title = new Label(model.title());
        title.setId("certifyTitle");
        title.getStyleClass().add("certify-title");
        Label subtitle = new Label();
        subtitle.setId("certifySubtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        VBox titles = new VBox(0, title, subtitle);
        HBox bar = new HBox(16, back, titles);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("certify-header");
        return bar;
    }

    // ---- the review: summary, errors, warnings, values, history ----

    private Node review() {
        WrappingLabel summary = new WrappingLabel();
        summary.setId("summary");
        summary.getStyleClass().add("certify-summary");
        summary.contentProperty().bind(model.summaryProperty());
        Runnable colour = () -> {
            for (Status s : Status.values()) {
                summary.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT)),
                        s == model.statusProperty().get());
            }
        };
        model.statusProperty().addListener((o, was, is) -> colour.run());
        colour.run();

        VBox content = new VBox(8, summary, errors(), warnings(), heading(m.get("certify.values")), values(),
                heading(m.get("certify.history")), history());
        content.setPadding(new Insets(12, 20, 24, 20));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("review");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(true); // a Tab stop: arrows and Page Down read the values
        scroll.getStyleClass().add("certify-review");
        return scroll;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("certify-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        return heading;
    }

    private Node errors() {
        VBox lines = new VBox(4);
        lines.setId("errors");
        Runnable fill = () -> lines.getChildren().setAll(model.errors().stream().map(text -> {
            return (Node) wrapped(text, "certify-error");
        }).toList());
        model.errors().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        editInForm.setText(m.get("certify.editInForm"));
        editInForm.setId("editInForm");
        editInForm.setOnAction(e -> model.editInForm());
        VBox box = new VBox(6, heading(m.get("certify.errors")), lines, editInForm);
        shownWhen(box, model.hasErrorsProperty().and(model.editableProperty()));
        return box;
    }

    private Node warnings() {
        VBox box = new VBox(8, heading(m.get("certify.warnings")));
        for (WarningLine w : model.warnings()) {
            box.getChildren().add(warning(w));
        }
        box.setVisible(!model.warnings().isEmpty());
        box.setManaged(box.isVisible());
        return box;
    }

    private Node warning(WarningLine w) {
        String id = "justification-" + w.subject().replace(':', '_');
        WrappingLabel text = wrapped(w.text(), "certify-warning");
        TextField field = new TextField(w.justificationProperty().get());
        field.setId(id);
        field.setPromptText(m.get("certify.justification.prompt", CertifyViewModel.MAX_JUSTIFICATION));
        field.setTextFormatter(new TextFormatter<String>(limit(CertifyViewModel.MAX_JUSTIFICATION)));
        field.disableProperty().bind(model.editableProperty().not().or(model.busyProperty()));
        text.setLabelFor(field);
        w.justificationProperty().addListener((o, was, is) -> {
            if (!field.isFocused()) {
                field.setText(is);
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                model.justify(w.subject(), field.getText());
            }
        });
        field.setOnAction(e -> {
            model.justify(w.subject(), field.getText());
            next(w.subject());
        });
        Label saved = new Label(m.get("certify.justification.saved"));
        saved.setId(id + "-saved");
        saved.getStyleClass().add("certify-saved");
        shownWhen(saved, w.justifiedProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox input = new HBox(8, field, saved);
        input.setAlignment(Pos.CENTER_LEFT);
        justifications.put(w.subject(), field);
        VBox line = new VBox(3, text, input);
        line.getStyleClass().add("certify-warning-line");
        return line;
    }

    /** At most {@code max} characters (code points) in a field; what would go past is cut as it is typed or pasted. */
    private static UnaryOperator<TextFormatter.Change> limit(int max) {
        return change -> {
            if (!change.isContentChange()) {
                return change;
            }
            String next = change.getControlNewText();
            int over = next.codePointCount(0, next.length()) - max;
            String added = change.getText();
            if (over <= 0 || added.isEmpty()) {
                return change;
            }
            int keep = added.codePointCount(0, added.length()) - over;
            if (keep <= 0) {
                return null;
            }
            change.setText(added.substring(0, added.offsetByCodePoints(0, keep)));
            return change;
        };
    }

    private Node values() {
        GridPane grid = new GridPane();
        grid.setId("values");
        grid.getStyleClass().add("certify-values");
        grid.setHgap(14);
        grid.setVgap(3);
        ColumnConstraints label = new ColumnConstraints(160, LABEL_WIDTH, LABEL_WIDTH);
        ColumnConstraints value = new ColumnConstraints();
        value.setHalignment(HPos.RIGHT);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints rest = new ColumnConstraints();
        rest.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(label, value, rest, rest, rest);
        int row = 0;
        boolean lastYear = model.hasLastYear();
        if (lastYear) {
            grid.addRow(row++, small(m.get("certify.col.item")), small(m.get("certify.col.value")), small(m.get("certify.col.unit")),
                    small(m.get("certify.col.lastYear")));
        }
        for (ValueLine line : model.values()) {
            if (line.section()) {
                Label section = new Label(line.label());
                section.getStyleClass().add("certify-value-section");
                grid.add(section, 0, row++, 5, 1);
                continue;
            }
            WrappingLabel name = new WrappingLabel(line.label());
            Label shown = new Label(line.value());
            shown.setId("value-" + line.item());
            shown.getStyleClass().add("certify-value");
            grid.add(name, 0, row);
            grid.add(shown, 1, row);
            if (!line.unit().isEmpty()) {
                grid.add(styled(line.unit(), "certify-unit"), 2, row);
            }
            if (lastYear && !line.lastYear().isEmpty()) {
                grid.add(styled(line.lastYear(), "certify-last-year"), 3, row);
            }
            if (line.changed()) {
                Label mark = styled(m.get("certify.changed"), "certify-changed");
                mark.setId("changed-" + line.item());
                mark.pseudoClassStateChanged(PseudoClass.getPseudoClass("flagged"), line.flagged());
                grid.add(mark, 4, row);
            }
            row++;
        }
        return grid;
    }

    private static Label small(String text) {
        return styled(text, "certify-col");
    }

    /** A label that wraps Thai correctly (see {@link WrappingLabel}). */
    private static WrappingLabel wrapped(String text, String style) {
        WrappingLabel label = new WrappingLabel(text);
        label.getStyleClass().add(style);
        return label;
    }

    private static Label styled(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        return label;
    }

    private Node history() {
        GridPane grid = new GridPane();
        grid.setId("history");
        grid.setHgap(14);
        grid.setVgap(3);
        Label none = styled(m.get("certify.history.none"), "certify-hint");
        Runnable fill = () -> {
            grid.getChildren().clear();
            if (model.history().isEmpty()) {
                grid.add(none, 0, 0);
                return;
            }
            grid.addRow(0, small(m.get("certify.col.revision")), small(m.get("certify.col.certifier")), small(m.get("certify.col.certifiedAt")),
                    small(m.get("certify.col.digest")));
            int row = 1;
            for (HistoryLine h : model.history()) {
                grid.addRow(row++, new Label(String.valueOf(h.revision())), new Label(h.certifier()),
                        new Label(h.certifiedAt()), styled(h.digestStart(), "certify-digest-start"));
            }
        };
        model.history().addListener((javafx.collections.ListChangeListener<HistoryLine>) c -> fill.run());
        fill.run();
        return grid;
    }

    // ---- the certifier's panel ----

    private Node panel() {
        VBox panel = new VBox(10, signIn(), result(), message());
        panel.setId("certifyPanel");
        panel.getStyleClass().add("certify-panel");
        panel.setPadding(new Insets(12, 16, 16, 16));
        panel.setPrefWidth(350);
        panel.setMinWidth(300);
        return panel;
    }

    private Node signIn() {
        Label title = new Label(m.get("certify.signIn.title"));
        title.getStyleClass().add("certify-panel-title");
        WrappingLabel hint = wrapped(m.get("certify.signIn.hint"), "certify-hint");
        Label userLabel = new Label(m.get("certify.username"));
        username.setId("certifierUsername");
        username.textProperty().bindBidirectional(model.usernameProperty());
        userLabel.setLabelFor(username);
        username.setOnAction(e -> password.requestFocus());
        Label passwordLabel = new Label(m.get("certify.password"));
        password.setId("certifierPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        passwordLabel.setLabelFor(password);
        password.setOnAction(e -> certifyNow());
        username.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());
        certify.setText(m.get("certify.certify"));
        certify.setId("certify");
        certify.getStyleClass().add("certify-button");
        certify.setMaxWidth(Double.MAX_VALUE);
        certify.disableProperty().bind(model.canCertifyProperty().not());
        certify.setOnAction(e -> certifyNow());
        WrappingLabel keys = wrapped(m.get("certify.shortcut"), "certify-hint");
        WrappingLabel blocked = wrapped("", "certify-blocked");
        blocked.setId("blockedReason");
        blocked.contentProperty().bind(model.blockedReasonProperty());
        blocked.pseudoClassStateChanged(PseudoClass.getPseudoClass("errors"), model.hasErrorsProperty().get());
        model.hasErrorsProperty().addListener((o, was, is) -> blocked.pseudoClassStateChanged(PseudoClass.getPseudoClass("errors"), is));
        shownWhen(blocked, model.blockedReasonProperty().isNotEmpty());
        VBox box = new VBox(6, title, hint, userLabel, username, passwordLabel, password, certify, keys, blocked);
        box.setId("signInBox");
        shownWhen(box, model.certifiedProperty().isNull());
        return box;
    }

    private Node result() {
        Label headline = new Label();
        headline.setId("certifiedHeadline");
        headline.getStyleClass().add("certify-done");
        headline.textProperty().bind(model.certifiedHeadlineProperty());
        WrappingLabel by = new WrappingLabel();
        by.setId("certifiedBy");
        by.contentProperty().bind(model.certifiedByProperty());
        WrappingLabel digest = wrapped("", "certify-digest");
        digest.setId("digest");
        digest.contentProperty().bind(model.digestProperty());
        WrappingLabel digestHint = wrapped(m.get("certify.digestHint"), "certify-hint");
        WrappingLabel submission = new WrappingLabel();
        submission.setId("submissionId");
        submission.contentProperty().bind(model.submissionIdProperty());
        printSheet.setText(m.get("certify.printSheet"));
        printSheet.setId("printSheet");
        printSheet.setMaxWidth(Double.MAX_VALUE);
        printSheet.disableProperty().bind(model.sheetBusyProperty());
        printSheet.setOnAction(e -> model.printSheet(openSheet));
        WrappingLabel sheetStatus = wrapped("", "certify-hint");
        sheetStatus.setId("sheetStatus");
        sheetStatus.contentProperty().bind(model.sheetStatusProperty());
        model.sheetFailedProperty().addListener((o, was, is) -> sheetStatus.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("failed"), is));
        shownWhen(sheetStatus, model.sheetStatusProperty().isNotEmpty());
        Button home = new Button(m.get("certify.home"));
        home.setId("home");
        home.setMaxWidth(Double.MAX_VALUE);
        home.setOnAction(e -> goBack());
        Button amend = new Button();
        amend.setId("amend");
        amend.setMaxWidth(Double.MAX_VALUE);
        amend.textProperty().bind(model.amendTextProperty());
        amend.setOnAction(e -> model.amend());
        WrappingLabel amendHint = wrapped(m.get("certify.amendHint"), "certify-hint");
        VBox box = new VBox(6, headline, by, small(m.get("certify.digest")), digest, digestHint,
                small(m.get("certify.submission")), submission, printSheet, sheetStatus, home, amend,
                amendHint);
        box.setId("resultBox");
        shownWhen(box, model.certifiedProperty().isNotNull());
        return box;
    }

    private Node message() {
        WrappingLabel message = wrapped("", "certify-message");
        message.setId("message");
        message.contentProperty().bind(model.messageProperty());
        model.messageIsProblemProperty().addListener((o, was, is) -> message.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("problem"), is));
        shownWhen(message, model.messageProperty().isNotEmpty());
        return message;
    }

    private static void shownWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    // ---- keyboard and focus ----

    private void shortcuts(KeyEvent e) {
        if (CERTIFY.match(e)) {
            e.consume();
            certifyNow();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            goBack();
        }
    }

    /** Saves what is typed in the justification fields (the focused one has not lost focus yet), then certifies. */
    private void certifyNow() {
        saveJustifications();
        model.certify();
    }

    private void goBack() {
        saveJustifications();
        model.back();
    }

    private void saveJustifications() {
        justifications.forEach((subject, field) -> {
            if (!field.isDisabled()) {
                model.justify(subject, field.getText());
            }
        });
    }

    /** From a justification on Enter: the next one without a justification, else the user name. */
    private void next(String subject) {
        boolean after = false;
        for (WarningLine w : model.warnings()) {
            if (after && !w.justifiedProperty().get()) {
                justifications.get(w.subject()).requestFocus();
                return;
            }
            after |= w.subject().equals(subject);
        }
        username.requestFocus();
    }

    private void attend(Attention where) {
        switch (where) {
            case JUSTIFICATION -> model.warnings().stream().filter(w -> !w.justifiedProperty().get()).findFirst()
                    .ifPresent(w -> justifications.get(w.subject()).requestFocus());
            case USERNAME -> {
                username.requestFocus();
                username.selectAll();
            }
            case PASSWORD -> password.requestFocus();
            case RESULT -> {
                if (model.certifiedProperty().get() != null) {
                    printSheet.requestFocus();
                }
            }
        }
    }

    /**
     * Where the keyboard starts: the print button once certified, else the way to the form while
     * there are errors, else the first warning without a justification, else the certifier's user name.
     */
    public void focusFirst() {
        if (model.certifiedProperty().get() != null) {
            printSheet.requestFocus();
        } else if (model.hasErrorsProperty().get()) {
            editInForm.requestFocus();
        } else if (model.warnings().stream().anyMatch(w -> !w.justifiedProperty().get())) {
            attend(Attention.JUSTIFICATION);
        } else {
            username.requestFocus();
        }
    }
}
