package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.infodesk.app.storage.SqliteUserRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's people on a real store: made for the demo, retired when the PC enrols for its own office. */
class DemoUsersTest {

    @TempDir
    Path folder;
    private Store store;
    private UserService users;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(folder, new TestClock(Instant.parse("2021-06-01T02:00:00Z")));
        users = new UserService(new SqliteUserRepository(store), new PasswordHasher(PasswordHasherTest.SMALL, new SecureRandom()),
                new TestClock(Instant.parse("2021-06-01T02:00:00Z")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDemosPeopleSignInUntilRetiredThenTheOfficeMakesItsOwnFirstAdmin() throws Exception {
        assertThat(DemoUsers.installIfAbsent(users)).isTrue();
        // the password the demo's screen shows is their own (not an admin's to change): the certifier may certify
        for (String demo : new String[] {DemoUsers.OFFICER, DemoUsers.CERTIFIER}) {
            SignIn signIn = users.signIn(demo, DemoUsers.PASSWORD);
            assertThat(signIn).as(demo).isInstanceOf(SignIn.Ok.class);
            assertThat(((SignIn.Ok) signIn).mustChangePassword()).as(demo).isFalse();
        }
        assertThat(users.needsFirstAdmin()).isFalse();

        assertThat(DemoUsers.retire(users)).isTrue();

        for (String demo : new String[] {DemoUsers.ADMIN, DemoUsers.OFFICER, DemoUsers.CERTIFIER}) {
            assertThat(users.signIn(demo, DemoUsers.PASSWORD)).as(demo).isInstanceOf(SignIn.Inactive.class);
        }
        assertThat(users.needsFirstAdmin()).isTrue();
        assertThat(DemoUsers.retire(users)).as("retired once").isFalse();
        // the demo admin's name stays taken (users are never deleted: their edits name them)
        UserException taken = catchThrowableOfType(UserException.class,
                () -> users.createFirstAdmin(DemoUsers.ADMIN, "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", "ผู้ดูแล-2564"));
        assertThat(taken.problem()).isEqualTo(UserException.Problem.USERNAME_TAKEN);
        User own = users.createFirstAdmin("somchai", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", "ผู้ดูแล-2564");
        assertThat(users.signIn("somchai", "ผู้ดูแล-2564")).isEqualTo(new SignIn.Ok(own, false));
        assertThat(users.needsFirstAdmin()).isFalse();
        assertThat(DemoUsers.installIfAbsent(users)).as("never made again once an office has users").isFalse();
    }
}
