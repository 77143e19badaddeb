package org.infodesk.app.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter (SPEC §4.11): after the n-th failure in a row the wait is drawn
 * between half and all of {@code first × 2^(n-1)}, capped at {@code most}, and never shorter than
 * what the server asked for ({@code Retry-After}). The jitter keeps thousands of offices that lost
 * the same link at the same moment from coming back at the same moment. Not thread-safe.
 */
public final class Backoff {

    /** The reference's waits: 5 s after the first failure, doubling to at most 15 minutes. */
    public static final Duration FIRST = Duration.ofSeconds(5);
    public static final Duration MOST = Duration.ofMinutes(15);

    private final Duration first;
    private final Duration most;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration first, Duration most, RandomGenerator random) {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException("first " + first + ", most " + most);
        }
        this.first = first;
        this.most = most;
        this.random = Objects.requireNonNull(random);
    }

    /** One more failure in a row: how long to wait before the next attempt. */
    public Duration next(Duration notBefore) {
        failures++;
        int doublings = Math.min(failures - 1, 30);
        long ceiling = Math.min(most.toMillis(), first.toMillis() << Math.min(doublings, 20));
        long wait = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        Duration drawn = Duration.ofMillis(wait);
        return drawn.compareTo(notBefore) >= 0 ? drawn : notBefore;
    }

    /** A success: the next failure waits the first wait again. */
    public void reset() {
        failures = 0;
    }

    /** Failures in a row since the last success. */
    public int failures() {
        return failures;
    }
}
