package org.infodesk.app.form.ui;

import org.infodesk.protocol.definition.Severity;

/** A line of the form's problem panel: the field to go to, the message, its severity. */
public record FindingLine(String item, String text, Severity severity) {

    @Override
    public String toString() {
        return text;
    }
}
