package org.infodesk.server.http;

/**
 * An RFC 9457 problem body ({@code application/problem+json}) with the stable {@code code} that
 * clients act on; {@code title} and {@code detail} are for people and may change.
 */
public record Problem(String type, String title, int status, String code, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The stable codes of the server's own failures (the protocol's item outcomes are SPEC §4's). */
    public enum Code {
        NOT_FOUND(404, "No such resource"),
        METHOD_NOT_ALLOWED(405, "Method not allowed"),
        BAD_REQUEST(400, "Bad request"),
        BODY_TOO_LARGE(413, "Request body too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
        URI_TOO_LONG(414, "Request URI too long"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        HEADERS_TOO_LARGE(431, "Request headers too large"),
        DATABASE_UNAVAILABLE(503, "Database unavailable"),
        INTERNAL(500, "Internal server error");

        public final int status;
        public final String title;

        Code(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    /** The problem of an HTTP status that no handler explained: its own code, else BAD_REQUEST or INTERNAL. */
    public static Problem forStatus(int status, String detail) {
        for (Code code : Code.values()) {
            if (code.status == status) {
                return of(code, detail == null || detail.isBlank() ? code.title : detail);
            }
        }
        return status >= 500
                ? of(Code.INTERNAL, "the server failed")
                : of(Code.BAD_REQUEST, detail == null || detail.isBlank() ? "bad request (HTTP " + status + ")" : detail);
    }

    public static Problem of(Code code, String detail) {
        return new Problem("urn:infodesk:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                code.title, code.status, code.name(), detail);
    }
}
