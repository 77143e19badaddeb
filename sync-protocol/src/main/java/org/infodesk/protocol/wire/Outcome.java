package org.infodesk.protocol.wire;

/** What the server did with one pushed envelope ({@code SPEC.md} §4.6). */
public enum Outcome {
    /** Stored as the new head of its domain; a receipt comes with it. */
    ACCEPTED,
    /** Already stored with the same id and digest; a receipt (of the first receipt time) comes with it. */
    DUPLICATE,
    /** Not stored: it does not supersede the current head (named), or its id was used for another digest. */
    CONFLICT,
    /** Not stored: unreadable, not verifying, or its values break the rules (findings). */
    REJECTED,
    /** Not stored: the device may not submit for this LAO, or the signing device is unknown or revoked. */
    UNAUTHORIZED;

    /** Whether the server holds the submission: only these carry a receipt. */
    public boolean delivered() {
        return this == ACCEPTED || this == DUPLICATE;
    }
}
