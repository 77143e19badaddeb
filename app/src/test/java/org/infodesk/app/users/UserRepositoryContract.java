package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does; run against the in-memory fake and SQLite. */
public abstract class UserRepositoryContract {

    protected static final User ADMIN = new User(UUID.fromString("0190a1b2-0000-7000-8000-0000000000a1"), "somchai",
            "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", Set.of(Role.LAO_ADMIN, Role.DATA_ENTRY_OFFICER), true);
    protected static final User CERTIFIER = new User(UUID.fromString("0190a1b2-0000-7000-8000-0000000000c1"), "malee",
            "นางมาลี รักษ์ถิ่น", "ปลัดองค์การบริหารส่วนตำบล", Set.of(Role.CERTIFIER), true);
    private static final String HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    protected abstract UserRepository repository() throws Exception;

    @Test
    void theFirstUserIsAddedOnlyWhileThereIsNone() throws Exception {
        UserRepository repo = repository();

        assertThat(repo.count()).isZero();
        assertThat(repo.addFirst(ADMIN, HASH)).isTrue();
        assertThat(repo.addFirst(CERTIFIER, HASH)).isFalse();

        assertThat(repo.count()).isEqualTo(1);
        assertThat(repo.find("malee")).isEmpty();
        assertThat(repo.credential(ADMIN.id())).contains(new UserRepository.Credential(HASH, false));
    }

    @Test
    void onceNoUserIsActiveAFirstUserMayBeAddedAgain() throws Exception {
        UserRepository repo = repository();
        repo.addFirst(CERTIFIER, HASH);
        repo.setActive(CERTIFIER.id(), false);

        assertThat(repo.count()).isZero();
        assertThat(repo.addFirst(ADMIN, HASH)).isTrue();
        assertThat(repo.count()).isEqualTo(1);
        assertThat(repo.all()).hasSize(2);
    }

    @Test
    void aUserComesBackWithEveryFieldAndAllRoles() throws Exception {
        UserRepository repo = repository();
        repo.addFirst(ADMIN, HASH);
        repo.add(CERTIFIER, new UserRepository.Credential(HASH, true));

        assertThat(repo.find("somchai")).contains(ADMIN);
        assertThat(repo.find(CERTIFIER.id())).contains(CERTIFIER);
        assertThat(repo.find(ADMIN.id()).orElseThrow().roles()).isEqualTo(EnumSet.of(Role.DATA_ENTRY_OFFICER, Role.LAO_ADMIN));
        assertThat(repo.all()).containsExactly(CERTIFIER, ADMIN);
        assertThat(repo.credential(CERTIFIER.id())).contains(new UserRepository.Credential(HASH, true));
    }

    @Test
    void aTakenUserNameIsAConflict() throws Exception {
        UserRepository repo = repository();
        repo.addFirst(ADMIN, HASH);
        User sameName = new User(UUID.randomUUID(), "somchai", "นายสมชาย อื่น", "ผู้ช่วย", Set.of(Role.CERTIFIER), true);

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> repo.add(sameName, new UserRepository.Credential(HASH, true)));

        assertThat(e.problem()).isEqualTo(StoreException.Problem.CONFLICT);
        assertThat(repo.count()).isEqualTo(1);
    }

    @Test
    void credentialAndActiveStateCanBeChangedAndAnUnknownIdChangesNothing() throws Exception {
        UserRepository repo = repository();
        repo.addFirst(ADMIN, HASH);
        repo.add(CERTIFIER, new UserRepository.Credential(HASH, true));

        assertThat(repo.setCredential(CERTIFIER.id(), new UserRepository.Credential("other", false))).isTrue();
        assertThat(repo.setActive(CERTIFIER.id(), false)).isTrue();
        assertThat(repo.setActive(UUID.randomUUID(), false)).isFalse();
        assertThat(repo.setCredential(UUID.randomUUID(), new UserRepository.Credential("x", false))).isFalse();

        assertThat(repo.credential(CERTIFIER.id())).contains(new UserRepository.Credential("other", false));
        assertThat(repo.find("malee").orElseThrow().active()).isFalse();
        assertThat(repo.find("somchai").orElseThrow().active()).isTrue();
    }

    @Test
    void failuresAreKeptPerNameEvenForNamesNoUserHasAndCanBeCleared() throws Exception {
        UserRepository repo = repository();
        Instant at = Instant.parse("2021-06-01T02:00:00Z");
        SignInFailures locked = new SignInFailures(5, at, at.plusSeconds(300));

        repo.recordFailures("nobody", new SignInFailures(1, at, null));
        repo.recordFailures("nobody", locked);
        repo.recordFailures("somchai", new SignInFailures(2, at, null));
        repo.clearFailures("somchai");

        assertThat(repo.failures("nobody")).contains(locked);
        assertThat(repo.failures("somchai")).isEmpty();
    }
}
