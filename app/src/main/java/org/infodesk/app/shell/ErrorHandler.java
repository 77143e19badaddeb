package org.infodesk.app.shell;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.infodesk.app.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net for a bug: the error goes to the log with its stack trace, the user gets a short
 * message in their language, and the app keeps running. Every change was saved when it was
 * made, so nothing is lost.
 */
final class ErrorHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final java.util.function.Supplier<Messages> messages;
    private volatile boolean showing;

    ErrorHandler(java.util.function.Supplier<Messages> messages) {
        this.messages = messages;
    }

    static void install(java.util.function.Supplier<Messages> messages) {
        ErrorHandler handler = new ErrorHandler(messages);
        Thread.setDefaultUncaughtExceptionHandler(handler); // the JavaFX thread has no handler of its own
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Unexpected error in thread {}", thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show();
        } else {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        if (showing) {
            return; // one dialog at a time, however many errors follow
        }
        showing = true;
        try {
            Messages m = messages.get();
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle(m.get("app.title"));
            alert.setHeaderText(m.get("error.unexpected"));
            Label text = new org.infodesk.app.ui.WrappingLabel(m.get("error.unexpectedDetail"));
            alert.getDialogPane().setContent(text);
            alert.getDialogPane().setPrefWidth(520);
            alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
            alert.showAndWait();
        } finally {
            showing = false;
        }
    }
}
