package org.infodesk.protocol.definition;

import java.util.Locale;
import java.util.Objects;

/** A user-visible text in Thai (the default) and English. */
public record Text(String th, String en) {

    public Text {
        Objects.requireNonNull(th, "th");
        Objects.requireNonNull(en, "en");
    }

    /** The text for a locale: English for any English locale, Thai otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : th;
    }
}
