package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.infodesk.app.storage.SqliteUserRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local users on a real store in a temporary folder, with a clock the test moves. */
class UserServiceTest {

    private static final String ADMIN_PASSWORD = "ผู้ดูแล-2564";
    private static final String PASSWORD = "แก่งโสภา2564";
    private static final Instant START = Instant.parse("2021-06-01T02:00:00Z");

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock(START);
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasherTest.SMALL, new SecureRandom());
    private Store store;
    private UserService service;
    private User admin;

    @BeforeEach
    void open() throws Exception {
        reopen();
        admin = service.createFirstAdmin("somchai", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", ADMIN_PASSWORD);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Closes the store and opens it again, as restarting the app does. */
    private void reopen() throws Exception {
        if (store != null) {
            store.close();
        }
        store = StoreFixture.open(folder, clock);
        service = new UserService(new SqliteUserRepository(store), hasher, clock);
    }

    private User addCertifier() throws Exception {
        return service.addUser(admin, new NewUser("malee", "นางมาลี รักษ์ถิ่น", "ปลัดองค์การบริหารส่วนตำบล",
                Set.of(Role.CERTIFIER)), PASSWORD);
    }

    private static UserException.Problem refusal(ThrowingCall call) {
        UserException e = catchThrowableOfType(UserException.class, call::run);
        return e == null ? null : e.problem();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void theFirstAdminIsCreatedOnlyOnce() throws Exception {
        assertThat(admin.roles()).containsExactly(Role.LAO_ADMIN);
        assertThat(service.needsFirstAdmin()).isFalse();

        assertThat(refusal(() -> service.createFirstAdmin("intruder", "ผู้บุกรุก", "ไม่มี", "another-password")))
                .isEqualTo(UserException.Problem.ALREADY_SET_UP);
        assertThat(service.users()).containsExactly(admin);
    }

    @Test
    void theFirstRunNeedsAnAdminAndTheFirstAdminChoseTheirOwnPassword() throws Exception {
        store.close();
        store = StoreFixture.open(folder.resolve("fresh"), clock);
        service = new UserService(new SqliteUserRepository(store), hasher, clock);

        assertThat(service.needsFirstAdmin()).isTrue();
        service.createFirstAdmin("  Admin  ", "นายผู้ดูแล  ระบบ", "นักวิชาการคอมพิวเตอร์", ADMIN_PASSWORD);

        assertThat(service.needsFirstAdmin()).isFalse();
        assertThat(service.signIn("ADMIN", ADMIN_PASSWORD)).isInstanceOfSatisfying(SignIn.Ok.class, ok -> {
            assertThat(ok.user().username()).isEqualTo("admin");
            assertThat(ok.user().displayName()).isEqualTo("นายผู้ดูแล ระบบ");
            assertThat(ok.mustChangePassword()).isFalse();
        });
    }

    @Test
    void anAdminAddsACertifierAndAnOfficerWhoCanThenSignIn() throws Exception {
        User certifier = addCertifier();
        User officer = service.addUser(admin, new NewUser("wichai", "นายวิชัย ขยันดี", "เจ้าพนักงานธุรการ",
                Set.of(Role.DATA_ENTRY_OFFICER)), PASSWORD);

        assertThat(service.users()).extracting(User::username).containsExactly("malee", "somchai", "wichai");
        assertThat(service.signIn("malee", PASSWORD)).isEqualTo(new SignIn.Ok(certifier, true));
        assertThat(service.signIn("wichai", PASSWORD)).isEqualTo(new SignIn.Ok(officer, true));
    }

    @Test
    void anOfficerCannotAddUsersResetPasswordsOrDeactivateAnyone() throws Exception {
        User officer = service.addUser(admin, new NewUser("wichai", "นายวิชัย ขยันดี", "เจ้าพนักงานธุรการ",
                Set.of(Role.DATA_ENTRY_OFFICER)), PASSWORD);
        User certifier = addCertifier();

        assertThat(refusal(() -> service.addUser(officer, new NewUser("new.one", "นายใหม่", "ผู้ช่วย",
                Set.of(Role.LAO_ADMIN)), PASSWORD))).isEqualTo(UserException.Problem.NOT_ADMIN);
        assertThat(refusal(() -> service.resetPassword(officer, certifier.id(), "ตั้งใหม่เอง1")))
                .isEqualTo(UserException.Problem.NOT_ADMIN);
        assertThat(refusal(() -> service.setActive(certifier, admin.id(), false))).isEqualTo(UserException.Problem.NOT_ADMIN);
        assertThat(service.users()).hasSize(3);
        assertThat(service.signIn("malee", PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void aRecordClaimingAdminIsNotEnoughTheStoredUserMustBeAnActiveAdmin() throws Exception {
        User officer = service.addUser(admin, new NewUser("wichai", "นายวิชัย ขยันดี", "เจ้าพนักงานธุรการ",
                Set.of(Role.DATA_ENTRY_OFFICER)), PASSWORD);
        User forged = new User(officer.id(), officer.username(), officer.displayName(), officer.position(),
                Set.of(Role.LAO_ADMIN), true);
        User second = service.addUser(admin, new NewUser("admin2", "นายสอง", "ผู้ช่วย", Set.of(Role.LAO_ADMIN)), PASSWORD);
        service.setActive(admin, second.id(), false);

        assertThat(refusal(() -> service.addUser(forged, new NewUser("x.y", "นายเอ็กซ์", "ผู้ช่วย",
                Set.of(Role.CERTIFIER)), PASSWORD))).isEqualTo(UserException.Problem.NOT_ADMIN);
        assertThat(refusal(() -> service.resetPassword(second, officer.id(), "ตั้งใหม่เอง1")))
                .as("an inactive admin").isEqualTo(UserException.Problem.NOT_ADMIN);
    }

    @Test
    void detailsThatCannotBeSavedAreRefusedSayingWhatToFix() throws Exception {
        addCertifier();

        assertThat(refusal(() -> service.addUser(admin, new NewUser("ma", "นางมา", "ผู้ช่วย", Set.of(Role.CERTIFIER)),
                PASSWORD))).isEqualTo(UserException.Problem.USERNAME_INVALID);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("Malee", "นางมาลี อื่น", "ผู้ช่วย",
                Set.of(Role.CERTIFIER)), PASSWORD))).isEqualTo(UserException.Problem.USERNAME_TAKEN);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("kanda", " ", "ผู้ช่วย", Set.of(Role.CERTIFIER)),
                PASSWORD))).isEqualTo(UserException.Problem.NAME_REQUIRED);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("kanda", "นางกานดา", "", Set.of(Role.CERTIFIER)),
                PASSWORD))).isEqualTo(UserException.Problem.POSITION_REQUIRED);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("kanda", "นางกานดา", "ผู้ช่วย", Set.of()),
                PASSWORD))).isEqualTo(UserException.Problem.ROLES_INVALID);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("kanda", "นางกานดา", "ท้องถิ่นอำเภอ",
                Set.of(Role.DISTRICT_OFFICER, Role.CERTIFIER)), PASSWORD))).isEqualTo(UserException.Problem.ROLES_INVALID);
        assertThat(refusal(() -> service.addUser(admin, new NewUser("kanda", "นางกานดา", "ผู้ช่วย",
                Set.of(Role.CERTIFIER)), "short1"))).isEqualTo(UserException.Problem.PASSWORD_TOO_SHORT);
        assertThat(service.users()).hasSize(2);
    }

    @Test
    void aWrongPasswordCountsDownAndTheFifthFailureLocksForFiveMinutes() throws Exception {
        addCertifier();

        for (int left = 4; left >= 1; left--) {
            assertThat(service.signIn("malee", "wrong-password")).isEqualTo(new SignIn.WrongPassword(left));
            clock.advance(Duration.ofSeconds(10));
        }
        Instant fifth = clock.instant();

        assertThat(service.signIn("malee", "wrong-password")).isEqualTo(new SignIn.LockedUntil(fifth.plus(Duration.ofMinutes(5))));
        assertThat(service.signIn("malee", PASSWORD)).as("the right password while locked")
                .isEqualTo(new SignIn.LockedUntil(fifth.plus(Duration.ofMinutes(5))));
    }

    @Test
    void theLockSurvivesReopeningTheStore() throws Exception {
        addCertifier();
        for (int i = 0; i < 5; i++) {
            service.signIn("malee", "wrong-password");
        }

        reopen();
        clock.advance(Duration.ofMinutes(4));

        assertThat(service.signIn("malee", PASSWORD)).isEqualTo(new SignIn.LockedUntil(START.plus(Duration.ofMinutes(5))));
    }

    @Test
    void failuresBeforeALockSurviveReopeningTheStore() throws Exception {
        addCertifier();
        service.signIn("malee", "wrong-password");
        service.signIn("malee", "wrong-password");

        reopen();

        assertThat(service.signIn("malee", "wrong-password")).isEqualTo(new SignIn.WrongPassword(2));
    }

    @Test
    void theLockExpiresAfterFiveMinutesByTheClockAndTheRightPasswordThenResetsTheCount() throws Exception {
        User certifier = addCertifier();
        for (int i = 0; i < 5; i++) {
            service.signIn("malee", "wrong-password");
        }

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(service.signIn("malee", PASSWORD)).isInstanceOf(SignIn.LockedUntil.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.signIn("malee", PASSWORD)).isEqualTo(new SignIn.Ok(certifier, true));

        assertThat(service.signIn("malee", "wrong-password")).as("counting starts again")
                .isEqualTo(new SignIn.WrongPassword(4));
    }

    @Test
    void afterALockHasPassedAWrongPasswordStartsTheCountAgain() throws Exception {
        addCertifier();
        for (int i = 0; i < 5; i++) {
            service.signIn("malee", "wrong-password");
        }
        clock.advance(Duration.ofMinutes(6));

        assertThat(service.signIn("malee", "wrong-password")).isEqualTo(new SignIn.WrongPassword(4));
    }

    @Test
    void aClockSetBackLocksForAtMostFiveMinutesFromNow() throws Exception {
        addCertifier();
        for (int i = 0; i < 5; i++) {
            service.signIn("malee", "wrong-password");
        }

        Instant flatBattery = Instant.parse("2002-01-01T00:00:00Z");
        clock.set(flatBattery);

        assertThat(service.signIn("malee", PASSWORD)).isEqualTo(new SignIn.LockedUntil(flatBattery.plus(Duration.ofMinutes(5))));
        clock.advance(Duration.ofMinutes(5));
        assertThat(service.signIn("malee", PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void aNameNoUserHasIsAnsweredLikeAWrongPasswordAndLocksTheSameWay() throws Exception {
        addCertifier();

        for (int left = 4; left >= 1; left--) {
            assertThat(service.signIn("nobody", PASSWORD)).isEqualTo(new SignIn.WrongPassword(left));
        }
        assertThat(service.signIn("nobody", PASSWORD)).isEqualTo(new SignIn.LockedUntil(START.plus(Duration.ofMinutes(5))));
        assertThat(service.signIn("malee", PASSWORD)).as("other names are not locked").isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void outdatedParametersAreRehashedAtTheNextSuccessfulSignInAndStillVerify() throws Exception {
        addCertifier();
        SqliteUserRepository repo = new SqliteUserRepository(store);
        User certifier = repo.find("malee").orElseThrow();
        String before = repo.credential(certifier.id()).orElseThrow().passwordHash();
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Params(2048, 2, 1), new SecureRandom());
        UserService upgraded = new UserService(repo, stronger, clock);

        assertThat(upgraded.signIn("malee", "wrong-password")).isInstanceOf(SignIn.WrongPassword.class);
        assertThat(repo.credential(certifier.id()).orElseThrow().passwordHash()).as("not on a failure").isEqualTo(before);
        assertThat(upgraded.signIn("malee", PASSWORD)).isEqualTo(new SignIn.Ok(certifier, true));

        UserRepository.Credential after = repo.credential(certifier.id()).orElseThrow();
        assertThat(after.passwordHash()).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(after.mustChangePassword()).isTrue();
        assertThat(stronger.needsRehash(after.passwordHash())).isFalse();
        assertThat(upgraded.signIn("malee", PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void anAdminsResetLiftsTheLockAndTheUserThenChoosesTheirOwnPassword() throws Exception {
        User certifier = addCertifier();
        for (int i = 0; i < 5; i++) {
            service.signIn("malee", "wrong-password");
        }

        service.resetPassword(admin, certifier.id(), "ชั่วคราว-2564");
        assertThat(service.signIn("malee", "ชั่วคราว-2564")).isEqualTo(new SignIn.Ok(certifier, true));

        assertThat(service.changePassword("malee", "ชั่วคราว-2564", "ของฉันเอง-2564")).isEqualTo(new SignIn.Ok(certifier, false));
        assertThat(service.signIn("malee", "ชั่วคราว-2564")).isInstanceOf(SignIn.WrongPassword.class);
        assertThat(service.signIn("malee", "ของฉันเอง-2564")).isEqualTo(new SignIn.Ok(certifier, false));
    }

    @Test
    void changingAPasswordWithAWrongCurrentOneCountsAsAFailureAndChangesNothing() throws Exception {
        addCertifier();

        assertThat(service.changePassword("malee", "wrong-password", "ของฉันเอง-2564")).isEqualTo(new SignIn.WrongPassword(4));
        assertThat(refusal(() -> service.changePassword("malee", PASSWORD, "1234567890")))
                .isEqualTo(UserException.Problem.PASSWORD_ONLY_DIGITS);
        assertThat(service.signIn("malee", PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }

    @Test
    void anInactiveUserIsToldSoOnlyWithTheRightPasswordAndTheLastActiveAdminStays() throws Exception {
        User certifier = addCertifier();
        service.setActive(admin, certifier.id(), false);

        assertThat(service.signIn("malee", "wrong-password")).isEqualTo(new SignIn.WrongPassword(4));
        assertThat(service.signIn("malee", PASSWORD)).isEqualTo(new SignIn.Inactive());
        assertThat(refusal(() -> service.setActive(admin, admin.id(), false))).isEqualTo(UserException.Problem.LAST_ADMIN);

        service.setActive(admin, certifier.id(), true);
        assertThat(service.signIn("malee", PASSWORD)).isInstanceOf(SignIn.Ok.class);
    }
}
