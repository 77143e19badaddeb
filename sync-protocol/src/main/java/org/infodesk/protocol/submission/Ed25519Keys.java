package org.infodesk.protocol.submission;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) keys made by the JDK's own provider, signatures by BouncyCastle, and the wire form of a
 * public key ({@code SPEC.md} §3.5): its raw 32 bytes in base64url without padding, which a
 * server pins at enrolment.
 */
public final class Ed25519Keys {

    public static final String ALGORITHM = "Ed25519";
    /** The length of a raw public key and of a private key's seed. */
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    /** DER of SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the 32 key bytes. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    /** DER of PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410) up to the 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private Ed25519Keys() {}

    /** A new key pair from the JDK's default secure random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    /** The public key of raw 32 bytes (RFC 8032 §5.1.5 encoding). */
    public static PublicKey publicKey(byte[] raw) {
        try {
            return keyFactory().generatePublic(new X509EncodedKeySpec(der(X509_PREFIX, raw)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key of a 32-byte seed (RFC 8032 §5.1.5: the "secret key"). */
    public static PrivateKey privateKey(byte[] seed) {
        try {
            return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(der(PKCS8_PREFIX, seed)));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /** The raw 32 bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || encoded == null || encoded.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** The wire form of a public key: its raw bytes in base64url without padding (43 characters). */
    public static String encode(PublicKey key) {
        return Base64Url.encode(raw(key));
    }

    /**
     * The public key of its wire form, refused with {@code BAD_BASE64} or {@code WRONG_LENGTH}
     * (naming {@code where}). Whether the bytes are a point of the curve shows only when a
     * signature is verified: a key that is not verifies nothing.
     */
    public static PublicKey decode(String text, String where) throws SubmissionException {
        byte[] raw = Base64Url.decode(text, KEY_BYTES, where);
        try {
            return publicKey(raw);
        } catch (IllegalArgumentException e) {
            throw SubmissionException.of(SubmissionProblem.Code.BAD_VALUE, where, "not an Ed25519 public key");
        }
    }

    /**
     * The default key id of a public key: the first 16 bytes of the SHA-256 of its raw bytes,
     * in base64url (22 characters). Stable for the key, so a verifier can find the key it pinned.
     */
    public static String keyId(PublicKey key) {
        return Base64Url.encode(Arrays.copyOf(sha256(raw(key)), 16));
    }

    /**
     * The Ed25519 signature of a message (deterministic: the same key and message give the same
     * bytes). Signing and verifying are BouncyCastle's (its lightweight API, no JCE provider): about
     * eight times faster than JDK 17's, where they were most of the server's time per pushed
     * submission (docs/PERFORMANCE.md, ingest); keys stay the JDK's.
     */
    public static byte[] sign(PrivateKey key, byte[] message) {
        Signer signer = lastSigner;
        if (signer == null || signer.key() != key) {
            signer = new Signer(key, new Ed25519PrivateKeyParameters(seed(key), 0));
            lastSigner = signer;
        }
        byte[] signature = new byte[SIGNATURE_BYTES];
        signer.parameters().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * The key that signed last, with BouncyCastle's form of it, which keeps its public half once
     * derived: a process signs with one key (the server's, or the PC's), and deriving the public
     * half again cost as much as the signature itself.
     */
    private record Signer(PrivateKey key, Ed25519PrivateKeyParameters parameters) {}

    private static volatile Signer lastSigner;

    /** Whether a signature of a message verifies with a public key; false for any malformed signature. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        byte[] raw = raw(key);
        return signatureBytes != null && signatureBytes.length == SIGNATURE_BYTES
                && Ed25519.verify(signatureBytes, 0, raw, 0, message, 0, message.length);
    }

    /** The 32-byte seed of an Ed25519 private key (RFC 8032's "secret key"). */
    private static byte[] seed(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || encoded == null || encoded.length != PKCS8_PREFIX.length + KEY_BYTES
                || !Arrays.equals(encoded, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, encoded.length);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER encoding of a 32-byte key behind its fixed prefix. */
    private static byte[] der(byte[] prefix, byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(KEY_BYTES + " bytes expected, " + key.length + " found");
        }
        byte[] out = Arrays.copyOf(prefix, prefix.length + KEY_BYTES);
        System.arraycopy(key, 0, out, prefix.length, KEY_BYTES);
        return out;
    }

    private static KeyFactory keyFactory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
