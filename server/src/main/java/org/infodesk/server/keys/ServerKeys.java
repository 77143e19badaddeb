package org.infodesk.server.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.infodesk.protocol.submission.Ed25519Keys;

/**
 * The server's Ed25519 key pair, which signs receipts and which devices pin at enrolment. Made at
 * the first start in {@code <data-dir>/keys} (PKCS#8 and X.509 DER, the private file owner-only
 * where the file system has POSIX permissions), loaded at every later start, and never silently
 * replaced: a missing half or a pair that does not match stops the server.
 */
public final class ServerKeys {

    static final String PRIVATE_FILE = "server-ed25519.key";
    static final String PUBLIC_FILE = "server-ed25519.pub";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ServerKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the pair from the data folder, or makes it there when neither half exists yet. */
    public static ServerKeys loadOrCreate(Path dataDir) throws ServerKeyException {
        Path folder = dataDir.resolve("keys");
        Path privateFile = folder.resolve(PRIVATE_FILE);
        Path publicFile = folder.resolve(PUBLIC_FILE);
        try {
            boolean hasPrivate = Files.exists(privateFile);
            boolean hasPublic = Files.exists(publicFile);
            if (!hasPrivate && !hasPublic) {
                create(folder, privateFile, publicFile);
            } else if (hasPrivate != hasPublic) {
                throw new ServerKeyException("only one half of the server key is in " + folder
                        + ": restore the other from a backup; a new key would invalidate every enrolment");
            }
            return load(privateFile, publicFile);
        } catch (IOException e) {
            throw new ServerKeyException("the server key in " + folder + " could not be read or written: " + e.getMessage(), e);
        }
    }

    private static void create(Path folder, Path privateFile, Path publicFile) throws IOException {
        Files.createDirectories(folder);
        KeyPair pair = Ed25519Keys.generate();
        // The public half first: a crash between the two leaves a lone public file, which is refused, never a lone private one replaced.
        writeNew(publicFile, pair.getPublic().getEncoded());
        writeNew(privateFile, pair.getPrivate().getEncoded());
    }

    /** Writes a new file through a temporary owner-only file and an atomic rename; refuses to overwrite. */
    private static void writeNew(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        PosixFileAttributeView posix = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(OWNER_ONLY);
        }
        Files.write(temporary, bytes, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static ServerKeys load(Path privateFile, Path publicFile) throws IOException, ServerKeyException {
        try {
            KeyFactory factory = KeyFactory.getInstance(Ed25519Keys.ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
            byte[] probe = "infodesk server key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (!Ed25519Keys.verify(publicKey, probe, Ed25519Keys.sign(privateKey, probe))) {
                throw new ServerKeyException("the two halves of the server key in " + privateFile.getParent() + " are not one pair");
            }
            return new ServerKeys(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ServerKeyException("the server key in " + privateFile.getParent() + " is damaged: " + e.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key's wire form (raw bytes, base64url), as devices pin it. */
    public String publicKeyText() {
        return Ed25519Keys.encode(publicKey);
    }

    public String keyId() {
        return Ed25519Keys.keyId(publicKey);
    }

    /** A receipt (SPEC §4.7) of a submission, signed with this key. */
    public org.infodesk.protocol.wire.Receipt receipt(java.util.UUID submissionId, String digest, java.time.Instant receivedAt,
            org.infodesk.protocol.wire.Outcome outcome) {
        return org.infodesk.protocol.wire.Receipt.sign(submissionId, digest, receivedAt, outcome, privateKey, keyId());
    }

    /** The server's signature of a message (a receipt's canonical bytes). */
    public byte[] sign(byte[] message) {
        return Ed25519Keys.sign(privateKey, message);
    }
}
