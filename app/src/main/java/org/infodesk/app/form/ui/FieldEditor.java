package org.infodesk.app.form.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.infodesk.app.form.ValueText;
import org.infodesk.app.i18n.Messages;
import org.infodesk.protocol.answers.NumberText;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.definition.Option;

/**
 * The input for one item, by type: numbers (Thai digits and thousands separators accepted,
 * letters refused as they are typed), text, a choice list, check boxes, yes/no, a B.E. date,
 * or a repeat group's rows. It shows a value, and reports a committed value or a refusal.
 */
abstract class FieldEditor {

    /** Where the editor sends what the user did. */
    interface Sink {
        void commit(Object value);

        void refuse(String message);
    }

    protected final Item item;
    protected final Messages messages;
    protected Sink sink;
    protected boolean showing;

    FieldEditor(Item item, Messages messages) {
        this.item = item;
        this.messages = messages;
    }

    abstract Node node();

    /** The control that takes focus when the field is entered. */
    abstract Control focusTarget();

    /** Shows a stored value without committing it. */
    final void show(Object value) {
        showing = true;
        try {
            display(value);
        } finally {
            showing = false;
        }
    }

    protected abstract void display(Object value);

    /** Whether the user has typed something not yet committed. */
    boolean dirty() {
        return false;
    }

    void bind(Sink target) {
        this.sink = target;
    }

    protected void commit(Object value) {
        if (!showing && sink != null) {
            sink.commit(value);
        }
    }

    static FieldEditor of(Item item, Messages messages) {
        return switch (item.type()) {
            case INTEGER, DECIMAL -> new NumberEditor(item, messages);
            case TEXT -> new TextEditor(item, messages);
            case SINGLE_CHOICE -> new ChoiceEditor(item, messages);
            case MULTIPLE_CHOICE -> new MultiEditor(item, messages);
            case YES_NO -> new YesNoEditor(item, messages);
            case DATE -> new DateEditor(item, messages);
            case REPEAT_GROUP -> new GroupEditor(item, messages);
        };
    }

    /** A text field that commits on Enter and when focus leaves it. */
    abstract static class TextBased extends FieldEditor {
        protected final TextField field = new TextField();
        private String shown = "";

