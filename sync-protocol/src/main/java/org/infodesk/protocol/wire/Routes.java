package org.infodesk.protocol.wire;

import java.util.List;

/**
 * The routes of the HTTP protocol v1 ({@code SPEC.md} §4), in one place: the OpenAPI document
 * ({@link #OPENAPI_RESOURCE}) describes exactly these, and a server's test holds its real routes
 * against {@link #ALL}.
 */
public final class Routes {

    /** One route: an HTTP method and a path template ({@code {name}} for a path parameter). */
    public record Route(String method, String path, String operationId) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The base path of version 1. */
    public static final String BASE = "/api/v1";
    /** The request header that names the protocol version, and the version this code speaks. */
    public static final String PROTOCOL_HEADER = "InfoDesk-Protocol";
    public static final String PROTOCOL_VERSION = "1";
    /** The classpath resource of the OpenAPI 3.0 document of these routes. */
    public static final String OPENAPI_RESOURCE = "/org/infodesk/protocol/wire/openapi.yaml";

    /** A device enrols with a one-time code (§4.4). No token. */
    public static final Route ENROL = new Route("POST", BASE + "/enrolments", "enrol");
    /** A device pushes a gzip batch of envelopes (§4.6). */
    public static final Route PUSH = new Route("POST", BASE + "/submissions", "push");
    /** A device pulls the changes after a cursor (§4.8). */
    public static final Route PULL = new Route("GET", BASE + "/changes", "pull");
    /** A device fetches a questionnaire definition (§2) that a pull named (§4.8). */
    public static final Route DEFINITION = new Route("GET", BASE + "/definitions/{definition_id}/{fiscal_year}/{version}",
            "getDefinition");

    public static final List<Route> ALL = List.of(ENROL, PUSH, PULL, DEFINITION);

    private Routes() {}

    /** Whether the value of a request's {@link #PROTOCOL_HEADER} is this version (§4.2); null (absent) is not. */
    public static boolean speaks(String protocolHeader) {
        return PROTOCOL_VERSION.equals(protocolHeader);
    }
}
