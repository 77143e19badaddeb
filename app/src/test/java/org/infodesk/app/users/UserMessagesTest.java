package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.infodesk.app.i18n.Messages;
import org.junit.jupiter.api.Test;

/** What users read: Thai and English, times in Buddhist Era, no hint of who has an account. */
class UserMessagesTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private final Messages thai = Messages.thai();
    private final Messages english = Messages.of(Locale.ENGLISH);

    @Test
    void aLockShowsItsEndInBuddhistEraLocalTime() {
        SignIn locked = new SignIn.LockedUntil(Instant.parse("2021-06-15T07:05:00Z"));

        assertThat(locked.message(thai, BANGKOK)).contains("15 มิ.ย. พ.ศ. 2564 14:05");
        assertThat(locked.message(english, BANGKOK)).contains("locked until 15 Jun 2564 B.E. 14:05");
    }

    @Test
    void aWrongPasswordSaysHowManyAttemptsAreLeft() {
        assertThat(new SignIn.WrongPassword(3).message(thai, BANGKOK)).contains("ไม่ถูกต้อง").contains("อีก 3 ครั้ง");
        assertThat(new SignIn.WrongPassword(3).message(english, BANGKOK)).startsWith("Wrong user name or password")
                .contains("3 more attempts");
        assertThat(new SignIn.WrongPassword(1).message(english, BANGKOK)).contains("1 more attempt ");
    }

    @Test
    void aSignInWithAPasswordSetByTheAdminAsksForTheUsersOwn() {
        User malee = new User(UUID.randomUUID(), "malee", "นางมาลี รักษ์ถิ่น", "ปลัด", Set.of(Role.CERTIFIER), true);

        assertThat(new SignIn.Ok(malee, false).message(thai, BANGKOK)).isEqualTo("ยินดีต้อนรับ นางมาลี รักษ์ถิ่น");
        assertThat(new SignIn.Ok(malee, true).message(english, BANGKOK)).contains("choose your own");
    }

    @Test
    void refusalsSayWhatToDoInBothLanguages() {
        UserException notAdmin = new UserException(UserException.Problem.NOT_ADMIN);

        assertThat(notAdmin.message(thai)).contains("เฉพาะผู้ดูแลระบบ");
        assertThat(notAdmin.message(english)).startsWith("Only an LAO administrator");
        assertThat(new UserException(UserException.Problem.USERNAME_INVALID, 3, 32).message(english)).contains("3 to 32");
        for (Role role : Role.values()) {
            assertThat(thai.get(role.messageKey())).doesNotStartWith("!");
        }
    }
}
