package org.infodesk.server.enrolment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time enrolment codes and device tokens: random, high-entropy secrets that the server keeps
 * only as SHA-256 hashes (a slow password hash adds nothing to 80 random bits or more).
 */
public final class Secrets {

    /** Crockford's base 32: no I, L, O, U, so a code read aloud or typed is not misread. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new enrolment code: 16 characters (80 bits) in groups of four, {@code ABCD-EFGH-JKMN-PQRS}. */
    static String newCode() {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** A new device token: 32 random bytes in base64url (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a code as typed: case, spaces and dashes do not matter; O, I and L read as 0, 1, 1. */
    static byte[] codeHash(String typed) {
        String normalised = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return sha256(normalised);
    }

    public static byte[] tokenHash(String token) {
        return sha256(token);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
