package org.infodesk.app.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.shell.Fonts;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    private static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    private Stage stage;
    private boolean english;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(view(), 1100, 680));
        stage.show();
    }

    private DashboardViewModel model;

    private DashboardView view() {
        model = new DashboardViewModel(QUESTIONNAIRE, LaoProfile.demo(),
                english ? Messages.of(java.util.Locale.ENGLISH) : Messages.thai());
        model.show(Answers.empty());
        return new DashboardView(model, () -> {
            english = !english;
            stage.getScene().setRoot(view());
        });
    }

    @Test
    void showsTheLaoTheThaiFiscalYearAndTheEightDomainsInThai(FxRobot robot) {

        assertThat(AppWindow.text(robot, "#laoLine"))
                .isEqualTo("เทศบาลตำบลวังทอง (5650801) อำเภอวังทอง จังหวัดพิษณุโลก");
        assertThat(AppWindow.text(robot, "#yearLine")).isEqualTo("ปีงบประมาณ พ.ศ. 2564");
        assertThat(AppWindow.onFx(() -> robot.lookup(".domain-row").queryAll())).hasSize(8);
        assertThat(AppWindow.onFx(() -> robot.lookup("ด้านสาธารณสุขและสิ่งแวดล้อม").tryQuery())).isPresent();
        assertThat(cellsReading(robot, "ยังไม่เริ่ม")).isEqualTo(8);
    }

    @Test
    void theLanguageButtonSwitchesTheWholeWindowToEnglish(FxRobot robot) {
        robot.clickOn("#switchLanguage");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.text(robot, "#yearLine")).isEqualTo("Fiscal year 2564 B.E.");
        assertThat(cellsReading(robot, "Not started")).isEqualTo(8);
        assertThat(AppWindow.onFx(() -> robot.lookup("#switchLanguage").queryButton().getText())).isEqualTo("ภาษาไทย");
    }

    private static long cellsReading(FxRobot robot, String text) {
        return AppWindow.onFx(() -> robot.lookup(".domain-cell").queryAllAs(Label.class).stream()
                .filter(c -> text.equals(c.getText())).count());
    }

    @Test
    void theBundledThaiFontIsAvailable() {
        assertThat(Fonts.load()).isTrue();
    }

    @Test
    void recomputedFiguresKeepTheFocusOnTheDomainTheOfficerIsOn(FxRobot robot) {
        robot.interact(() -> robot.lookup("#domain-infrastructure").query().requestFocus());
        robot.interact(() -> model.show(Answers.empty())); // the figures again, as after the questionnaire is read
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.onFx(() -> stage.getScene().getFocusOwner().getId())).isEqualTo("domain-infrastructure");
    }
}
