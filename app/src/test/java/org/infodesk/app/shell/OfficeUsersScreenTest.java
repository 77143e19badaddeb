package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.NewUser;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.TestClock;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.app.users.ui.OfficeUsersView;
import org.infodesk.app.users.ui.OfficeUsersViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The office's users screen as the shell opens it ({@link Session#requireAdmin}), by keyboard on the
 * real store: an admin adds a certifier, who then signs in, is asked to choose a password, and gets
 * through ({@link Session#require}).
 */
@ExtendWith(ApplicationExtension.class)
class OfficeUsersScreenTest {

    static final String ADMIN_PASSWORD = "ทุ่งนาเขียวขจี";
    static final String FIRST_PASSWORD = "ดอกคูนบาน2564";
    static final String OWN_PASSWORD = "มาลีรักษ์ถิ่น2569";

    @TempDir
    static Path folder;

    private final Background background = Background.worker("office-users-test");
    private final List<String> went = new CopyOnWriteArrayList<>();
    private Stage stage;
    private Store store;
    private UserService users;
    private User admin;
    private Parent home;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestClock clock = new TestClock(Instant.parse("2026-11-26T03:00:00Z"));
        store = StoreFixture.open(Files.createTempDirectory(folder, "store"), clock);
        users = CertificationFixture.userService(store, clock);
        admin = users.createFirstAdmin("somchai", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", ADMIN_PASSWORD);
        AppWindow.prepare(stage);
        Label dashboard = new Label("dashboard");
        dashboard.setId("home");
        home = new javafx.scene.layout.StackPane(dashboard);
        stage.getScene().setRoot(home);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Session session() {
        return new Session(() -> users, background, Messages::thai, v -> stage.getScene().setRoot(v == null ? home : v),
                () -> stage.getScene().getRoot(), false);
    }

    /** What the shell does once an admin is signed in (InfoDeskApp.showUsers). */
    private void showUsers(Session session) {
        OfficeUsersViewModel model = new OfficeUsersViewModel(users, session.user(), Messages.thai(), background, () -> {
            went.add("back");
            stage.getScene().setRoot(home);
        });
        OfficeUsersView view = new OfficeUsersView(model);
        stage.getScene().setRoot(view);
        model.load();
        javafx.application.Platform.runLater(view::focusFirst); // as the shell does, after the new root has had its first focus
    }

    private void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.onFx(() -> robot.lookup(query).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean focused(FxRobot robot, String query) {
        return AppWindow.focused(robot, query);
    }

    /** The admin signs in on the shell's admin sign-in, and the screen opens with the caret in the new user's name. */
    private void openAsAdmin(FxRobot robot, Session session) throws Exception {
        robot.interact(() -> session.requireAdmin(() -> showUsers(session), () -> went.add("cancel")));
        waitFor(robot, "#signInHeader");
        robot.clickOn("#signInHeader"); // the window has the focus, as after the click that opened the screen
        robot.interact(() -> robot.lookup("#username").query().requestFocus());
        assertThat(AppWindow.text(robot, "#signInHeader")).startsWith("หน้าผู้ใช้ของสำนักงานสำหรับผู้ดูแลระบบ อปท. เท่านั้น");
        robot.write("somchai").type(KeyCode.ENTER).write(ADMIN_PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#officeUsersTitle");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> AppWindow.onFx(() -> robot.lookup(".user-cell .user-title").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anAdminAddsACertifierByKeyboardWhoThenChoosesAPasswordAtTheFirstSignIn(FxRobot robot) throws Exception {
        Session adminSession = session();
        openAsAdmin(robot, adminSession);
        assertThat(focused(robot, "#officeUsers-username")).isTrue();

        robot.write("malee").type(KeyCode.TAB);
        robot.write("นางมาลี รักษ์ถิ่น").type(KeyCode.TAB);
        robot.write("ปลัดเทศบาล").type(KeyCode.TAB);
        assertThat(focused(robot, "#role-data_entry_officer")).isTrue();
        robot.type(KeyCode.TAB).type(KeyCode.SPACE); // the certifier's box
        robot.type(KeyCode.TAB, 3); // past the admin's and the district officer's boxes
        robot.write(FIRST_PASSWORD).type(KeyCode.TAB);
        robot.write(FIRST_PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !AppWindow.text(robot, "#officeUsersNotice").isEmpty());

        assertThat(AppWindow.text(robot, "#officeUsersNotice"))
                .isEqualTo("เพิ่ม นางมาลี รักษ์ถิ่น (malee) แล้ว เมื่อเข้าสู่ระบบครั้งแรกจะต้องตั้งรหัสผ่านของตนเอง");
        User malee = users.users().stream().filter(u -> u.username().equals("malee")).findFirst().orElseThrow();
        assertThat(malee.roles()).containsExactly(Role.CERTIFIER);
        assertThat(malee.displayName()).isEqualTo("นางมาลี รักษ์ถิ่น");
        assertThat(AppWindow.onFx(() -> robot.lookup(".user-cell .user-title").queryAllAs(Label.class).stream()
                .map(Label::getText).toList()))
                .contains("นางมาลี รักษ์ถิ่น (ชื่อผู้ใช้ malee)");
        assertThat(focused(robot, "#officeUsers-username")).isTrue(); // ready for the next user
        robot.type(KeyCode.ESCAPE);
        assertThat(went).containsExactly("back");

        // the certifier's first sign-in: the password the admin chose, then her own
        Session hers = session();
        List<String> through = new CopyOnWriteArrayList<>();
        robot.interact(() -> hers.require(() -> through.add(hers.user().username()), () -> went.add("cancel")));
        waitFor(robot, "#signInHeader");
        robot.clickOn("#signInHeader");
        robot.interact(() -> robot.lookup("#username").query().requestFocus());
        robot.write("malee").type(KeyCode.ENTER).write(FIRST_PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#changePassword-new");
        assertThat(through).isEmpty();
        assertThat(AppWindow.text(robot, "#changePasswordIntro")).contains("รหัสผ่านนี้ผู้ดูแลระบบตั้งให้");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focused(robot, "#changePassword-new"));

        robot.write(OWN_PASSWORD).type(KeyCode.TAB).write(OWN_PASSWORD + "!").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !AppWindow.text(robot, "#changePassword-confirm-problem").isEmpty());
        assertThat(AppWindow.text(robot, "#changePassword-confirm-problem")).isEqualTo("รหัสผ่านสองช่องไม่ตรงกัน กรุณาพิมพ์ใหม่");
        assertThat(focused(robot, "#changePassword-confirm")).isTrue();
        robot.write(OWN_PASSWORD).type(KeyCode.ENTER); // the mismatch was selected: typing replaces it

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !through.isEmpty());
        assertThat(through).containsExactly("malee");
        SignIn own = users.signIn("malee", OWN_PASSWORD);
        assertThat(((SignIn.Ok) own).mustChangePassword()).isFalse();
    }

    @Test
    void theLastAdminsDeactivationIsRefusedAtItsButtonWhichTakesTheFocus(FxRobot robot) throws Exception {
        Session session = session();
        openAsAdmin(robot, session);

        // Shift+Tab back from the new user's name to the list, down to the admin, Enter, Tab to the button
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focused(robot, "#officeUsersList")).isTrue();
        robot.type(KeyCode.DOWN).type(KeyCode.HOME).type(KeyCode.ENTER);
        assertThat(focused(robot, "#officeUsers-reset_password")).isTrue();
        robot.type(KeyCode.TAB, 3);
        assertThat(focused(robot, "#toggleActive")).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !AppWindow.text(robot, "#officeUsers-active-problem").isEmpty());

        assertThat(AppWindow.text(robot, "#officeUsers-active-problem"))
                .isEqualTo("ปิดการใช้งานผู้ดูแลระบบคนสุดท้ายไม่ได้ กรุณาเพิ่มหรือเปิดใช้งานผู้ดูแลระบบอีกคนก่อน");
        assertThat(focused(robot, "#toggleActive")).isTrue();
        assertThat(users.users().get(0).active()).isTrue();
    }

    @Test
    void aNameTakenIsRefusedAtTheUserNameWhichTakesTheFocusAndNothingTypedIsLost(FxRobot robot) throws Exception {
        Session session = session();
        openAsAdmin(robot, session);

        robot.write("somchai").type(KeyCode.TAB).write("นายสมชาย ซ้ำชื่อ").type(KeyCode.TAB).write("ผู้ช่วย").type(KeyCode.TAB);
        robot.type(KeyCode.SPACE).type(KeyCode.TAB, 4);
        robot.write(FIRST_PASSWORD).type(KeyCode.TAB).write(FIRST_PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !AppWindow.text(robot, "#officeUsers-username-problem").isEmpty());

        assertThat(AppWindow.text(robot, "#officeUsers-username-problem")).isEqualTo("มีผู้ใช้ชื่อนี้แล้ว กรุณาเลือกชื่อผู้ใช้อื่น");
        assertThat(focused(robot, "#officeUsers-username")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#officeUsers-display_name").queryTextInputControl().getText()))
                .isEqualTo("นายสมชาย ซ้ำชื่อ");
        assertThat(users.users()).hasSize(1);
    }

    @Test
    void aUserWhoIsNotAnAdminIsToldSoAndEscGoesBack(FxRobot robot) throws Exception {
        users.addUser(admin, new NewUser("somsri", "นางสมศรี ขยันดี", "เจ้าพนักงานธุรการ", java.util.Set.of(Role.DATA_ENTRY_OFFICER)),
                FIRST_PASSWORD);
        Session session = session();
        robot.interact(() -> session.requireAdmin(() -> went.add("opened"), () -> went.add("cancel")));
        waitFor(robot, "#signInHeader");
        robot.clickOn("#signInHeader");
        robot.interact(() -> robot.lookup("#username").query().requestFocus());
        robot.write("somsri").type(KeyCode.ENTER).write(FIRST_PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.text(robot, "#signInMessage").contains("ไม่ใช่ผู้ดูแลระบบ"));

        assertThat(AppWindow.text(robot, "#signInMessage")).startsWith("นางสมศรี ขยันดี ไม่ใช่ผู้ดูแลระบบ อปท.");
        assertThat(session.user()).isNull();
        robot.type(KeyCode.ESCAPE);
        assertThat(went).containsExactly("cancel");
    }

}
