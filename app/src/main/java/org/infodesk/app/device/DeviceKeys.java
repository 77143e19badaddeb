package org.infodesk.app.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.infodesk.app.data.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This installation's Ed25519 key pair (JDK), which signs its submissions (DESIGN §7) and whose
 * public half is sent at enrolment. Made at first run in {@code <data>/keys/} (ADR 0006):
 * {@value #PRIVATE_FILE} (PKCS#8 DER) and {@value #PUBLIC_FILE} (X.509 SubjectPublicKeyInfo DER),
 * in a folder only the OS user may open. Both files are written into a fresh folder that is then
 * renamed into place in one step, so a crash leaves either a complete key folder or none.
 *
 * <p>A key folder that cannot be read as a matching pair is a {@link DeviceKeyException}
 * ({@code DAMAGED}), never replaced by a new key: a new key would no longer match the enrolment.
 * With the store's record ({@link #loadOrCreate(Path, DeviceRepository)}), a key folder that has
 * disappeared is reported too ({@code MISSING}) instead of being made again.
 */
public final class DeviceKeys {

    public static final String FOLDER = "keys";
    public static final String PRIVATE_FILE = "device-ed25519.key";
    public static final String PUBLIC_FILE = "device-ed25519.pub";
    public static final String ALGORITHM = "Ed25519";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_LENGTH = 32;
    /** Both files are under 50 bytes; anything much larger is not ours. */
    private static final int MAX_FILE_BYTES = 1024;
    private static final String UNFINISHED = FOLDER + ".new-";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final byte[] publicKeyRaw;

    private DeviceKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        byte[] encoded = publicKey.getEncoded();
        this.publicKeyRaw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /**
     * Loads the key from {@code <dataFolder>/keys}, or makes it there if the folder does not
     * exist (first run). A key folder left half-made by a crash during a first run is removed.
     */
    public static DeviceKeys loadOrCreate(Path dataFolder) throws DeviceKeyException {
        Path folder = dataFolder.resolve(FOLDER);
        removeUnfinished(dataFolder);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return read(folder);
        }
        return create(dataFolder, folder);
    }

    /**
     * As {@link #loadOrCreate(Path)}, held to the store's record of the key: a key made here is
     * recorded; a recorded key whose folder is gone is {@code MISSING}; key files that are not the
     * recorded key are a {@code MISMATCH}. In neither case is a key made or changed.
     */
    public static DeviceKeys loadOrCreate(Path dataFolder, DeviceRepository record) throws DeviceKeyException, StoreException {
        Optional<byte[]> recorded = record.devicePublicKey();
        Path folder = dataFolder.resolve(FOLDER);
        if (recorded.isPresent() && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new DeviceKeyException(DeviceKeyException.Problem.MISSING, folder,
                    "the store records key " + HexFormat.of().formatHex(recorded.get()), null);
        }
        DeviceKeys keys = loadOrCreate(dataFolder);
        if (recorded.isEmpty()) {
            record.recordDevicePublicKey(keys.publicKeyRaw());
        } else if (!Arrays.equals(recorded.get(), keys.publicKeyRaw)) {
            throw new DeviceKeyException(DeviceKeyException.Problem.MISMATCH, folder, "the store records key "
                    + HexFormat.of().formatHex(recorded.get()) + ", the files hold " + keys.fingerprint(), null);
        }
        return keys;
    }

    /** The raw Ed25519 public key (32 bytes, RFC 8032), as sent at enrolment. */
    public byte[] publicKeyRaw() {
        return publicKeyRaw.clone();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The key id of SPEC §3.5: what an envelope's {@code key_id} names, and what a payload's
     * {@code device_id} is, before and after enrolment (the server finds the signing device by it).
     */
    public String keyId() {
        return org.infodesk.protocol.submission.Ed25519Keys.keyId(publicKey);
    }

    /** The public key in hex, for logs and support calls. */
    public String fingerprint() {
        return HexFormat.of().formatHex(publicKeyRaw);
    }

    /** An Ed25519 signature (64 bytes) of a message. Thread-safe. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with Ed25519", e);
        }
    }

    private static DeviceKeys create(Path dataFolder, Path folder) throws DeviceKeyException {
        Path unfinished = dataFolder.resolve(UNFINISHED + UUID.randomUUID());
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(dataFolder);
            OwnerOnly.createFolder(unfinished);
            OwnerOnly.write(unfinished.resolve(PUBLIC_FILE), pair.getPublic().getEncoded());
            OwnerOnly.write(unfinished.resolve(PRIVATE_FILE), pair.getPrivate().getEncoded());
            OwnerOnly.syncFolder(unfinished);
            Files.move(unfinished, folder, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnly.syncFolder(dataFolder);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by someone else: theirs counts
            deleteQuietly(unfinished);
            return read(folder);
        } catch (IOException | SecurityException e) {
            deleteQuietly(unfinished);
            throw new DeviceKeyException(DeviceKeyException.Problem.IO, folder, "cannot make the key: " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        DeviceKeys keys = read(folder);
        LOG.info("device key made: {} in {}", keys.fingerprint(), folder);
        return keys;
    }

    private static DeviceKeys read(Path folder) throws DeviceKeyException {
        if (!Files.isDirectory(folder)) {
            throw damaged(folder, "not a folder", null);
        }
        byte[] privateBytes = readFile(folder, PRIVATE_FILE);
        byte[] publicBytes = readFile(folder, PUBLIC_FILE);
        PrivateKey privateKey;
        PublicKey publicKey;
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
            publicKey = factory.generatePublic(new X509EncodedKeySpec(publicBytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw damaged(folder, "not an Ed25519 key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
        byte[] encoded = publicKey.getEncoded();
        if (encoded.length != X509_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw damaged(folder, PUBLIC_FILE + " is not an Ed25519 public key", null);
        }
        DeviceKeys keys = new DeviceKeys(privateKey, publicKey);
        if (!keys.halvesMatch()) {
            throw damaged(folder, "the private and the public key are not one pair", null);
        }
        keepOwnerOnly(folder);
        return keys;
    }

    private static byte[] readFile(Path folder, String name) throws DeviceKeyException {
        Path file = folder.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw damaged(folder, name + " is larger than a key", null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw damaged(folder, name + " is missing", e);
        } catch (AccessDeniedException e) {
            throw new DeviceKeyException(DeviceKeyException.Problem.IO, folder, "cannot read " + name, e);
        } catch (IOException e) {
            throw new DeviceKeyException(DeviceKeyException.Problem.IO, folder, "cannot read " + name + ": " + e, e);
        }
    }

    /** Signs and verifies a test message: a private key that does not belong to the public one fails. */
    private boolean halvesMatch() {
        byte[] probe = "InfoDesk device key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(sign(probe));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Takes back permissions that have been widened (a copy, a restore); a failure to do so is logged, not fatal. */
    private static void keepOwnerOnly(Path folder) {
        for (Path p : List.of(folder, folder.resolve(PRIVATE_FILE), folder.resolve(PUBLIC_FILE))) {
            try {
                if (!OwnerOnly.holds(p)) {
                    OwnerOnly.restrict(p);
                    LOG.warn("{} could be opened by other users; restricted to its owner again", p);
                }
            } catch (IOException | SecurityException e) {
                LOG.warn("cannot restrict {} to its owner: {}", p, e.toString());
            }
        }
    }

    /** Removes key folders a crash left half-made before they were renamed into place: they were never used. */
    private static void removeUnfinished(Path dataFolder) {
        if (!Files.isDirectory(dataFolder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataFolder)) {
            entries.filter(p -> p.getFileName().toString().startsWith(UNFINISHED)).forEach(DeviceKeys::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dataFolder, e.toString());
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", folder, e.toString());
        }
    }

    private static DeviceKeyException damaged(Path folder, String detail, Throwable cause) {
        return new DeviceKeyException(DeviceKeyException.Problem.DAMAGED, folder, detail, cause);
    }
}
