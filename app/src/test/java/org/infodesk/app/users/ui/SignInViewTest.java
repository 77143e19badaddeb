package org.infodesk.app.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.InactivityLock;
import org.infodesk.app.users.NewUser;
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

/** Signing in by keyboard against the real store and Argon2id (small parameters), with the stored lock-out. */
@ExtendWith(ApplicationExtension.class)
class SignInViewTest {

    private static final String PASSWORD = CertificationFixture.PASSWORD;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @TempDir
    static Path folder;

    private final TestClock clock = new TestClock(Instant.parse("2021-05-31T07:03:00Z"));
    private final List<User> signedIn = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Store store;
    private UserService users;
    private User malee;
    private SignInViewModel model;
    private SignInView view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = StoreFixture.open(Files.createTempDirectory(folder, "store"), clock);
        users = CertificationFixture.userService(store, clock);
        User admin = users.createFirstAdmin("admin", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", PASSWORD);
        malee = users.addUser(admin, new NewUser("malee", "นางมาลี รักษ์ถิ่น", "ปลัดเทศบาล", Set.of(Role.CERTIFIER)), PASSWORD);
        AppWindow.prepare(stage);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void show(FxRobot robot, SignInViewModel signIn) {
        model = signIn;
        robot.interact(() -> view = new SignInView(model));
        AppWindow.show(robot, stage, view, "#signInHeader", view::focusFirst);
    }

    private void atStart(FxRobot robot) {
        show(robot, SignInViewModel.atStart(users, Messages.thai(), BANGKOK, Background.worker("sign-in-test"), signedIn::add));
    }

    /** Types a user name and password as the user does and waits for the answer. */
    private void signIn(FxRobot robot, String username, String password) throws Exception {
        robot.write(username).type(KeyCode.TAB).write(password).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> AppWindow.onFx(() -> !model.busyProperty().get() && (!signedIn.isEmpty() || model.problemProperty().get())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot) {
        return AppWindow.text(robot, "#signInMessage");
    }

    @Test
    void aWrongPasswordShowsTheAttemptsLeftAndTheFocusGoesBackToThePassword(FxRobot robot) throws Exception {
        atStart(robot);
        assertThat(AppWindow.text(robot, "#signInHeader")).isEqualTo("ใส่ชื่อผู้ใช้และรหัสผ่านของท่าน");

        signIn(robot, "malee", "ไม่ใช่รหัสผ่าน");

        assertThat(message(robot)).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง ลองได้อีก 4 ครั้ง ก่อนระบบจะล็อกชั่วคราว");
        assertThat(AppWindow.focused(robot, "#password")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#password").queryAs(TextField.class).getText())).isEmpty();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void fiveFailuresLockTheNameUntilABuddhistEraTime(FxRobot robot) throws Exception {
        atStart(robot);
        signIn(robot, "malee", "ผิดครั้งที่หนึ่ง");
        for (int i = 2; i <= 5; i++) {
            robot.write("ผิดอีกครั้ง").type(KeyCode.ENTER); // the name stays, the focus is back in the password
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.onFx(() -> !model.busyProperty().get()));
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(message(robot)).isEqualTo("ใส่รหัสผ่านผิดเกินจำนวนครั้งที่กำหนด ชื่อผู้ใช้นี้ถูกล็อกไว้ถึง 31 พ.ค. พ.ศ. 2564 14:08 น. "
                + "กรุณารอแล้วลองใหม่ หรือให้ผู้ดูแลระบบตั้งรหัสผ่านใหม่");

        // even the right password is not checked while locked
        robot.write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.onFx(() -> !model.busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).contains("ถูกล็อกไว้ถึง");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void theRightPasswordCallsBackWithTheUser(FxRobot robot) throws Exception {
        atStart(robot);

        signIn(robot, "malee", PASSWORD);

        assertThat(signedIn).containsExactly(malee);
    }

    @Test
    void theLockScreenSaysWhyOffersTheNameAndUnlocks(FxRobot robot) throws Exception {
        InactivityLock lock = new InactivityLock(clock);
        clock.advance(InactivityLock.DEFAULT_TIMEOUT);
        assertThat(lock.locked()).isTrue();
        show(robot, SignInViewModel.afterInactivity(users, Messages.thai(), BANGKOK, Background.worker("lock-test"), lock, malee,
                signedIn::add));

        assertThat(AppWindow.text(robot, "#signInHeader"))
                .isEqualTo("หน้าจอถูกล็อก เนื่องจากไม่มีการใช้งานเกิน 10 นาที กรุณาเข้าสู่ระบบอีกครั้ง");
        assertThat(AppWindow.onFx(() -> robot.lookup("#username").queryAs(TextField.class).getText())).isEqualTo("malee");
        assertThat(AppWindow.focused(robot, "#password")).isTrue();

        robot.write(PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !signedIn.isEmpty());

        assertThat(signedIn).containsExactly(malee);
        assertThat(lock.locked()).isFalse();
    }
}
