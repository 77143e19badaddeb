package org.infodesk.server.http;

import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;

/** A request refused with a problem body (SPEC §4.9): thrown by a handler, mapped in {@link Api} alone. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final long retryAfterSeconds;

    public ApiException(ProblemCode code, String detail) {
        this(code, detail, 0);
    }

    /** A refusal to retry after some seconds ({@code Retry-After}); 0 for none. */
    public ApiException(ProblemCode code, String detail, long retryAfterSeconds) {
        super(code + ": " + detail);
        this.problem = Problem.of(code, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds for {@code Retry-After}, or 0 when the answer carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
