package org.infodesk.app.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.infodesk.app.i18n.Messages;

/**
 * Locks the session after a time without activity (pure logic, driven by a clock). The UI calls
 * {@link #activity()} on input events and asks {@link #locked()} (for instance when
 * {@link #remaining()} has passed); once locked, input does not unlock it: only
 * {@link #unlock()}, after the user has signed in again. Safe to call from any thread.
 */
public final class InactivityLock {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration timeout;
    private Instant lastActivity;
    private boolean locked;

    /** With the default timeout of {@link #DEFAULT_TIMEOUT}. */
    public InactivityLock(Clock clock) {
        this(clock, DEFAULT_TIMEOUT);
    }

    public InactivityLock(Clock clock, Duration timeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.lastActivity = clock.instant();
    }

    /** Lock after {@code minutes} minutes without activity. */
    public static InactivityLock afterMinutes(Clock clock, int minutes) {
        return new InactivityLock(clock, Duration.ofMinutes(minutes));
    }

    public Duration timeout() {
        return timeout;
    }

    /** The message of the lock screen. */
    public String message(Messages messages) {
        return messages.get("users.inactivity.locked", timeout.toMinutes());
    }

    /** The user did something (a key, a click); ignored once locked. */
    public synchronized void activity() {
        if (!locked()) {
            lastActivity = clock.instant();
        }
    }

    /** Whether the session is locked; it locks itself when the timeout has passed since the last activity. */
    public synchronized boolean locked() {
        if (!locked) {
            Duration left = untilLock();
            locked = left.isZero() || left.isNegative();
        }
        return locked;
    }

    /** How long until the lock if nothing happens; zero once locked. */
    public synchronized Duration remaining() {
        return locked() ? Duration.ZERO : untilLock();
    }

    /** Locks at once (the user stepped away and chose to lock). */
    public synchronized void lock() {
        locked = true;
    }

    /** Unlocks after the user has signed in again, and starts the timeout afresh. */
    public synchronized void unlock() {
        locked = false;
        lastActivity = clock.instant();
    }

    private Duration untilLock() {
        Instant now = clock.instant();
        if (now.isBefore(lastActivity)) {
            lastActivity = now; // the clock went back: count from now
        }
        return timeout.minus(Duration.between(lastActivity, now));
    }
}
