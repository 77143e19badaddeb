package org.infodesk.app.relay.status.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.Carrying;
import org.infodesk.app.relay.status.InMemoryStatusRepository;
import org.infodesk.app.relay.status.StatusBoard;
import org.infodesk.app.relay.status.StatusRepository;
import org.infodesk.app.shell.Fonts;

/**
 * Shows the board with a sample district at 1366x768 for a screenshot (docs/images/status-board-th.png):
 * run under Xvfb and take the picture with {@code import -window root}. Argument {@code en} for English.
 * Not a test.
 */
public final class StatusBoardPicture {

    static final Instant NOW = Instant.parse("2021-06-01T03:00:00Z");

    /** Not an Application itself: the JDK's launcher refuses one when JavaFX is on the class path. */
    public static void main(String[] args) {
        Application.launch(Shown.class, args);
    }

    public static final class Shown extends Application {
    @Override
    public void start(Stage stage) {
        Fonts.load();
        Messages m = getParameters().getRaw().contains("en") ? Messages.of(Locale.ENGLISH) : Messages.thai();
        InMemoryStatusRepository r = InMemoryStatusRepository.sample(NOW.minus(Duration.ofMinutes(7)));
        String[] domains = Carrying.FY2564.domains().stream().map(d -> d.id()).toArray(String[]::new);
        Instant at = Instant.parse("2021-05-28T02:00:00Z");
        List<String> more = List.of("6650808", "6650809", "5650802", "6650810", "6650811", "4650801", "6650812");
        for (int l = 0; l < more.size(); l++) {
            for (int d = 0; d < domains.length; d++) {
                int kind = (l * 3 + d * 5) % 11;
                at = at.plus(Duration.ofMinutes(97));
                if (kind < 3) {
                    r.server.add(new StatusRepository.ServerStatus(more.get(l), 2564, domains[d], 1,
                            StatusRepository.ServerState.ACCEPTED, at));
                } else if (kind < 6) {
                    r.server.add(new StatusRepository.ServerStatus(more.get(l), 2564, domains[d], 1 + kind % 2,
                            StatusRepository.ServerState.DELIVERED, at));
                } else if (kind < 8) {
                    r.carried.add(new StatusRepository.Carried(more.get(l), 2564, domains[d], 1,
                            StatusRepository.Delivery.WAITING, at));
                } else if (kind == 8) {
                    r.server.add(new StatusRepository.ServerStatus(more.get(l), 2564, domains[d], 1,
                            StatusRepository.ServerState.RETURNED, at));
                }
            }
        }
        StatusBoard board = new StatusBoard(r, year -> Carrying.FY2564.domains(), code -> null, Clock.fixed(NOW, ZoneOffset.UTC));
        StatusBoardViewModel model = new StatusBoardViewModel(board, new BoardText(m, ZoneId.of("Asia/Bangkok")),
                Runnable::run, Runnable::run);
        StatusBoardView view = new StatusBoardView(model, Platform::exit);
        model.open();
        Scene scene = new Scene(view, 1366, 768);
        scene.getStylesheets().add(Fonts.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1366);
        stage.setHeight(768);
        stage.show();
        view.focusFirst();
    }
}
}
