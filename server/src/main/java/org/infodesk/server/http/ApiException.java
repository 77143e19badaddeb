package org.infodesk.server.http;

/** A request refused with a problem body: thrown by a handler, mapped in {@link Api} alone. */
public final class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem.Code code, String detail) {
        super(code + ": " + detail);
        this.problem = Problem.of(code, detail);
    }

    public Problem problem() {
        return problem;
    }
}
