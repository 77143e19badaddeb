package org.infodesk.app.relay.status;

/** Where one LAO's domain stands on the board. */
public enum CellState {
    /** Nothing carried, nothing from the server. */
    NOT_YET,
    /** Carried by the district, not delivered yet. */
    CARRIED,
    /** The server holds it (a receipt, or the server's status). */
    DELIVERED,
    /** A reviewer accepted it. */
    ACCEPTED,
    /** A reviewer returned it for correction. */
    RETURNED,
    /** The server refused what was carried. */
    REFUSED;

    /** Whether the domain counts as done: the server holds it and it is not returned. */
    public boolean done() {
        return this == DELIVERED || this == ACCEPTED;
    }

    /** The key of its short label in the bundles. */
    public String messageKey() {
        return "relayStatus.state." + name();
    }
}
