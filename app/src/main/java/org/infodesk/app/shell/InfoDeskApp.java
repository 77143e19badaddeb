package org.infodesk.app.shell;

import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.infodesk.app.dashboard.ui.DashboardView;
import org.infodesk.app.dashboard.ui.DashboardViewModel;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Questionnaire;

/** The JavaFX application: loads the font and the questionnaire, and shows the dashboard. */
public final class InfoDeskApp extends Application {

    private Questionnaire questionnaire;
    private LaoProfile lao;
    private Locale locale = Messages.THAI;
    private Stage stage;

    @Override
    public void init() {
        questionnaire = Questionnaire.fy2564();
        lao = LaoProfile.demo();
        String lang = getParameters().getNamed().get("lang");
        if ("en".equals(lang)) {
            locale = Locale.ENGLISH;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        Fonts.load();
        stage = primaryStage;
        stage.setScene(new Scene(root(), 1100, 680));
        stage.getScene().getStylesheets().add(InfoDeskApp.class.getResource("app.css").toExternalForm());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
    }

    private DashboardView root() {
        Messages messages = Messages.of(locale);
        stage.setTitle(messages.get("app.title"));
        DashboardViewModel model = new DashboardViewModel(questionnaire, lao, messages);
        model.show(Answers.empty());
        return new DashboardView(model, this::switchLanguage);
    }

    private void switchLanguage() {
        locale = Messages.of(locale).english() ? Messages.THAI : Locale.ENGLISH;
        stage.getScene().setRoot(root());
    }
}
