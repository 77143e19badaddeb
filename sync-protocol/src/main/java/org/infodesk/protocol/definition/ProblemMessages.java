package org.infodesk.protocol.definition;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Thai or English message of a problem code from its package's resource bundle: Thai unless
 * the locale is English, never the JVM's default locale, and the code itself with its arguments
 * when a bundle lacks the key. One lookup for the definition, submission and bundle problems.
 */
public final class ProblemMessages {

    private ProblemMessages() {}

    /** The bundle in Thai ({@link Locale#ROOT}) unless the locale is English. */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(baseName, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The message of {@code prefix + code}, its pattern given {@code where} as {0} and {@code detail} as {1}. */
    public static String format(String baseName, String prefix, Enum<?> code, Locale locale, String where, String detail) {
        String pattern;
        try {
            pattern = bundle(baseName, locale).getString(prefix + code.name());
        } catch (MissingResourceException e) {
            pattern = code.name() + ": {0} {1}";
        }
        return new MessageFormat(pattern, locale).format(new Object[] {where, detail});
    }
}
