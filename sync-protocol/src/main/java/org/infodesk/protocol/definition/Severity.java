package org.infodesk.protocol.definition;

/** How much a failed check weighs: an error blocks certification, a warning needs a note. */
public enum Severity {
    ERROR,
    WARNING
}