        TextBased(Item item, Messages messages) {
            super(item, messages);
            field.setId("field-" + item.id());
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commitText();
                }
            });
            field.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    commitText();
                }
            });
        }

        void commitText() {
            if (!field.getText().equals(shown)) {
                shown = field.getText();
                parse(field.getText());
            }
        }

        protected abstract void parse(String text);

        @Override
        boolean dirty() {
            return !field.getText().equals(shown);
        }

        @Override
        Node node() {
            return field;
        }

        @Override
        Control focusTarget() {
            return field;
        }

        protected void setShown(String text) {
            shown = text;
            if (!field.getText().equals(text)) {
                field.setText(text);
            }
        }
    }

    static final class NumberEditor extends TextBased {
        private static final String ALLOWED = "0123456789๐๑๒๓๔๕๖๗๘๙,.-+ ";

        NumberEditor(Item item, Messages messages) {
            super(item, messages);
            field.setTextFormatter(new TextFormatter<>(change -> {
                String added = change.getText();
                for (int i = 0; i < added.length(); i++) {
                    if (ALLOWED.indexOf(added.charAt(i)) < 0) {
                        return null; // letters never reach the field
                    }
                }
                return change;
            }));
            field.setAlignment(Pos.CENTER_RIGHT);
            field.setPrefColumnCount(item.type() == ItemType.DECIMAL ? 12 : 10);
        }

        @Override
        protected void parse(String text) {
            NumberText.Result r = NumberText.parse(text);
            if (r.problem() == NumberText.Problem.EMPTY) {
                commit(null);
            } else if (r.ok()) {
                commit(r.value());
            } else if (sink != null) {
                sink.refuse(messages.get("number." + r.problem().name()));
            }
        }

        @Override
        protected void display(Object value) {
            if (value instanceof BigDecimal n) {
                setShown(ValueText.number(item, n));
            } else if (value == null) {
                setShown("");
            }
        }
    }

    static final class TextEditor extends TextBased {
        TextEditor(Item item, Messages messages) {
            super(item, messages);
            field.setPrefColumnCount(item.maxLength() == null ? 24 : Math.min(24, item.maxLength() + 2));
        }

        @Override
        protected void parse(String text) {
            commit(text.isBlank() ? null : text.strip());
        }

        @Override
        protected void display(Object value) {
            setShown(value == null ? "" : value.toString());
        }
    }

    static final class ChoiceEditor extends FieldEditor {
        private final ComboBox<Option> box = new ComboBox<>();

        ChoiceEditor(Item item, Messages messages) {
            super(item, messages);
            box.setId("field-" + item.id());
            box.getItems().setAll(item.options());
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Option o) {
                    return o == null ? "" : messages.text(o.label());
                }

                @Override
                public Option fromString(String s) {
                    return null;
                }
            });
            box.setPromptText(messages.get("form.choose"));
            box.valueProperty().addListener((o, was, is) -> commit(is == null ? null : is.value()));
        }

        @Override
        Node node() {
            return box;
        }

        @Override
        Control focusTarget() {
            return box;
        }

        @Override
        protected void display(Object value) {
            box.setValue(value == null ? null : item.option((String) value).orElse(null));
        }
    }

    static final class MultiEditor extends FieldEditor {
        private final FlowPane pane = new FlowPane(12, 4);
        private final Map<String, CheckBox> boxes = new LinkedHashMap<>();

        MultiEditor(Item item, Messages messages) {
            super(item, messages);
            pane.setId("field-" + item.id());
            pane.setPrefWrapLength(460);
            for (Option o : item.options()) {
                CheckBox c = new CheckBox(messages.text(o.label()));
                c.setId("field-" + item.id() + "-" + o.value());
                c.selectedProperty().addListener((obs, was, is) -> commit(selected()));
                boxes.put(o.value(), c);
                pane.getChildren().add(c);
            }
        }

        private List<String> selected() {
            return boxes.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).toList();
        }

        @Override
        Node node() {
            return pane;
        }

        @Override
        Control focusTarget() {
            return boxes.values().iterator().next();
        }

        @Override
        protected void display(Object value) {
            List<?> chosen = value instanceof List<?> l ? l : List.of();
            boxes.forEach((v, c) -> c.setSelected(chosen.contains(v)));
        }
    }

    static final class YesNoEditor extends FieldEditor {
        private final ToggleGroup group = new ToggleGroup();
        private final RadioButton yes;
        private final RadioButton no;
        private final HBox box;

        YesNoEditor(Item item, Messages messages) {
            super(item, messages);
            yes = new RadioButton(messages.get("form.yes"));
            no = new RadioButton(messages.get("form.no"));
            yes.setId("field-" + item.id() + "-yes");
            no.setId("field-" + item.id() + "-no");
            yes.setToggleGroup(group);
            no.setToggleGroup(group);
            box = new HBox(16, yes, no);
            box.setId("field-" + item.id());
            group.selectedToggleProperty().addListener((o, was, is) -> commit(is == null ? null : is == yes));
            // keyboard: Y / N (and ใ / ไ, the same keys on a Thai layout) answer at once
            for (RadioButton b : new RadioButton[] {yes, no}) {
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "ใช่/มี" whole, never "..."
                b.setOnKeyTyped(e -> {
                    String c = e.getCharacter().toLowerCase(Locale.ROOT);
                    if (c.equals("y") || c.equals("ั") || c.equals("1")) {
                        yes.setSelected(true);
                    } else if (c.equals("n") || c.equals("ื") || c.equals("0")) {
                        no.setSelected(true);
                    }
                });
            }
        }

        @Override
        Node node() {
            return box;
        }

        @Override
        Control focusTarget() {
            return group.getSelectedToggle() == no ? no : yes;
        }

        @Override
        protected void display(Object value) {
            group.selectToggle(Boolean.TRUE.equals(value) ? yes : Boolean.FALSE.equals(value) ? no : null);
        }
    }

    static final class DateEditor extends FieldEditor {
        private final DatePicker picker = new DatePicker();

        DateEditor(Item item, Messages messages) {
            super(item, messages);
            picker.setId("field-" + item.id());
            picker.setChronology(ThaiBuddhistChronology.INSTANCE);
            picker.setPromptText(messages.get("form.datePrompt"));
            picker.valueProperty().addListener((o, was, is) -> commit(is));
        }

        @Override
        Node node() {
            return picker;
        }

        @Override
        Control focusTarget() {
            return picker;
        }

        @Override
        protected void display(Object value) {
            picker.setValue(value instanceof LocalDate d ? d : null);
        }
    }

    /** A repeat group: one block of sub-field editors per row, with add and remove. */
    static final class GroupEditor extends FieldEditor {
        private final VBox rowsBox = new VBox(8);
        private final Button add;
        private final VBox root;
        private List<Map<String, Object>> rows = new ArrayList<>();

        GroupEditor(Item item, Messages messages) {
            super(item, messages);
            add = new Button(messages.get("form.addRow"));
            add.setId("field-" + item.id() + "-add");
            add.setOnAction(e -> {
                List<Map<String, Object>> next = copy(rows);
                next.add(new LinkedHashMap<>());
                commit(next);
            });
            root = new VBox(8, rowsBox, add);
            root.setId("field-" + item.id());
        }

        private static List<Map<String, Object>> copy(List<Map<String, Object>> rows) {
            List<Map<String, Object>> out = new ArrayList<>();
            rows.forEach(r -> out.add(new LinkedHashMap<>(r)));
            return out;
        }

        @Override
        Node node() {
            return root;
        }

        @Override
        Control focusTarget() {
            return add;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void display(Object value) {
            List<Map<String, Object>> next = value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
            rows = copy(next);
            rowsBox.getChildren().clear();
            for (int r = 0; r < rows.size(); r++) {
                rowsBox.getChildren().add(row(r));
            }
        }

        private Node row(int index) {
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(4);
            grid.setPadding(new Insets(6));
            grid.getStyleClass().add("group-row");
            Label title = new Label(messages.get("form.row", index + 1));
            title.getStyleClass().add("group-row-title");
            Button remove = new Button(messages.get("form.removeRow"));
            remove.setId("field-" + item.id() + "-remove-" + index);
            remove.setOnAction(e -> {
                List<Map<String, Object>> next = copy(rows);
                next.remove(index);
                commit(next);
            });
            grid.add(title, 0, 0);
            grid.add(remove, 1, 0);
            int line = 1;
            for (Item field : item.fields()) {
                FieldEditor editor = FieldEditor.of(field, messages);
                editor.focusTarget().setId("field-" + item.id() + "-" + index + "-" + field.id());
                editor.show(rows.get(index).get(field.id()));
                BiConsumer<String, Object> set = (id, v) -> {
                    List<Map<String, Object>> next = copy(rows);
                    if (v == null) {
                        next.get(index).remove(id);
                    } else {
                        next.get(index).put(id, v);
                    }
                    commit(next);
                };
                editor.bind(new Sink() {
                    @Override
                    public void commit(Object v) {
                        set.accept(field.id(), v);
                    }

                    @Override
                    public void refuse(String message) {
                        if (sink != null) {
                            sink.refuse(message);
                        }
                    }
                });
                Label label = new Label(messages.text(field.label()) + (field.required() ? " *" : ""));
                label.setLabelFor(editor.focusTarget());
                grid.add(label, 0, line);
                grid.add(editor.node(), 1, line);
                line++;
            }
            return grid;
        }
    }
}
