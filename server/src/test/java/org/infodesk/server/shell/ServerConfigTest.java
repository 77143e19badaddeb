package org.infodesk.server.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path folder;

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults() throws Exception {
        Path file = Files.writeString(folder.resolve("server.properties"), "port=9001\ndata-dir=/from/file\npool-size=5\n");

        ServerConfig config = ServerConfig.resolve(file,
                Map.of("INFODESK_PORT", "9002", "INFODESK_DATA_DIR", "/from/env", "PATH", "/bin"),
                Map.of("port", "9003"));

        assertThat(config.port()).isEqualTo(9003);
        assertThat(config.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(config.poolSize()).isEqualTo(5);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.jdbcUrl()).isEmpty();
    }

    @Test
    void aMisspeltKeyOrABadNumberIsRefusedNamingItsSource() throws Exception {
        Path file = Files.writeString(folder.resolve("server.properties"), "prot=9001\n");
        assertThatThrownBy(() -> ServerConfig.resolve(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting \"prot\"");

        assertThatThrownBy(() -> ServerConfig.resolve(null, Map.of("INFODESK_PORT", "eighty"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the environment (INFODESK_PORT)");
    }

    @Test
    void theDescriptionHidesThePassword() throws Exception {
        ServerConfig config = ServerConfig.resolve(null, Map.of("INFODESK_JDBC_PASSWORD", "secret"), Map.of());

        assertThat(config.describe()).doesNotContain("secret");
    }
}
