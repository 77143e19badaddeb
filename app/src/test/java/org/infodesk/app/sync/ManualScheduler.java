package org.infodesk.app.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose time moves only when a test moves it; tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {

    private static final class Task implements Planned {
        final Instant due;
        final long order;
        final Runnable run;
        boolean cancelled;

        Task(Instant due, long order, Runnable run) {
            this.due = due;
            this.order = order;
            this.run = run;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now;
    private long order;

    ManualScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public Planned schedule(Runnable task, Duration delay) {
        Task planned = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
        tasks.add(planned);
        return planned;
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Runs what is due now, and what that plans for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time on by {@code by}, running each task when its time comes, in time order. */
    void advance(Duration by) {
        Instant target = now.plus(by);
        while (true) {
            tasks.removeIf(t -> t.cancelled);
            Task next = tasks.stream().filter(t -> !t.due.isAfter(target))
                    .min(Comparator.<Task, Instant>comparing(t -> t.due).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.due.isAfter(now) ? next.due : now;
            next.run.run();
        }
        now = target;
    }

    /** When the earliest planned task is due, or null when nothing is planned. */
    Instant nextDue() {
        return tasks.stream().filter(t -> !t.cancelled).map(t -> t.due).min(Comparator.naturalOrder()).orElse(null);
    }
}
