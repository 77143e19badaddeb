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
        TOO_MANY_REQUESTS(429, "Too many requests"),
        DATABASE_UNAVAILABLE(503, "Database unavailable"),
        INTERNAL(500, "Internal server error");

        public final int status;
        public final String title;

        Code(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    public static Problem of(Code code, String detail) {
        return new Problem("urn:infodesk:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                code.title, code.status, code.name(), detail);
    }
}
