package org.infodesk.server.enrolment;

/** An enrolment request the administrator must correct (an LAO or district not in the registry, a validity out of range). */
public final class EnrolmentException extends Exception {

    public EnrolmentException(String message) {
        super(message);
    }
}
