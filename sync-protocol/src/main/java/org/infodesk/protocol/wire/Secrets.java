package org.infodesk.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of enrolment ({@code SPEC.md} §4.3, §4.4), made and kept as the protocol says:
 * bearer tokens of 32 random bytes (base64url, 43 characters), stored only as their SHA-256 and
 * compared in constant time; one-time enrolment codes of three groups of four {@code [A-Z0-9]}
 * (62 random bits).
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int TOKEN_BYTES = 32;

    private Secrets() {}

    /** A new bearer token. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a server stores of a token or an enrolment code: its SHA-256 in lowercase hex. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a presented secret is the one whose hash was stored, in time that does not depend on where they differ. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a text has the form of a bearer token (43 characters of base64url), before any look-up. */
    public static boolean isTokenForm(String text) {
        return text != null && WireChecks.BEARER.matcher(text).matches();
    }

    /** A new one-time enrolment code, e.g. {@code 7KQ2-M9XD-4TPA}. */
    public static String newEnrolmentCode() {
        StringBuilder code = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
