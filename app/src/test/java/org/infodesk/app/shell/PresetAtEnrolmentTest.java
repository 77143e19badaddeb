package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TextField;
import org.infodesk.app.ui.AppWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * IT staff's preset file (issue 9) reaches the screen an officer sees first on a PC not yet
 * enrolled: the real application, started with the arguments the launcher makes from a real file.
 */
class PresetAtEnrolmentTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void thePresetServerAndProxyFillTheEnrolmentScreenThatOpensAtTheFirstStart() throws Exception {
        Path conf = dir.resolve(PresetConfig.FILE);
        Files.writeString(conf, "server = https://infodesk.example.go.th/\nproxy = proxy.example.go.th:3128\noffice = lao\n");
        String[] args = PresetConfig.read(conf).withDefaults(new String[] {"--data-dir=" + dir.resolve("data")});

        app = FxToolkit.setupApplication(InfoDeskApp.class, args);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> AppWindow.onFx(() -> robot.lookup("#serverAddress").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.onFx(() -> robot.lookup("#serverAddress").queryAs(TextField.class).getText()))
                .isEqualTo("https://infodesk.example.go.th/");
        assertThat(AppWindow.onFx(() -> robot.lookup("#proxyHost").queryAs(TextField.class).getText())).isEqualTo("proxy.example.go.th");
        assertThat(AppWindow.onFx(() -> robot.lookup("#proxyPort").queryAs(TextField.class).getText())).isEqualTo("3128");
    }
}
