package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.infodesk.app.i18n.Messages;
import org.junit.jupiter.api.Test;

class InactivityLockTest {

    private final TestClock clock = new TestClock(Instant.parse("2021-06-01T02:00:00Z"));

    @Test
    void locksAfterTenMinutesWithoutActivityByDefault() {
        InactivityLock lock = new InactivityLock(clock);

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(lock.locked()).isFalse();
        assertThat(lock.remaining()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(lock.locked()).isTrue();
        assertThat(lock.remaining()).isZero();
    }

    @Test
    void activityRestartsTheTimeout() {
        InactivityLock lock = InactivityLock.afterMinutes(clock, 3);

        clock.advance(Duration.ofMinutes(2));
        lock.activity();
        clock.advance(Duration.ofMinutes(2));

        assertThat(lock.locked()).isFalse();
        assertThat(lock.remaining()).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(lock.locked()).isTrue();
    }

    @Test
    void onceLockedInputDoesNotUnlockOnlySigningInAgainDoes() {
        InactivityLock lock = InactivityLock.afterMinutes(clock, 5);
        clock.advance(Duration.ofMinutes(5));

        lock.activity();
        assertThat(lock.locked()).isTrue();

        lock.unlock();
        assertThat(lock.locked()).isFalse();
        assertThat(lock.remaining()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theUserCanLockAtOnce() {
        InactivityLock lock = new InactivityLock(clock);

        lock.lock();

        assertThat(lock.locked()).isTrue();
    }

    @Test
    void aClockSetBackDoesNotStretchTheTimeout() {
        InactivityLock lock = InactivityLock.afterMinutes(clock, 5);

        clock.advance(Duration.ofDays(-365));
        assertThat(lock.remaining()).isEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));

        assertThat(lock.locked()).isTrue();
    }

    @Test
    void theLockScreenSaysHowLongInThaiAndEnglish() {
        InactivityLock lock = InactivityLock.afterMinutes(clock, 15);

        assertThat(lock.message(Messages.thai())).contains("15 นาที");
        assertThat(lock.message(Messages.of(java.util.Locale.ENGLISH))).contains("15 minutes");
    }
}
