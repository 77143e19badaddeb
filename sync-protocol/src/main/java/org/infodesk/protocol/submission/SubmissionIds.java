package org.infodesk.protocol.submission;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Makes submission ids: UUID version 7 (RFC 9562 §5.7), 48 bits of Unix time in milliseconds,
 * then 74 random bits. The 12 bits after the version are a counter within one millisecond
 * (RFC 9562 §6.2, method 1), so the ids one generator gives are strictly increasing, also when
 * the clock stands still or steps back. Thread-safe.
 */
public final class SubmissionIds {

    private static final int COUNTER_MAX = 0xFFF;

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    /** Ids from the system clock and a {@link SecureRandom}. */
    public SubmissionIds() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public SubmissionIds(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public synchronized UUID next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | counter;
        long lsb = (0x2L << 62) | (random.nextLong() >>> 2);
        return new UUID(msb, lsb);
    }

    /** Whether an id is a UUID version 7 of the RFC 9562 variant. */
    public static boolean isV7(UUID id) {
        return id.variant() == 2 && id.version() == 7;
    }

    /** The time a version 7 id was made, to the millisecond. */
    public static Instant timeOf(UUID id) {
        if (!isV7(id)) {
            throw new IllegalArgumentException("not a UUID version 7: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
