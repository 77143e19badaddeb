package org.infodesk.app.relay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The carry-by-USB screen by mouse and keyboard on a real store (headless): one domain chosen and
 * exported to the folder the dialog gives, a file that is no receipts bundle refused with its
 * reason and what to do, Esc back.
 */
@ExtendWith(ApplicationExtension.class)
class CarryViewTest {

    @TempDir
    Path data;
    @TempDir
    Path stick;

    private Stage stage;
    private CertificationFixture office;
    private final AtomicInteger backs = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppWindow.prepare(stage);
    }

    @AfterEach
    void close() {
        if (office != null) {
            office.close();
        }
    }

    @Test
    void oneDomainChosenIsExportedToTheFolderChosenAndAWrongFileIsRefusedWithWhatToDo(FxRobot robot) throws Exception {
        office = new CertificationFixture(data);
        String lao = CertificationFixture.INFRASTRUCTURE.lao();
        List<String> ids = new ArrayList<>();
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(lao, 2564, domain.id());
            office.enterSample(key);
            if (office.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                    instanceof CertificationService.Outcome.Certified done) {
                ids.add(done.snapshot().submissionId());
            }
        }
        SqliteOutboxRepository outbox = new SqliteOutboxRepository(office.store);
        CarryViewModel model = new CarryViewModel(new LaoRelay(outbox, CarryViewModelTest.BUNDLES, CarryViewModelTest.CODEC,
                office.clock), outbox, lao, () -> office.keys, () -> Optional.of(CarryViewModelTest.SERVER.getPublic()),
                Messages.thai(), ZoneId.of("Asia/Bangkok"), id -> id, Runnable::run, Runnable::run);
        Path wrong = Files.writeString(stick.resolve("receipts-" + lao + ".zip"), "not a zip");
        CarryView[] view = new CarryView[1];
        robot.interact(() -> {
            view[0] = new CarryView(model, backs::incrementAndGet, title -> stick, title -> wrong);
            model.refresh();
        });
        AppWindow.show(robot, stage, view[0], "#carryTitle", () -> view[0].focusFirst());
        assertThat(AppWindow.text(robot, "#carryChosen")).isEqualTo("เลือก 8 จาก 8 รายการที่รอส่ง");

        robot.clickOn("#carryNone");
        assertThat(AppWindow.onFx(() -> robot.lookup("#carryExport").queryAs(Button.class).isDisabled())).as("nothing chosen").isTrue();
        robot.clickOn("#carry-" + ids.get(3));
        assertThat(AppWindow.onFx(() -> robot.lookup("#carry-" + ids.get(3)).queryAs(CheckBox.class).isSelected())).isTrue();
        assertThat(AppWindow.text(robot, "#carryChosen")).isEqualTo("เลือก 1 จาก 8 รายการที่รอส่ง");
        robot.clickOn("#carryExport");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.text(robot, "#carryResult")).startsWith("บันทึก 1 รายการลงไฟล์ infodesk-" + lao);
        try (var files = Files.list(stick)) {
            Path bundle = files.filter(p -> p.getFileName().toString().startsWith("infodesk-")).findFirst().orElseThrow();
            assertThat(CarryViewModelTest.BUNDLES.readSubmissions(bundle, CarryViewModelTest.CODEC).envelopes())
                    .extracting(c -> c.envelope().payload().submissionId().toString()).containsExactly(ids.get(3));
        }

        robot.clickOn("#carryReceipts");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.text(robot, "#carryProblem")).contains(wrong.getFileName().toString())
                .contains("ไม่ได้เปลี่ยนแปลงข้อมูลในเครื่องนี้");
        assertThat(outbox.undelivered()).hasSize(8);

        robot.type(KeyCode.ESCAPE);
        assertThat(backs.get()).isEqualTo(1);
    }
}
