package org.infodesk.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.storage.ReadOnlyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceKeysTest {

    private static final byte[] MESSAGE = "{\"domain\":\"infrastructure\",\"revision\":1}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private Path keys() {
        return data.resolve(DeviceKeys.FOLDER);
    }

    private Path privateFile() {
        return keys().resolve(DeviceKeys.PRIVATE_FILE);
    }

    private Path publicFile() {
        return keys().resolve(DeviceKeys.PUBLIC_FILE);
    }

    private List<String> dataFolderEntries() throws Exception {
        try (Stream<Path> entries = Files.list(data)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theKeyIsMadeAtFirstRunInAFolderOnlyTheOwnerMayOpen() throws Exception {
        assumeTrue(Files.getFileAttributeView(data, PosixFileAttributeView.class) != null, "POSIX permissions");

        DeviceKeys keys = DeviceKeys.loadOrCreate(data);

        assertThat(keys.publicKeyRaw()).hasSize(32);
        assertThat(dataFolderEntries()).containsExactly(DeviceKeys.FOLDER);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(publicFile()))).isEqualTo("rw-------");
        // PKCS#8 and X.509 DER of an Ed25519 key (RFC 8410)
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(privateFile()))).startsWith("302e020100300506032b657004220420");
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(publicFile())))
                .isEqualTo("302a300506032b6570032100" + keys.fingerprint());
    }

    @Test
    void laterRunsLoadTheSameKeyAndLeaveTheFilesAsTheyAre() throws Exception {
        DeviceKeys first = DeviceKeys.loadOrCreate(data);
        byte[] privateBytes = Files.readAllBytes(privateFile());

        DeviceKeys second = DeviceKeys.loadOrCreate(data);

        assertThat(second.publicKeyRaw()).isEqualTo(first.publicKeyRaw());
        assertThat(Files.readAllBytes(privateFile())).isEqualTo(privateBytes);
    }

    @Test
    void aSignatureVerifiesWithThePublicKeyAndWithTheRawKeyInAnotherLibrary() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(data);

        byte[] signature = keys.sign(MESSAGE);

        assertThat(signature).hasSize(64);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(keys.publicKey());
        jdk.update(MESSAGE);
        assertThat(jdk.verify(signature)).isTrue();
        // the 32 raw bytes as enrolment sends them (RFC 8032), read back by BouncyCastle
        Ed25519Signer bc = new Ed25519Signer();
        bc.init(false, new Ed25519PublicKeyParameters(keys.publicKeyRaw(), 0));
        bc.update(MESSAGE, 0, MESSAGE.length);
        assertThat(bc.verifySignature(signature)).isTrue();
        MESSAGE[0] ^= 1;
        bc.update(MESSAGE, 0, MESSAGE.length);
        assertThat(bc.verifySignature(signature)).as("another message").isFalse();
        MESSAGE[0] ^= 1;
    }

    @Test
    void aDamagedKeyFileIsAClearErrorAndTheFileIsNotReplaced() throws Exception {
        DeviceKeys.loadOrCreate(data);
        byte[] garbage = "not a key at all".getBytes(StandardCharsets.US_ASCII);
        Files.write(privateFile(), garbage);
        byte[] publicBytes = Files.readAllBytes(publicFile());

        DeviceKeyException e = catchThrowableOfType(DeviceKeyException.class, () -> DeviceKeys.loadOrCreate(data));

        assertThat(e.problem()).isEqualTo(DeviceKeyException.Problem.DAMAGED);
        assertThat(e.message(Messages.thai())).contains("เสียหาย").contains(keys().toString());
        assertThat(e.message(Messages.of(Locale.ENGLISH))).contains("damaged").contains("has not made a new key");
        assertThat(Files.readAllBytes(privateFile())).isEqualTo(garbage);
        assertThat(Files.readAllBytes(publicFile())).isEqualTo(publicBytes);
        assertThat(dataFolderEntries()).containsExactly(DeviceKeys.FOLDER);
    }

    @Test
    void aMissingHalfOrHalvesOfTwoPairsAreDamagedAndNothingIsWritten() throws Exception {
        DeviceKeys.loadOrCreate(data);
        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        Files.write(publicFile(), other.getEncoded());

        assertThat(catchThrowableOfType(DeviceKeyException.class, () -> DeviceKeys.loadOrCreate(data)).problem())
                .isEqualTo(DeviceKeyException.Problem.DAMAGED);

        Files.delete(publicFile());
        assertThat(catchThrowableOfType(DeviceKeyException.class, () -> DeviceKeys.loadOrCreate(data)).problem())
                .isEqualTo(DeviceKeyException.Problem.DAMAGED);
        assertThat(publicFile()).doesNotExist();
    }

    @Test
    void aKeyFolderThatHasGoneIsReportedNotMadeAgainWhenTheStoreRecordedIt() throws Exception {
        InMemoryDeviceRepository record = new InMemoryDeviceRepository();
        DeviceKeys keys = DeviceKeys.loadOrCreate(data, record);
        assertThat(record.devicePublicKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(keys.publicKeyRaw()));
        Files.delete(privateFile());
        Files.delete(publicFile());
        Files.delete(keys());

        DeviceKeyException e = catchThrowableOfType(DeviceKeyException.class, () -> DeviceKeys.loadOrCreate(data, record));

        assertThat(e.problem()).isEqualTo(DeviceKeyException.Problem.MISSING);
        assertThat(e.message(Messages.of(Locale.ENGLISH))).contains("missing");
        assertThat(keys()).doesNotExist();
    }

    @Test
    void keyFilesThatAreNotTheRecordedKeyAreAMismatch() throws Exception {
        InMemoryDeviceRepository record = new InMemoryDeviceRepository();
        DeviceKeys.loadOrCreate(data.resolve("other-pc"));
        record.recordDevicePublicKey(DeviceKeys.loadOrCreate(data.resolve("this-pc")).publicKeyRaw());

        DeviceKeyException e = catchThrowableOfType(DeviceKeyException.class,
                () -> DeviceKeys.loadOrCreate(data.resolve("other-pc"), record));

        assertThat(e.problem()).isEqualTo(DeviceKeyException.Problem.MISMATCH);
    }

    @Test
    void aKeyFolderHalfMadeByACrashIsRemovedAndAKeyMade() throws Exception {
        Path unfinished = Files.createDirectory(data.resolve("keys.new-0190a1b2"));
        Files.write(unfinished.resolve(DeviceKeys.PUBLIC_FILE), new byte[] {1, 2, 3});

        DeviceKeys keys = DeviceKeys.loadOrCreate(data);

        assertThat(dataFolderEntries()).containsExactly(DeviceKeys.FOLDER);
        assertThat(DeviceKeys.loadOrCreate(data).publicKeyRaw()).isEqualTo(keys.publicKeyRaw());
    }

    @Test
    void permissionsWidenedLaterAreRestrictedAgainOnLoad() throws Exception {
        assumeTrue(Files.getFileAttributeView(data, PosixFileAttributeView.class) != null, "POSIX permissions");
        DeviceKeys.loadOrCreate(data);
        Files.setPosixFilePermissions(privateFile(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys(), PosixFilePermissions.fromString("rwxr-xr-x"));

        DeviceKeys.loadOrCreate(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys()))).isEqualTo("rwx------");
    }

    @Test
    void aDataFolderThatCannotBeWrittenAtFirstRunIsAnIoProblemAndNoKeyIsMade() throws Exception {
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.of(data)) {
            assumeTrue(readOnly.holds(), "the folder could not be made read-only");

            DeviceKeyException e = catchThrowableOfType(DeviceKeyException.class, () -> DeviceKeys.loadOrCreate(data));

            assertThat(e.problem()).isEqualTo(DeviceKeyException.Problem.IO);
            assertThat(e.message(Messages.thai())).contains("ไม่ได้");
        }
        assertThat(dataFolderEntries()).isEmpty();
    }

    @Test
    void theWindowsAclGivesTheOwnerEverythingAndNobodyElseAnything() throws Exception {
        UserPrincipal owner = Files.getOwner(data);

        List<AclEntry> folder = OwnerOnly.ownerOnlyAcl(owner, true);
        List<AclEntry> file = OwnerOnly.ownerOnlyAcl(owner, false);

        assertThat(folder).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AclEntryType.ALLOW);
            assertThat(e.principal()).isEqualTo(owner);
            assertThat(e.permissions()).containsAll(List.of(AclEntryPermission.values()));
            assertThat(e.flags()).contains(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        });
        assertThat(file).singleElement().satisfies(e -> assertThat(e.flags()).isEmpty());
    }

    @Test
    void theRawPublicKeyRebuildsTheSamePublicKey() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(data);
        byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + keys.fingerprint());

        PublicKey rebuilt = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));

        assertThat(rebuilt).isEqualTo(keys.publicKey());
    }
}
