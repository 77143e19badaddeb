package org.infodesk.protocol.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.infodesk.protocol.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

class SubmissionIdsTest {

    private static final Instant CERTIFIED = Instant.parse("2021-09-27T02:30:15.250Z");

    @Test
    void anIdIsAVersion7UuidCarryingTheClocksMillisecond() {
        UUID id = new SubmissionIds(Clock.fixed(CERTIFIED, ZoneOffset.UTC), new Random(1)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(SubmissionIds.timeOf(id)).isEqualTo(CERTIFIED);
        assertThat(id.toString()).startsWith("017c2516-abd2-7");
    }

    @Test
    void idsIncreaseStrictlyWhileTheClockStandsStillEvenPastTheCounter() {
        SubmissionIds ids = new SubmissionIds(Clock.fixed(CERTIFIED, ZoneOffset.UTC), new Random(2));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next().toString());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(SubmissionIds.isV7(UUID.fromString(id))).isTrue());
    }

    @Test
    void idsIncreaseWhenTheClockStepsBack() {
        MutableClock clock = new MutableClock(CERTIFIED);
        SubmissionIds ids = new SubmissionIds(clock, new Random(3));

        String before = ids.next().toString();
        clock.now = CERTIFIED.minusSeconds(3600);
        String after = ids.next().toString();

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aRandomUuidIsNotAVersion7One() {
        assertThat(SubmissionIds.isV7(UUID.randomUUID())).isFalse();
        assertThat(SubmissionIds.isV7(new SubmissionIds().next())).isTrue();
    }
}
