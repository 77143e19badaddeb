package org.infodesk.server.review;

/** A review request refused, typed by what the caller must do; the message says why, in English. */
public final class ReviewException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Refusal {
        /** A value out of its form (a username, a comment, a verdict, a filter). */
        BAD_VALUE,
        /** No such submission, or no such reviewer. */
        NOT_FOUND,
        /** The submission, or the filter, is outside the reviewer's scope. */
        NOT_IN_SCOPE,
        /** The submission is not the current head revision of its LAO, fiscal year and domain. */
        NOT_HEAD,
        /** The submission has a decision already; decisions are final (a returned domain is decided again in a new revision). */
        ALREADY_DECIDED,
        /** A reviewer account of this username exists already, or is revoked. */
        REVIEWER_EXISTS
    }

    private final Refusal refusal;

    public ReviewException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
