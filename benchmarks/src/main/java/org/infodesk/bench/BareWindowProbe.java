package org.infodesk.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: a bare JavaFX window (a Thai label and a text field), measured
 * from process start to its first frame exactly as the app's {@code --probe} measures its
 * dashboard. Prints {@code PROBE startupMs=..} and exits.
 */
public final class BareWindowProbe {

    private BareWindowProbe() {}

    /** The main class is not the Application, like the app's Launcher (no launcher check on a class path). */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The bare window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new VBox(8, new Label("ทดสอบภาษาไทย"), new TextField()), 400, 200);
            stage.setScene(scene);
            stage.show();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(() -> {
                    Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                    System.out.println("PROBE startupMs=" + Duration.between(started, Instant.now()).toMillis());
                    System.out.flush();
                    Platform.exit();
                });
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        }
    }
}
