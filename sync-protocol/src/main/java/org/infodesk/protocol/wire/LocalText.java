package org.infodesk.protocol.wire;

import java.util.Objects;

/** A text for people in Thai and English ({@code SPEC.md} §1): both are required. */
public record LocalText(String th, String en) {

    public LocalText {
        Objects.requireNonNull(th, "th");
        Objects.requireNonNull(en, "en");
        WireChecks.require("th", WireChecks.text(th, WireChecks.MAX_TEXT));
        WireChecks.require("en", WireChecks.text(en, WireChecks.MAX_TEXT));
    }
}
