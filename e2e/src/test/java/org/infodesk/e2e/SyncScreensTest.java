package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.infodesk.app.dashboard.ui.DashboardView;
import org.infodesk.app.dashboard.ui.DashboardViewModel;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.shell.SyncShell;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.Reviewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 7, acceptance 5: the office's sync screens against the real server in-process. The PC is
 * enrolled through the enrolment screen (the code typed, the enrol button pressed), the certified
 * domains are sent from the sync screen ("send now") and each shows "delivered" with its receipt;
 * then a district reviewer returns one with a comment, and after the next send-and-pull the sync
 * screen and the dashboard show the return with the reviewer's comment.
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreensTest {

    private static final String COMMENT = "จำนวนโคมไฟฟ้าไม่ตรงกับทะเบียนทรัพย์สิน กรุณาตรวจสอบ";
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path serverData;
    @TempDir
    Path appData;

    private Stage stage;
    private ServerAndApp world;
    private SyncShell shell;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppWindow.prepare(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (shell != null) {
            robot.interact(shell::stop);
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void enrolledThroughTheScreenTheCertifiedDomainsAreDeliveredAndAReviewersReturnShowsWithItsComment(FxRobot robot)
            throws Exception {
        world = new ServerAndApp(serverData, appData);
        List<String> certified = world.certify(1);
        String returnedId = certified.get(0);
        String code = world.issueCode();
        AtomicInteger pulledDecisions = new AtomicInteger();
        Files.createDirectories(appData.resolve("logs"));
        robot.interact(() -> {
            shell = new SyncShell(world.app.store, appData, LaoProfile.demo(), Messages::thai, () -> world.app.keys,
                    id -> StoreFixture.DEFINITION.domain(id).map(d -> d.label().th()).orElse(id),
                    view -> stage.getScene().setRoot(view), () -> { }, pulledDecisions::incrementAndGet, () -> stage);
            shell.prefill(world.serverUrl().toString(), null);
            assertThat(shell.start()).as("not enrolled yet").isFalse();
            shell.openEnrolment();
        });
        WaitForAsyncUtils.waitForFxEvents();

        // enrol: the code typed on the screen, the button pressed
        robot.clickOn("#enrolmentCode").write(code);
        robot.clickOn("#enrol");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#enrolResult").startsWith("ลงทะเบียนแล้ว"));
        assertThat(text(robot, "#enrolResult")).contains("5650801").contains("เทศบาลตำบลวังทอง")
                .contains(EnrolmentFingerprint.of(world));

        // send from the sync screen: every certified domain delivered, each with the server's receipt
        robot.interact(shell::openSync);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#sendNow");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> text(robot, "#itemState-" + returnedId).equals("ส่งถึงแล้ว"));
        assertThat(text(robot, "#itemDetail-" + returnedId)).startsWith("ใบรับจากเซิร์ฟเวอร์");
        int all = new SqliteOutboxRepository(world.app.store).entries(100).size();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> text(robot, "#syncProgressText").equals("ส่งแล้ว " + all + "/" + all));
        assertThat(new SqliteOutboxRepository(world.app.store).undelivered()).isEmpty();
        assertThat(world.count("SELECT count(*) FROM submission")).isEqualTo(all);
        assertThat(text(robot, "#lastSuccess")).startsWith("ส่งสำเร็จล่าสุด");

        // a district reviewer returns one domain with a comment; the next send-and-pull brings it
        var reviewer = new Reviewers(world.server.database().dataSource(), Clock.systemUTC())
                .add("wangthong", "ท้องถิ่นอำเภอวังทอง", "พิษณุโลก", "วังทอง").reviewer();
        new Review(world.server.database().dataSource(), Clock.systemUTC())
                .decide(reviewer, UUID.fromString(returnedId), Change.Verdict.RETURNED, COMMENT);
        robot.clickOn("#sendNow");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> text(robot, "#itemState-" + returnedId).equals("ส่งกลับแก้ไข"));
        assertThat(text(robot, "#itemDetail-" + returnedId)).contains(COMMENT);
        assertThat(pulledDecisions.get()).isPositive();

        // the dashboard shows the returned domain with the reviewer's comment
        DomainKey key = world.app.certifications.snapshot(returnedId).orElseThrow().key();
        assertThat(world.app.answers.current(key).state().name()).isEqualTo("RETURNED");
        Map<String, DomainRecord> records = new HashMap<>();
        for (Domain d : StoreFixture.DEFINITION.domains()) {
            records.put(d.id(), world.app.answers.current(new DomainKey(key.lao(), key.fiscalYear(), d.id())));
        }
        robot.interact(() -> {
            DashboardViewModel dashboard = new DashboardViewModel(StoreFixture.QUESTIONNAIRE, LaoProfile.demo(), Messages.thai());
            try {
                dashboard.show(world.app.answers.answers(key.lao(), key.fiscalYear()), records);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            dashboard.followStatus(shell.statusLine());
            dashboard.showReturned(shell.returnedComments());
            stage.getScene().setRoot(new DashboardView(dashboard, () -> { }));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#state-" + key.domain())).isEqualTo("ส่งกลับแก้ไข");
        assertThat(text(robot, "#returned")).contains(COMMENT)
                .contains(StoreFixture.DEFINITION.domain(key.domain()).orElseThrow().label().th());
        assertThat(text(robot, "#status")).startsWith("ส่งครบ").contains("ส่งแล้ว " + all + "/" + all);
        assertThat(new SqliteOutboxRepository(world.app.store).entries(100))
                .allMatch(e -> e.state() == OutboxItem.State.DELIVERED);
    }

    private static String text(FxRobot robot, String id) {
        return AppWindow.textOrEmpty(robot, id);
    }

    /** The server key's id as the enrolment screen groups it. */
    private static final class EnrolmentFingerprint {
        static String of(ServerAndApp world) throws Exception {
            String keyId = world.accounts.current().orElseThrow().enrolment().serverKeyId();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < keyId.length(); i += 4) {
                out.append(i > 0 ? " " : "").append(keyId, i, Math.min(keyId.length(), i + 4));
            }
            return out.toString();
        }
    }
}
