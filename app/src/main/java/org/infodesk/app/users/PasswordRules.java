package org.infodesk.app.users;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The least a new password must be (NIST SP 800-63B style: length and a deny-list, no
 * composition rules). Length counts Unicode code points after NFC, which is keystrokes on a
 * Thai keyboard (a tone mark is a key of its own). Digits only is refused: in Thai offices such
 * passwords are birth dates (25052530), phone or ID-card numbers, the first things guessed;
 * PINs are out of scope.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    /** Bounds the input (DESIGN §8); a passphrase fits easily. */
    public static final int MAX_LENGTH = 128;

    /** Common choices seen in leaked password lists, in lower case; checked whatever the case typed. */
    private static final Set<String> COMMON = Set.of(
            "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
            "qwertyui", "qwerty12", "qwerty123", "qwertyuiop", "asdfghjk", "zxcvbnm1",
            "abcd1234", "abc12345", "abcdefgh", "a1234567", "aa123456", "iloveyou", "admin123",
            "administrator", "welcome1", "infodesk", "11223344", "1q2w3e4r", "1qaz2wsx");

    private PasswordRules() {}

    /** Refuses a password that breaks a rule, saying which. */
    public static void check(String username, String password) throws UserException {
        String p = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            throw new UserException(UserException.Problem.PASSWORD_TOO_SHORT, MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new UserException(UserException.Problem.PASSWORD_TOO_LONG, MAX_LENGTH);
        }
        if (p.codePoints().allMatch(Character::isDigit)) {
            throw new UserException(UserException.Problem.PASSWORD_ONLY_DIGITS);
        }
        String lower = p.toLowerCase(Locale.ROOT);
        boolean oneCharacter = p.codePoints().distinct().count() == 1;
        if (oneCharacter || COMMON.contains(lower) || lower.equals(Usernames.normalise(username))) {
            throw new UserException(UserException.Problem.PASSWORD_TOO_EASY);
        }
    }
}
