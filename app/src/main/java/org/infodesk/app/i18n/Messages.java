package org.infodesk.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.infodesk.protocol.definition.Text;

/**
 * The app's user-visible strings, from {@code messages.properties} (Thai, the default) and
 * {@code messages_en.properties}. Only Thai and English exist; any other locale gets Thai.
 */
public final class Messages {

    public static final String BUNDLE = "org.infodesk.app.i18n.messages";
    public static final Locale THAI = Locale.forLanguageTag("th-TH");

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, isEnglish(locale) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) {
        return new Messages(isEnglish(locale) ? Locale.ENGLISH : THAI);
    }

    public static Messages thai() {
        return of(THAI);
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return isEnglish(locale);
    }

    /** The string for a key, with {@link MessageFormat} arguments. A missing key shows as {@code !key!}. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A definition text in this language. */
    public String text(Text text) {
        return text == null ? "" : text.in(locale);
    }
}
