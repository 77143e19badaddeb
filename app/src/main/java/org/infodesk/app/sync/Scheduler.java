package org.infodesk.app.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs tasks later, one at a time, on one thread of its own: the outbox's clock. The app uses a
 * single-thread executor; tests use a hand-moved one, so that waits are decided, not slept.
 */
public interface Scheduler {

    /** A task that may still be called off. */
    interface Planned {
        /** Calls the task off if it has not started; harmless if it has run. */
        void cancel();
    }

    /** Runs the task once after the delay (zero: as soon as the thread is free). */
    Planned schedule(Runnable task, Duration delay);

    /** The scheduler's time now. */
    Instant now();

    /** A scheduler on a single daemon thread of the given name, on the system clock. */
    static Scheduler onThread(String name) {
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        return new Scheduler() {
            @Override
            public Planned schedule(Runnable task, Duration delay) {
                var future = executor.schedule(task, Math.max(0, delay.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
