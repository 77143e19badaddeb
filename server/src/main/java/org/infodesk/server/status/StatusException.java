package org.infodesk.server.status;

/** A status or export that cannot be made as asked (no definition for the year, a scope with no LAO): the message says why. */
public final class StatusException extends Exception {

    private static final long serialVersionUID = 1L;

    public StatusException(String message) {
        super(message);
    }
}
