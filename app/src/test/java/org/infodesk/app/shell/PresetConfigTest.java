package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.sync.ProxySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IT staff's preset file (issue 9): defaults for the server, the proxy and the office kind, read from a real file. */
class PresetConfigTest {

    @TempDir
    Path dir;

    private PresetConfig read(String text) throws Exception {
        Path file = dir.resolve(PresetConfig.FILE);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return PresetConfig.read(file);
    }

    @Test
    void aDistrictOfficesPresetBecomesTheAppsOwnNamedParameters() throws Exception {
        PresetConfig preset = read("""
                # set by IT staff, Wang Thong district office
                server = https://infodesk.example.go.th/
                proxy = proxy.example.go.th:8080
                office = district
                district = 6508
                """);

        assertThat(preset.problems()).isEmpty();
        assertThat(preset.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "server", "https://infodesk.example.go.th/", "proxy", "proxy.example.go.th:8080", "district", "6508"));
        assertThat(PresetConfig.proxySettings(preset.parameters().get("proxy")))
                .isEqualTo(ProxySettings.manual("proxy.example.go.th", 8080));
    }

    @Test
    void anLaoPcSetsNoDistrictAndTheSystemOrNoProxyAreNamedAsSuch() throws Exception {
        PresetConfig preset = read("server=https://infodesk.example.go.th\r\nproxy = NONE\r\noffice = LAO\r\n");

        assertThat(preset.problems()).isEmpty();
        assertThat(preset.parameters()).doesNotContainKey("district").containsEntry("proxy", "none");
        assertThat(PresetConfig.proxySettings("none")).isEqualTo(ProxySettings.NONE);
        assertThat(PresetConfig.proxySettings("system")).isEqualTo(ProxySettings.SYSTEM);
        assertThat(PresetConfig.proxySettings(null)).isNull();
    }

    @Test
    void theCommandLineWinsOverThePresetWhichOnlyFillsWhatIsNotGiven() throws Exception {
        PresetConfig preset = read("server = https://preset.example.go.th\nproxy = system\n");

        String[] args = preset.withDefaults(new String[] {"--server=https://typed.example.go.th", "--lang=en"});

        assertThat(args).containsExactly("--server=https://typed.example.go.th", "--lang=en", "--proxy=system");
    }

    @Test
    void aBadLineIsSkippedWithItsNumberInThaiAndEnglishAndTheGoodLinesStillApply() throws Exception {
        PresetConfig preset = read("""
                server = https://infodesk.example.go.th
                proxy = proxy.example.go.th:99999
                colour blue
                sever = https://typo.example.go.th
                """);

        assertThat(preset.parameters()).containsOnlyKeys("server");
        assertThat(preset.problems()).extracting(PresetConfig.Problem::line).containsExactly(2, 3, 4);
        String english = preset.problems().get(0).message(Messages.of(Locale.ENGLISH));
        String thai = preset.problems().get(0).message(Messages.thai());
        assertThat(english).contains("line 2").contains("proxy.example.go.th:99999").contains("host:port");
        assertThat(thai).contains("บรรทัดที่ 2").contains("พร็อกซี");
        assertThat(preset.problems().get(2).message(Messages.of(Locale.ENGLISH))).contains("\"sever\"").contains("server, proxy");
    }

    @Test
    void aDistrictOfficeWithoutItsCodeStartsAsAnLaoPcAndSaysWhatToAdd() throws Exception {
        PresetConfig preset = read("office = district\ndistrict = 65-08\n");

        assertThat(preset.parameters()).doesNotContainKey("district");
        assertThat(preset.problems()).extracting(PresetConfig.Problem::key)
                .containsExactly("preset.badDistrict", "preset.districtMissing");
        assertThat(preset.problems().get(1).message(Messages.of(Locale.ENGLISH))).contains("line 1").contains("district = 6508");
    }

    @Test
    void aServerAddressMustBeAWebAddress() throws Exception {
        PresetConfig preset = read("server = infodesk.example.go.th\nserver = ftp://x.example.go.th\n");

        assertThat(preset.parameters()).isEmpty();
        assertThat(preset.problems()).extracting(PresetConfig.Problem::key).containsOnly("preset.badServer");
    }

    @Test
    void aFileLargerThanAPresetCanBeIsIgnoredWhole() throws Exception {
        PresetConfig preset = read("server = https://infodesk.example.go.th\n" + "# padding\n".repeat(PresetConfig.MAX_BYTES / 10 + 1));

        assertThat(preset.parameters()).isEmpty();
        assertThat(preset.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.message(Messages.of(Locale.ENGLISH))).contains("larger than 16 KB");
        });
    }

    @Test
    void aFileNotInUtf8IsIgnoredWithAMessageSayingSo() throws Exception {
        Path file = dir.resolve(PresetConfig.FILE);
        Files.write(file, "server = https://infodesk.example.go.th\n# \u0E17\u0E14\u0E2A\u0E2D\u0E1A\n".getBytes("TIS-620"));

        PresetConfig preset = PresetConfig.read(file);

        assertThat(preset.parameters()).isEmpty();
        assertThat(preset.problems()).singleElement().extracting(PresetConfig.Problem::key).isEqualTo("preset.notUtf8");
    }

    @Test
    void notepadsByteOrderMarkIsNotABadLine() throws Exception {
        PresetConfig preset = read("\uFEFFserver = https://infodesk.example.go.th\n");

        assertThat(preset.problems()).isEmpty();
        assertThat(preset.parameters()).containsEntry("server", "https://infodesk.example.go.th");
    }

    @Test
    void thePropertyThenTheFileBesideTheAppThenEtcOnLinuxAreWhereAPresetIsLookedFor() {
        Path app = Path.of("/opt/infodesk/lib/app");

        assertThat(PresetConfig.locations("/srv/it/infodesk.conf", app, "Linux"))
                .containsExactly(Path.of("/srv/it/infodesk.conf"), app.resolve("infodesk.conf"), Path.of("/etc/infodesk/infodesk.conf"));
        assertThat(PresetConfig.locations(null, app, "Windows 10")).containsExactly(app.resolve("infodesk.conf"));
    }
}
