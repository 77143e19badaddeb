package org.infodesk.app.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The app's own start-up probe ({@code --probe}): measures process start to the dashboard's
 * first frame, opening the largest domain to its first frame, and a field edit to the frame
 * that shows "saved" (once the form has built its last sections, in the frames after its first); prints one line {@code PROBE startupMs=.. settleMs=.. openDomainMs=.. editToSavedMs=..}
 * ({@code settleMs}: from the first frame until the app's work after it is done, when the probe opens the domain;
 * {@code openGcMs}, {@code reopenGcMs}, {@code editsGcMs}: the collectors' pauses inside those windows, which a
 * figure includes) and exits. Run by {@code ./bench startup}; never part of the tests.
 */
final class StartupProbe {

    /** What the probe drives in the app. */
    interface Driver {
        void openLargestDomain();

        void backToDashboard();

        void editAField();

        /** Whether the open form has built all its sections (it builds the last ones after its first frame). */
        boolean formComplete();

        /** Whether the app's work after its first frame (recomputing the dashboard, warming up a form) is done. */
        boolean settled();
    }

    /** Edits after the first, whose median the probe reports. */
    static final int MORE_EDITS = 20;

    private StartupProbe() {}

    /** Calls {@code then} once, after the next frame of the scene has been laid out and rendered. */
    static void afterNextFrame(Scene scene, Runnable then) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.compareAndSet(false, true)) {
                scene.removePostLayoutPulseListener(listener[0]);
                // the pulse that laid the frame out also renders it; what follows sees it shown
                Platform.runLater(then);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    static void run(Scene scene, Driver driver) {
        afterNextFrame(scene, () -> {
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            long startupMs = Duration.between(started, Instant.now()).toMillis();
            long firstFrame = System.nanoTime();
            // an officer opens a domain after reading the dashboard; the probe once the app has settled
            when(scene, driver::settled, () -> open(scene, driver, startupMs, (System.nanoTime() - firstFrame) / 1_000_000));
        });
    }

    private static void open(Scene scene, Driver driver, long startupMs, long settleMs) {
        long openStart = System.nanoTime();
        long openGc = gcMs();
        driver.openLargestDomain();
        afterNextFrame(scene, () -> {
            long openMs = (System.nanoTime() - openStart) / 1_000_000;
            long openGcMs = gcMs() - openGc;
            driver.backToDashboard();
            afterNextFrame(scene, () -> {
                long reopenStart = System.nanoTime();
                long reopenGc = gcMs();
                driver.openLargestDomain();
                afterNextFrame(scene, () -> {
                    long reopenMs = (System.nanoTime() - reopenStart) / 1_000_000;
                    long reopenGcMs = gcMs() - reopenGc;
                    long[] edits = new long[MORE_EDITS + 1];
                    // edits once the form is complete, as an officer's first keystroke comes later than that
                    when(scene, driver::formComplete, () -> {
                        long editsGc = gcMs();
                        edit(scene, driver, edits, 0, () -> {
                            long[] later = java.util.Arrays.copyOfRange(edits, 1, edits.length);
                            java.util.Arrays.sort(later);
                            System.out.println("PROBE startupMs=" + startupMs + " settleMs=" + settleMs + " openDomainMs=" + openMs
                                    + " reopenDomainMs=" + reopenMs + " editToSavedMs=" + edits[0]
                                    + " laterEditToSavedMs=" + later[later.length / 2] + " openGcMs=" + openGcMs
                                    + " reopenGcMs=" + reopenGcMs + " editsGcMs=" + (gcMs() - editsGc));
                            System.out.flush();
                            Platform.exit();
                        });
                    });
                });
            });
        });
    }

    /** The time the collectors have paused the JVM so far. */
    private static long gcMs() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Runs {@code then} once {@code condition} holds, checking after each frame. */
    private static void when(Scene scene, java.util.function.BooleanSupplier condition, Runnable then) {
        if (condition.getAsBoolean()) {
            then.run();
        } else {
            afterNextFrame(scene, () -> when(scene, condition, then));
        }
    }

    private static void edit(Scene scene, Driver driver, long[] times, int index, Runnable done) {
        if (index == times.length) {
            done.run();
            return;
        }
        long start = System.nanoTime();
        driver.editAField();
        afterNextFrame(scene, () -> {
            times[index] = (System.nanoTime() - start) / 1_000_000;
            edit(scene, driver, times, index + 1, done);
        });
    }
}
