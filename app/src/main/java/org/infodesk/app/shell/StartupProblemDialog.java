package org.infodesk.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;

/**
 * Tells the user, in their language, why the data could not be opened and what to do; for a
 * damaged database it offers to restore the newest sound backup.
 */
final class StartupProblemDialog {

    private StartupProblemDialog() {}

    /** Shows the problem; returns the backup to restore if the user chose to. */
    static Optional<Path> show(StoreException e, Messages m) {
        String folder = e.folder().map(Path::toString).orElse("");
        String backup = e.latestBackup().map(p -> p.getFileName().toString()).orElse("");
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(m.get("app.title"));
        alert.setHeaderText(m.get("startup.problem"));
        Label text = new org.infodesk.app.ui.WrappingLabel(m.get(e.messageKey(), folder, backup));
        text.setId("startupProblem");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(560);
        // without these, GTK sizes the window before the Thai text is laid out and cuts the dialog
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.getDialogPane().getStylesheets().add(StartupProblemDialog.class.getResource("app.css").toExternalForm());
        ButtonType close = new ButtonType(m.get("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType restore = new ButtonType(m.get("action.restoreBackup"), ButtonBar.ButtonData.OK_DONE);
        boolean canRestore = e.problem() == StoreException.Problem.CORRUPT && e.latestBackup().isPresent();
        alert.getButtonTypes().setAll(canRestore ? new ButtonType[] {restore, close} : new ButtonType[] {close});
        Optional<ButtonType> choice = alert.showAndWait();
        return choice.isPresent() && choice.get() == restore ? e.latestBackup() : Optional.empty();
    }
}
