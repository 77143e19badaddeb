package org.infodesk.app.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The app's own start-up probe ({@code --probe}): measures process start to the dashboard's
 * first frame, opening the largest domain to its first frame, and a field edit to the frame
 * that shows "saved"; prints one line {@code PROBE startupMs=.. openDomainMs=.. editToSavedMs=..}
 * and exits. Run by {@code ./bench startup}; never part of the tests.
 */
final class StartupProbe {

    /** What the probe drives in the app. */
    interface Driver {
        void openLargestDomain();

        void editAField();
    }

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
            long openStart = System.nanoTime();
            driver.openLargestDomain();
            afterNextFrame(scene, () -> {
                long openMs = (System.nanoTime() - openStart) / 1_000_000;
                long editStart = System.nanoTime();
                driver.editAField();
                afterNextFrame(scene, () -> {
                    long editMs = (System.nanoTime() - editStart) / 1_000_000;
                    System.out.println("PROBE startupMs=" + startupMs + " openDomainMs=" + openMs + " editToSavedMs=" + editMs);
                    System.out.flush();
                    Platform.exit();
                });
            });
        });
    }
}
