package org.infodesk.protocol.wire;

/**
 * A protocol message was refused: {@link #code()} says why (and so the HTTP status a server
 * answers with), {@link #where()} the JSON path or part of the request.
 */
public final class WireException extends Exception {

    private static final long serialVersionUID = 1L;
    private final ProblemCode code;
    private final String where;

    public WireException(ProblemCode code, String where, String detail) {
        super(code + (where.isEmpty() ? "" : " at " + where) + (detail.isEmpty() ? "" : ": " + detail));
        this.code = code;
        this.where = where;
    }

    public ProblemCode code() {
        return code;
    }

    public String where() {
        return where;
    }

    /** The RFC 9457 body a server answers this refusal with. */
    public Problem toProblem() {
        return Problem.of(code, getMessage());
    }
}
