package org.infodesk.app.users;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How user names are compared: surrounding spaces dropped, Unicode NFC (a Thai name typed with
 * another input method is the same name), lower case. Thai names are allowed.
 */
public final class Usernames {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    /** Letters (Thai included, with their marks), digits, dot, dash, underscore; a letter or digit first. */
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{M}\\p{Nd}._-]*");

    private Usernames() {}

    /** The form names are stored and looked up in; null becomes empty. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Whether a normalised name may be given to a new user. */
    public static boolean valid(String normalised) {
        int length = normalised.codePointCount(0, normalised.length());
        return length >= MIN_LENGTH && length <= MAX_LENGTH && VALID.matcher(normalised).matches();
    }
}
