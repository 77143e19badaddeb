package org.infodesk.server.http;

import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;

/** The one table from an HTTP status that no handler explained (Javalin's, Jetty's) to its problem (SPEC §4.9). */
final class Problems {

    private Problems() {}

    static Problem forStatus(int status, String detail) {
        ProblemCode code = switch (status) {
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.BODY_TOO_LARGE;
            case 414 -> ProblemCode.URI_TOO_LONG;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemCode.RATE_LIMITED;
            case 431 -> ProblemCode.HEADERS_TOO_LARGE;
            case 503 -> ProblemCode.UNAVAILABLE;
            default -> status >= 500 ? ProblemCode.INTERNAL : ProblemCode.BAD_REQUEST;
        };
        String text = detail == null || detail.isBlank() ? code.title() : detail;
        return Problem.of(code, status >= 500 ? "the server failed" : text);
    }
}
