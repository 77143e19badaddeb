package org.infodesk.app.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.TestClock;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.app.users.ui.OfficeUsersViewModel.Field;
import org.infodesk.app.users.ui.OfficeUsersViewModel.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The office's users screen's model, the admin's sign-in and the choose-your-password step, on a
 * real SQLite store; the commands run on the JavaFX thread, their background work on it too.
 */
class OfficeUsersViewModelTest {

    static final String ADMIN_PASSWORD = "ทุ่งนาเขียวขจี";
    static final String FIRST_PASSWORD = "ดอกคูนบาน2564";

    @TempDir
    Path folder;

    private Store store;
    private UserService users;
    private User admin;
    private OfficeUsersViewModel model;
    private int backs;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-26T03:00:00Z"));
        store = StoreFixture.open(folder, clock);
        users = CertificationFixture.userService(store, clock);
        admin = users.createFirstAdmin("somchai", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", ADMIN_PASSWORD);
        model = new OfficeUsersViewModel(users, admin, Messages.thai(), new Background(Runnable::run), () -> backs++);
        fx(model::load);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * Runs a command on the JavaFX thread and waits for it: its background work runs there at once,
     * and its answer, handed back in a later event, is in by the time the events queued meanwhile are done.
     */
    private static void fx(Runnable command) throws Exception {
        WaitForAsyncUtils.asyncFx(command).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fillCertifier(String password, String confirm) {
        model.usernameProperty().set("malee");
        model.displayNameProperty().set("นางมาลี รักษ์ถิ่น");
        model.positionProperty().set("ปลัดเทศบาล");
        model.roleProperty(Role.CERTIFIER).set(true);
        model.passwordProperty().set(password);
        model.confirmProperty().set(confirm);
    }

    private Row row(String username) {
        return model.rows().stream().filter(r -> r.user().username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void theListShowsEachUsersNamePositionRolesAndWhetherActive() {
        assertThat(model.rows()).hasSize(1);
        Row row = model.rows().get(0);
        assertThat(row.title()).isEqualTo("นายสมชาย ใจดี (ชื่อผู้ใช้ somchai)");
        assertThat(row.details()).isEqualTo("ตำแหน่ง นักวิชาการคอมพิวเตอร์ปฏิบัติการ · บทบาท ผู้ดูแลระบบ อปท. · ใช้งานอยู่");
    }

    @Test
    void anAddedUserHasTheRolesTickedAndMustChooseTheirOwnPasswordAtTheFirstSignIn() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        model.roleProperty(Role.DATA_ENTRY_OFFICER).set(true);
        fx(model::add);

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo(
                "เพิ่ม นางมาลี รักษ์ถิ่น (malee) แล้ว เมื่อเข้าสู่ระบบครั้งแรกจะต้องตั้งรหัสผ่านของตนเอง");
        User stored = users.users().stream().filter(u -> u.username().equals("malee")).findFirst().orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.CERTIFIER, Role.DATA_ENTRY_OFFICER);
        assertThat(stored.position()).isEqualTo("ปลัดเทศบาล");
        assertThat(model.rows()).hasSize(2);
        assertThat(model.selectedProperty().get().user().username()).isEqualTo("malee");
        assertThat(model.nextProperty().get()).isEqualTo(Field.USERNAME); // ready for the next one
        assertThat(model.usernameProperty().get()).isEmpty();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.roleProperty(Role.CERTIFIER).get()).isFalse();

        SignIn first = users.signIn("malee", FIRST_PASSWORD);
        assertThat(first).isInstanceOf(SignIn.Ok.class);
        assertThat(((SignIn.Ok) first).mustChangePassword()).isTrue();
    }

    @Test
    void differentPasswordsAreRefusedAtTheSecondFieldAndNothingIsAdded() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD + "x");
        fx(model::add);

        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.CONFIRM);
        assertThat(model.problemProperty().get()).isEqualTo("รหัสผ่านสองช่องไม่ตรงกัน กรุณาพิมพ์ใหม่");
        assertThat(users.users()).hasSize(1);
    }

    @Test
    void eachRefusalOfTheServiceStandsAtItsFieldAndKeepsWhatWasTyped() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        model.usernameProperty().set("ma");
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.USERNAME);
        assertThat(model.problemProperty().get()).startsWith("ชื่อผู้ใช้ต้องยาว 3 ถึง 32 ตัวอักษร");
        assertThat(model.displayNameProperty().get()).isEqualTo("นางมาลี รักษ์ถิ่น"); // nothing lost

        model.usernameProperty().set("somchai");
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.USERNAME);
        assertThat(model.problemProperty().get()).isEqualTo("มีผู้ใช้ชื่อนี้แล้ว กรุณาเลือกชื่อผู้ใช้อื่น");

        model.usernameProperty().set("malee");
        model.displayNameProperty().set("  ");
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.DISPLAY_NAME);

        model.displayNameProperty().set("นางมาลี รักษ์ถิ่น");
        model.positionProperty().set("");
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.POSITION);

        model.positionProperty().set("ปลัดเทศบาล");
        model.roleProperty(Role.CERTIFIER).set(false);
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.ROLES);
        assertThat(model.problemProperty().get()).startsWith("กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท");

        model.roleProperty(Role.CERTIFIER).set(true);
        model.roleProperty(Role.DISTRICT_OFFICER).set(true);
        fx(model::add);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.ROLES);

        model.roleProperty(Role.DISTRICT_OFFICER).set(false);
        for (String weak : List.of("สั้น12", "25052530", "password123")) {
            model.passwordProperty().set(weak);
            model.confirmProperty().set(weak);
            fx(model::add);
            assertThat(model.problemFieldProperty().get()).as(weak).isEqualTo(Field.PASSWORD);
        }
        assertThat(model.problemProperty().get()).startsWith("รหัสผ่านนี้เดาได้ง่ายเกินไป");
        assertThat(users.users()).hasSize(1);
    }

    @Test
    void aResetPasswordSignsInAndMustBeChangedAgain() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        fx(model::add);
        users.changePassword("malee", FIRST_PASSWORD, "มาลีรักษ์ถิ่น2569");

        model.selectedProperty().set(row("malee"));
        model.resetPasswordProperty().set("ลืมรหัสผ่านอีกแล้ว");
        model.resetConfirmProperty().set("ลืมรหัสผ่านอีกแล้ว");
        fx(model::reset);

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get()).startsWith("ตั้งรหัสผ่านใหม่ให้ นางมาลี รักษ์ถิ่น แล้ว");
        assertThat(model.resetPasswordProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEqualTo(Field.LIST);
        SignIn again = users.signIn("malee", "ลืมรหัสผ่านอีกแล้ว");
        assertThat(again).isInstanceOf(SignIn.Ok.class);
        assertThat(((SignIn.Ok) again).mustChangePassword()).isTrue();
    }

    @Test
    void aResetIsRefusedAtItsFieldsWhenTheyDifferOrBreakTheRules() throws Exception {
        model.selectedProperty().set(row("somchai"));
        model.resetPasswordProperty().set("ลืมรหัสผ่านอีกแล้ว");
        model.resetConfirmProperty().set("ลืมรหัสผ่าน");
        fx(model::reset);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.RESET_CONFIRM);

        model.resetPasswordProperty().set("1234567890");
        model.resetConfirmProperty().set("1234567890");
        fx(model::reset);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.RESET_PASSWORD);
        assertThat(model.problemProperty().get()).startsWith("รหัสผ่านเป็นตัวเลขล้วนไม่ได้");
        assertThat(users.signIn("somchai", ADMIN_PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void nothingSelectedAsksToChooseAUserInTheList() throws Exception {
        model.selectedProperty().set(null);
        fx(model::toggleActive);
        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.LIST);
        assertThat(model.problemProperty().get()).isEqualTo("กรุณาเลือกผู้ใช้จากรายชื่อก่อน");
    }

    @Test
    void theLastActiveAdminCannotBeMadeInactive() throws Exception {
        model.selectedProperty().set(row("somchai"));
        assertThat(model.activeActionProperty().get()).isEqualTo("ปิดการใช้งาน");
        fx(model::toggleActive);

        assertThat(model.problemFieldProperty().get()).isEqualTo(Field.ACTIVE);
        assertThat(model.problemProperty().get()).isEqualTo(
                "ปิดการใช้งานผู้ดูแลระบบคนสุดท้ายไม่ได้ กรุณาเพิ่มหรือเปิดใช้งานผู้ดูแลระบบอีกคนก่อน");
        assertThat(users.users().get(0).active()).isTrue();
    }

    @Test
    void aUserMadeInactiveCannotSignInUntilMadeActiveAgain() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        fx(model::add);

        fx(model::toggleActive); // the one just added stays selected
        assertThat(model.noticeProperty().get()).startsWith("นางมาลี รักษ์ถิ่น ถูกปิดการใช้งานแล้ว");
        assertThat(row("malee").details()).endsWith("ปิดการใช้งานแล้ว");
        assertThat(model.activeActionProperty().get()).isEqualTo("เปิดใช้งานอีกครั้ง");
        assertThat(model.nextProperty().get()).isEqualTo(Field.ACTIVE);
        assertThat(users.signIn("malee", FIRST_PASSWORD)).isInstanceOf(SignIn.Inactive.class);

        fx(model::toggleActive);
        assertThat(row("malee").user().active()).isTrue();
        assertThat(users.signIn("malee", FIRST_PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void anAdminMadeInactiveMeanwhileIsRefusedWithTheServicesMessage() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        model.roleProperty(Role.LAO_ADMIN).set(true);
        fx(model::add);
        User second = row("malee").user();
        users.setActive(second, admin.id(), false); // another admin made this one inactive

        model.usernameProperty().set("somsri");
        model.displayNameProperty().set("นางสมศรี ขยันดี");
        model.positionProperty().set("เจ้าพนักงานธุรการ");
        model.roleProperty(Role.DATA_ENTRY_OFFICER).set(true);
        model.passwordProperty().set(FIRST_PASSWORD);
        model.confirmProperty().set(FIRST_PASSWORD);
        fx(model::add);

        assertThat(model.problemFieldProperty().get()).isNull();
        assertThat(model.problemProperty().get()).startsWith("เฉพาะผู้ดูแลระบบ อปท. เท่านั้น");
        assertThat(users.users()).hasSize(2);
    }

    @Test
    void escGoesBack() {
        model.back();
        assertThat(backs).isEqualTo(1);
    }

    @Test
    void theFirstSignInChoosesOwnPasswordThenGoesOn() throws Exception {
        fillCertifier(FIRST_PASSWORD, FIRST_PASSWORD);
        fx(model::add);
        List<User> through = new CopyOnWriteArrayList<>();
        List<String> change = new CopyOnWriteArrayList<>();
        SignInViewModel signIn = SignInViewModel.atStart(users, Messages.thai(), ZoneId.of("Asia/Bangkok"),
                new Background(Runnable::run), through::add).onMustChangePassword((u, current) -> change.add(current));
        signIn.usernameProperty().set("malee");
        signIn.passwordProperty().set(FIRST_PASSWORD);
        fx(signIn::signIn);
        assertThat(through).isEmpty();
        assertThat(change).containsExactly(FIRST_PASSWORD);

        User malee = row("malee").user();
        ChangePasswordViewModel choose = new ChangePasswordViewModel(users, Messages.thai(), ZoneId.of("Asia/Bangkok"),
                new Background(Runnable::run), malee, FIRST_PASSWORD, through::add);
        assertThat(choose.intro()).contains("รหัสผ่านนี้ผู้ดูแลระบบตั้งให้");
        choose.passwordProperty().set(FIRST_PASSWORD);
        choose.confirmProperty().set(FIRST_PASSWORD);
        fx(choose::submit);
        assertThat(choose.problemFieldProperty().get()).isEqualTo(ChangePasswordViewModel.Field.NEW);
        assertThat(choose.problemProperty().get()).startsWith("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านที่ผู้ดูแลระบบตั้งให้");

        choose.passwordProperty().set("malee");
        choose.confirmProperty().set("malee");
        fx(choose::submit);
        assertThat(choose.problemFieldProperty().get()).isEqualTo(ChangePasswordViewModel.Field.NEW);
        assertThat(choose.problemProperty().get()).startsWith("รหัสผ่านสั้นเกินไป");

        choose.passwordProperty().set("มาลีรักษ์ถิ่น2569");
        choose.confirmProperty().set("มาลีรักษ์ถิ่น");
        fx(choose::submit);
        assertThat(choose.problemFieldProperty().get()).isEqualTo(ChangePasswordViewModel.Field.CONFIRM);

        choose.confirmProperty().set("มาลีรักษ์ถิ่น2569");
        fx(choose::submit);
        assertThat(through).extracting(User::username).containsExactly("malee");
        SignIn own = users.signIn("malee", "มาลีรักษ์ถิ่น2569");
        assertThat(((SignIn.Ok) own).mustChangePassword()).isFalse();
        assertThat(users.signIn("malee", FIRST_PASSWORD)).isInstanceOf(SignIn.WrongPassword.class);
    }

    @Test
    void theAdminsSignInLetsOnlyAnAdminThrough() throws Exception {
        users.addUser(admin, new org.infodesk.app.users.NewUser("somsri", "นางสมศรี ขยันดี", "เจ้าพนักงานธุรการ",
                Set.of(Role.DATA_ENTRY_OFFICER)), FIRST_PASSWORD);
        List<User> through = new CopyOnWriteArrayList<>();
        SignInViewModel signIn = SignInViewModel.atStart(users, Messages.thai(), ZoneId.of("Asia/Bangkok"),
                new Background(Runnable::run), "", through::add).onlyAdmins();
        signIn.usernameProperty().set("somsri");
        signIn.passwordProperty().set(FIRST_PASSWORD);
        fx(signIn::signIn);
        assertThat(through).isEmpty();
        assertThat(signIn.problemProperty().get()).isTrue();
        assertThat(signIn.messageProperty().get()).startsWith("นางสมศรี ขยันดี ไม่ใช่ผู้ดูแลระบบ อปท.");

        signIn.usernameProperty().set("somchai");
        signIn.passwordProperty().set(ADMIN_PASSWORD);
        fx(signIn::signIn);
        assertThat(through).containsExactly(admin);
    }
}
