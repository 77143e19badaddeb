package org.infodesk.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.infodesk.app.shell.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A TestFX stage dressed as the app's window, and what screen tests ask of it. */
public final class AppWindow {

    /** The app's window at start (InfoDeskApp). */
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 680;

    private AppWindow() {}

    /** The bundled Thai font, the app's stylesheet and size, shown; screens are put in with {@link #show}. */
    public static void prepare(Stage stage) {
        Fonts.load();
        stage.setScene(new Scene(new Label(), WIDTH, HEIGHT));
        stage.getScene().getStylesheets().add(Fonts.class.getResource("app.css").toExternalForm());
        stage.show();
    }

    /**
     * Shows a screen as the shell does: the window gets the focus (a click on {@code clickId}, a
     * label of the screen, as the user's click that opened it would), then {@code focusFirst}.
     */
    public static void show(FxRobot robot, Stage stage, Parent view, String clickId, Runnable focusFirst) {
        robot.interact(() -> {
            stage.getScene().setRoot(view);
            stage.toFront();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(clickId);
        robot.interact(focusFirst);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * What a label says: a wrapping label's whole text (not its broken lines), unbreakable spaces as
     * spaces. Read on the JavaFX thread, so that a screen rebuilding its rows is never walked halfway.
     */
    public static String text(FxRobot robot, String id) {
        return onFx(() -> said(robot.lookup(id).queryAs(Label.class)));
    }

    /** What a label says, or "" while the screen has no such label (read on the JavaFX thread). */
    public static String textOrEmpty(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).tryQueryAs(Label.class).map(AppWindow::said).orElse(""));
    }

    /** Whether the node {@code query} finds has the focus (read on the JavaFX thread). */
    public static boolean focused(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).query().isFocused());
    }

    /** Runs a question about the scene on the JavaFX thread and waits for its answer. */
    public static <T> T onFx(Callable<T> question) {
        if (Platform.isFxApplicationThread()) {
            try {
                return question.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(question).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the JavaFX thread did not answer in 30 s", e);
        }
    }

    private static String said(Label label) {
        return (label instanceof WrappingLabel w ? w.getContent() : label.getText()).replace('\u00A0', ' ');
    }

    /** A PNG of the window as it is drawn now. */
    public static void picture(FxRobot robot, Stage stage, Path file) {
        robot.interact(() -> {
            try {
                BufferedImage image = SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null);
                Files.createDirectories(file.toAbsolutePath().getParent());
                ImageIO.write(image, "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
