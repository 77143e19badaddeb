package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, started and stopped as a user would, on a data folder of its own. */
class InfoDeskAppTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void launch() throws Exception {
        app = FxToolkit.setupApplication(InfoDeskApp.class, "--data-dir=" + data);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void quit() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        app = null;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            quit();
        }
    }

    private void openInfrastructure() {
        // by keyboard, as an officer would: down to the fourth domain, Enter
        robot.interact(() -> robot.lookup("#domain-health_environment").query().requestFocus());
        robot.type(KeyCode.DOWN, 3).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void valuesSurviveClosingAndReopeningTheApp() throws Exception {
        launch();
        openInfrastructure();
        robot.clickOn("#field-road_routes_total").write("๕๘").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#saveState").queryAs(Label.class).getText()).startsWith("บันทึกแล้ว");
        quit();

        launch();
        assertThat(robot.lookup("#domain-infrastructure .progress-text").queryAs(Label.class).getText())
                .startsWith("1 / ");
        openInfrastructure();

        assertThat(robot.lookup("#field-road_routes_total").queryAs(TextField.class).getText()).isEqualTo("58");
    }

    @Test
    void switchingLanguageChangesTheLabels() throws Exception {
        launch();
        assertThat(robot.lookup("ด้านโครงสร้างพื้นฐาน").tryQuery()).isPresent();

        robot.clickOn("#switchLanguage");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("Infrastructure").tryQuery()).isPresent();
        openInfrastructure();
        assertThat(robot.lookup("#formTitle").queryAs(Label.class).getText()).isEqualTo("Infrastructure");
        assertThat(robot.lookup("#back").queryButton().getText()).isEqualTo("← Dashboard");
    }

    @Test
    void theLogGoesToTheDataFolderAndNeverHoldsAnAnswer() throws Exception {
        launch();
        openInfrastructure();
        robot.clickOn("#field-road_routes_total").write("987654").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        quit();

        Path log = Logging.currentFile(data);
        assertThat(log).exists();
        String text = java.nio.file.Files.readString(log);
        assertThat(text).contains("InfoDesk started").doesNotContain("987654").doesNotContain("987,654");
    }
}
