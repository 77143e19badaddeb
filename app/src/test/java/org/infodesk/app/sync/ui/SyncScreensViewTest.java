package org.infodesk.app.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.ui.AppWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The enrolment and sync screens by keyboard and mouse, on scripted view models' collaborators (headless). */
@ExtendWith(ApplicationExtension.class)
class SyncScreensViewTest {

    @TempDir
    Path folder;

    private Stage stage;
    private final AtomicInteger backs = new AtomicInteger();
    private final List<ServerAccount> enrolled = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppWindow.prepare(stage);
    }

    @Test
    void theCodeTypedAndEnterEnrolsAndTheResultNamesTheLaoThenEscGoesBack(FxRobot robot) {
        ServerAccount account = EnrolmentViewModelTest.account();
        EnrolmentViewModel model = new EnrolmentViewModel((address, code, proxy) -> code.equals(EnrolmentViewModelTest.CODE)
                ? new EnrolmentService.Result.Enrolled(account) : new EnrolmentService.Result.BadInput(EnrolmentService.Field.CODE),
                Messages.thai(), LaoProfile.demo(), ProxySettings.SYSTEM, null, Runnable::run, Runnable::run, enrolled::add);
        model.prefill("https://infodesk.example.go.th", null);
        EnrolmentView[] view = new EnrolmentView[1];
        robot.interact(() -> view[0] = new EnrolmentView(model, backs::incrementAndGet, null));
        AppWindow.show(robot, stage, view[0], "#enrolTitle", () -> view[0].focusFirst());

        assertThat(AppWindow.focused(robot, "#enrolmentCode")).as("the address is filled: the code next").isTrue();
        robot.write("abcd efgh").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.text(robot, "#enrolResult")).startsWith("รหัสลงทะเบียนไม่ถูกต้อง");
        assertThat(AppWindow.focused(robot, "#enrolmentCode")).isTrue();

        robot.interact(() -> robot.lookup("#enrolmentCode").queryAs(TextField.class).setText(EnrolmentViewModelTest.CODE));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.text(robot, "#enrolResult")).startsWith("ลงทะเบียนแล้ว").contains("เทศบาลตำบลวังทอง");
        assertThat(enrolled).containsExactly(account);
        robot.type(KeyCode.ESCAPE);
        assertThat(backs.get()).isEqualTo(1);
    }

    @Test
    void theSyncScreenListsEachItemAndItsButtonsAskTheBackgroundSync(FxRobot robot) throws Exception {
        SyncViewModelTest.ListedOutbox outbox = new SyncViewModelTest.ListedOutbox();
        outbox.entries.add(SyncViewModelTest.entry(2, "finance", OutboxItem.State.QUEUED, null, null, 0, null, null));
        outbox.entries.add(SyncViewModelTest.delivered(1, "infrastructure"));
        SyncViewModelTest.Recorded control = new SyncViewModelTest.Recorded();
        SyncViewModel model = new SyncViewModel(outbox, Messages.thai(), ZoneId.of("Asia/Bangkok"), id -> "ด้าน " + id,
                folder, Runnable::run, Runnable::run);
        SyncView[] view = new SyncView[1];
        robot.interact(() -> {
            model.connect(control);
            model.status(SyncViewModelTest.worker(OutboxWorker.Phase.IDLE));
            view[0] = new SyncView(model, backs::incrementAndGet, () -> { }, title -> null);
        });
        AppWindow.show(robot, stage, view[0], "#syncTitle", () -> view[0].focusFirst());
        String delivered = outbox.entries.get(1).submissionId();

        assertThat(AppWindow.text(robot, "#itemState-" + delivered)).isEqualTo("ส่งถึงแล้ว");
        assertThat(AppWindow.text(robot, "#itemDetail-" + delivered)).startsWith("ใบรับจากเซิร์ฟเวอร์");
        assertThat(AppWindow.text(robot, "#syncProgressText")).isEqualTo("ส่งแล้ว 1/2");

        robot.type(KeyCode.ENTER); // send now has the focus
        robot.clickOn("#pauseResume");
        robot.interact(() -> model.status(SyncViewModelTest.worker(OutboxWorker.Phase.PAUSED)));
        assertThat(AppWindow.onFx(() -> robot.lookup("#pauseResume").queryAs(Button.class).getText())).isEqualTo("ส่งต่อ");
        robot.clickOn("#pauseResume");

        assertThat(control.calls).containsExactly("sendNow", "pause", "sendNow");
        robot.type(KeyCode.ESCAPE);
        assertThat(backs.get()).isEqualTo(1);
    }
}
