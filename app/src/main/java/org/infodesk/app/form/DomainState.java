package org.infodesk.app.form;

/**
 * The life of one domain of one LAO in one fiscal year ({@code DESIGN.md} §6). A certified
 * revision is frozen; amending opens the next revision as a draft.
 */
public enum DomainState {
    NOT_STARTED,
    DRAFT,
    READY,
    CERTIFIED,
    QUEUED,
    DELIVERED,
    ACCEPTED,
    RETURNED;

    /** The resource-bundle key of the state's name. */
    public String messageKey() {
        return "state." + name();
    }
}
