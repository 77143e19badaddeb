package org.infodesk.protocol.wire;

import java.util.Objects;

/**
 * The body of every error answer ({@code SPEC.md} §4.9): RFC 9457 {@code application/problem+json}
 * with the protocol's extension members {@code code} and {@code messages}.
 *
 * @param type     {@code urn:infodesk:problem:} and the code
 * @param title    the code's short English title
 * @param status   the HTTP status, the code's
 * @param code     what the client must act on
 * @param detail   this occurrence, for logs (English, may be empty)
 * @param messages what to tell the user, in Thai and English
 */
public record Problem(String type, String title, int status, ProblemCode code, String detail, LocalText messages) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(messages, "messages");
        WireChecks.require("type", code.type().equals(type) ? null : "not " + code.type());
        WireChecks.require("status", code.status() == status ? null : "not " + code.status());
        WireChecks.require("title", WireChecks.text(title, WireChecks.MAX_TEXT));
        WireChecks.require("detail", detail.length() <= WireChecks.MAX_DETAIL ? null : "longer than " + WireChecks.MAX_DETAIL);
    }

    /** The problem of a code, with this occurrence's detail (cut to its limit). */
    public static Problem of(ProblemCode code, String detail) {
        String d = detail.length() <= WireChecks.MAX_DETAIL ? detail : detail.substring(0, WireChecks.MAX_DETAIL);
        return new Problem(code.type(), code.title(), code.status(), code, d, code.messages());
    }
}
