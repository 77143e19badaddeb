package org.infodesk.app.definitions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A questionnaire definition document as the server served it (SPEC §4.1 {@code getDefinition}),
 * with the identity its {@code definition} change named and the SHA-256 of its bytes. The bytes
 * are kept exactly as received: the digest is theirs.
 */
public record ReceivedDefinition(String definitionId, int fiscalYear, int version, String digest, byte[] document) {

    public ReceivedDefinition {
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(digest, "digest");
        document = document.clone();
        if (!digest.equals(sha256(document))) {
            throw new IllegalArgumentException("the document's SHA-256 is not " + digest);
        }
    }

    @Override
    public byte[] document() {
        return document.clone();
    }

    /** {@code id/fiscalYear/version}, as a payload and a revision name their definition. */
    public String key() {
        return key(definitionId, fiscalYear, version);
    }

    public static String key(String definitionId, int fiscalYear, int version) {
        return definitionId + "/" + fiscalYear + "/" + version;
    }

    /** The SHA-256 of bytes in lowercase hex, as a {@code definition} change names it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedDefinition r && r.key().equals(key()) && r.digest.equals(digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key(), digest);
    }

    @Override
    public String toString() {
        return key() + " (" + digest + ", " + document.length + " bytes)";
    }
}
