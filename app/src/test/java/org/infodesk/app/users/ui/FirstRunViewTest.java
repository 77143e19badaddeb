package org.infodesk.app.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.TestClock;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first LAO admin, created by keyboard against the real store. */
@ExtendWith(ApplicationExtension.class)
class FirstRunViewTest {

    @TempDir
    static Path folder;

    private final List<User> created = new CopyOnWriteArrayList<>();
    private Store store;
    private UserService users;
    private FirstRunViewModel model;
    private FirstRunView view;

    @Start
    void start(Stage stage) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2021-05-31T07:03:00Z"));
        store = StoreFixture.open(Files.createTempDirectory(folder, "store"), clock);
        users = CertificationFixture.userService(store, clock);
        model = new FirstRunViewModel(users, Messages.thai(), Background.worker("first-run-test"), created::add);
        view = new FirstRunView(model);
        AppWindow.prepare(stage);
        stage.getScene().setRoot(view);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Fills the form from the top by keyboard and presses Enter in the last field. */
    private void fill(FxRobot robot, String password, String confirm) throws Exception {
        robot.clickOn("#cardTitle"); // the window has focus, as it does at first run
        robot.interact(view::focusFirst);
        robot.write("somchai").type(KeyCode.TAB);
        robot.write("นายสมชาย ใจดี").type(KeyCode.TAB);
        robot.write("นักวิชาการคอมพิวเตอร์ปฏิบัติการ").type(KeyCode.TAB);
        robot.write(password).type(KeyCode.TAB);
        robot.write(confirm).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return AppWindow.text(robot, id);
    }

    @Test
    void mismatchedPasswordsAreRefusedAtTheSecondField(FxRobot robot) throws Exception {
        fill(robot, "ทุ่งนาเขียวขจี", "ทุ่งนาเขียวขจี!");

        assertThat(text(robot, "#firstRun-confirm-problem")).isEqualTo("รหัสผ่านสองช่องไม่ตรงกัน กรุณาพิมพ์ใหม่");
        assertThat(AppWindow.focused(robot, "#firstRun-confirm")).isTrue();
        assertThat(users.needsFirstAdmin()).isTrue();
        assertThat(created).isEmpty();
    }

    @Test
    void aTooShortPasswordShowsTheRuleAtThePasswordField(FxRobot robot) throws Exception {
        fill(robot, "สั้น12", "สั้น12");

        assertThat(text(robot, "#firstRun-password-problem")).isEqualTo("รหัสผ่านสั้นเกินไป ต้องมีอย่างน้อย 8 ตัวอักษร");
        assertThat(AppWindow.focused(robot, "#firstRun-password")).isTrue();
        assertThat(users.needsFirstAdmin()).isTrue();
    }

    @Test
    void theFirstAdminIsCreated(FxRobot robot) throws Exception {
        fill(robot, "ทุ่งนาเขียวขจี", "ทุ่งนาเขียวขจี");

        assertThat(created).hasSize(1);
        User admin = created.get(0);
        assertThat(admin.username()).isEqualTo("somchai");
        assertThat(admin.displayName()).isEqualTo("นายสมชาย ใจดี");
        assertThat(admin.roles()).containsExactly(Role.LAO_ADMIN);
        assertThat(users.needsFirstAdmin()).isFalse();
        assertThat(users.users()).containsExactly(admin);
    }
}
