package org.infodesk.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsMadeAtTheFirstStartAndReusedAfterwards() throws Exception {
        ServerKeys first = ServerKeys.loadOrCreate(dataDir);
        ServerKeys second = ServerKeys.loadOrCreate(dataDir);

        assertThat(second.publicKeyText()).isEqualTo(first.publicKeyText()).hasSize(43);
        assertThat(second.keyId()).isEqualTo(first.keyId());
        byte[] message = {1, 2, 3};
        assertThat(Ed25519Keys.verify(first.publicKey(), message, second.sign(message))).isTrue();
    }

    @Test
    void thePrivateHalfIsOwnerOnly() throws Exception {
        ServerKeys.loadOrCreate(dataDir);

        Path privateFile = dataDir.resolve("keys").resolve(ServerKeys.PRIVATE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
    }

    @Test
    void aLoneHalfIsRefusedNotReplaced() throws Exception {
        ServerKeys.loadOrCreate(dataDir);
        Path privateFile = dataDir.resolve("keys").resolve(ServerKeys.PRIVATE_FILE);
        Files.delete(privateFile);

        assertThatThrownBy(() -> ServerKeys.loadOrCreate(dataDir)).isInstanceOf(ServerKeyException.class)
                .hasMessageContaining("only one half");
        assertThat(privateFile).doesNotExist();
    }

    @Test
    void twoHalvesOfDifferentPairsAreRefused() throws Exception {
        ServerKeys.loadOrCreate(dataDir);
        Path other = Files.createDirectory(dataDir.resolve("other"));
        ServerKeys.loadOrCreate(other);
        Files.copy(other.resolve("keys").resolve(ServerKeys.PUBLIC_FILE), dataDir.resolve("keys").resolve(ServerKeys.PUBLIC_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ServerKeys.loadOrCreate(dataDir)).isInstanceOf(ServerKeyException.class)
                .hasMessageContaining("not one pair");
    }
}
