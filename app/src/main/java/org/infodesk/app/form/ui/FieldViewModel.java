package org.infodesk.app.form.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.Severity;

/** One field of the form: its value, whether it is shown, its messages, last year's value, its note. */
public final class FieldViewModel {

    private final Item item;
    private final String lastYear;
    private final ReadOnlyObjectWrapper<Object> value = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper relevant = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper needsNote = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    FieldViewModel(Item item, String lastYear) {
        this.item = item;
        this.lastYear = lastYear;
    }

    public Item item() {
        return item;
    }

    /** Last year's certified value as text, or empty. */
    public String lastYear() {
        return lastYear;
    }

    public ReadOnlyObjectProperty<Object> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty relevantProperty() {
        return relevant.getReadOnlyProperty();
    }

    /** Every message about this field, one per line; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The worst severity among the messages, or null. */
    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    /** Whether the change from last year is large enough to need a short justification. */
    public ReadOnlyBooleanProperty needsNoteProperty() {
        return needsNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void update(Object newValue, boolean isRelevant, String newMessage, Severity newSeverity, boolean noteNeeded, String noteText) {
        value.set(newValue);
        relevant.set(isRelevant);
        message.set(newMessage);
        severity.set(newSeverity);
        needsNote.set(noteNeeded);
        note.set(noteText == null ? "" : noteText);
    }
}
