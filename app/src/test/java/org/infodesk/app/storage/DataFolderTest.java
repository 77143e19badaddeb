package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    private static final Path HOME = Path.of("/home/somchai");

    @Test
    void windowsUsesLocalAppData() {
        assertThat(DataFolder.resolve(null, Map.of("LOCALAPPDATA", "/c/Users/somchai/AppData/Local"), "Windows 10", HOME))
                .isEqualTo(Path.of("/c/Users/somchai/AppData/Local/InfoDesk"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/InfoDesk"));
    }

    @Test
    void linuxUsesXdgDataHomeOrItsDefault() {
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/data/xdg/infodesk"));
        assertThat(DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "relative/ignored"), "Linux", HOME))
                .isEqualTo(HOME.resolve(".local/share/infodesk"));
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", HOME)).isEqualTo(HOME.resolve(".local/share/infodesk"));
    }

    @Test
    void theFlagWinsEverywhere() {
        assertThat(DataFolder.resolve("/media/usb/infodesk", Map.of("LOCALAPPDATA", "/x"), "Windows 11", HOME))
                .isEqualTo(Path.of("/media/usb/infodesk"));
    }
}
