package org.infodesk.app.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.FormSession;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.shell.Fonts;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.protocol.answers.Answers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FormViewTest {

    @TempDir
    static Path folder;

    private Store store;
    private SqliteAnswerRepository repo;
    private FormView view;

    @Start
    void start(Stage stage) throws Exception {
        Fonts.load();
        store = StoreFixture.open(Files.createTempDirectory(folder, "store"));
        repo = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
        FormSession session = new FormSession(StoreFixture.QUESTIONNAIRE, repo,
                new DomainKey("5650801", 2564, "infrastructure"), "somchai");
        view = new FormView(new FormViewModel(session, repo, Answers.empty(), Messages.thai()), () -> { });
        Scene scene = new Scene(view, 1366, 768);
        scene.getStylesheets().add(Fonts.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void showsTheDomainAndItsFields(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.text(robot, "#formTitle")).isEqualTo("ด้านโครงสร้างพื้นฐาน");
        robot.interact(() -> snapshot(robot, Path.of("target/form-test.png")));
        robot.clickOn("#field-road_routes_total").write("๕๘").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(repo.current(new DomainKey("5650801", 2564, "infrastructure")).values())
                .containsEntry("road_routes_total", new BigDecimal("58"));
        assertThat(AppWindow.focused(robot, "#field-road_km_total")).isTrue();
    }

    static void snapshot(FxRobot robot, Path file) {
        try {
            var image = robot.lookup("#formTitle").query().getScene().snapshot(null);
            BufferedImage b = SwingFXUtils.fromFXImage(image, null);
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(b, "png", file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
