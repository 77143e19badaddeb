package org.infodesk.app.certify.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.app.certify.CertificationFixture.INFRASTRUCTURE;
import static org.infodesk.app.certify.CertificationFixture.PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.certify.CertifiedSnapshot;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.Edit;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.InactivityLock;
import org.infodesk.app.users.ui.FirstRunView;
import org.infodesk.app.users.ui.FirstRunViewModel;
import org.infodesk.app.users.ui.SignInView;
import org.infodesk.app.users.ui.SignInViewModel;
import org.infodesk.protocol.answers.Answers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review screen used as a certifier uses it, by keyboard, against the real store, real
 * Argon2id (small parameters), the real device key, and a real sheet.
 */
@ExtendWith(ApplicationExtension.class)
class CertifyViewTest {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String JUSTIFICATION = "ติดตั้งโคมไฟถนนเพิ่มตามโครงการปี 2564";

    @TempDir
    static Path folder;

    private Stage stage;
    private Path data;
    private CertificationFixture world;
    private CertifyViewModel model;
    private CertifyView view;
    private final List<DomainKey> formsOpened = new CopyOnWriteArrayList<>();
    private final List<Path> sheetsOpened = new CopyOnWriteArrayList<>();
    private volatile boolean wentBack;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = Files.createTempDirectory(folder, "data");
        world = new CertificationFixture(data);
        AppWindow.prepare(stage);
    }

    @AfterEach
    void close() {
        world.close();
    }

    static CertifyViewModel.Context context(CertificationFixture world, Path data, Messages messages) {
        return new CertifyViewModel.Context(world.service, world.answers, world.certifications, LaoProfile.demo(), messages,
                data, BANGKOK, Background.worker("certify-test"));
    }

    /** Opens the review screen as the shell does, its first field focused. */
    private void open(FxRobot robot, Answers lastYear) {
        robot.interact(() -> {
            model = new CertifyViewModel(context(world, data, Messages.thai()), INFRASTRUCTURE, lastYear, "somsri",
                    () -> wentBack = true, formsOpened::add);
            view = new CertifyView(model, sheetsOpened::add);
        });
        AppWindow.show(robot, stage, view, "#certifyTitle", view::focusFirst);
    }

    /** Waits until the condition holds, asked on the JavaFX thread (where the view model changes). */
    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.onFx(condition::getAsBoolean));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the background work a command started (the sign-in and signature) to finish. */
    private void waitForAnswer() throws Exception {
        waitUntil(() -> !model.busyProperty().get() && !model.messageProperty().get().startsWith("กำลัง"));
    }

    private static String text(FxRobot robot, String id) {
        return AppWindow.text(robot, id);
    }

    private static boolean focused(FxRobot robot, String id) {
        return AppWindow.focused(robot, id);
    }

    private CertifiedSnapshot certifyBelowTheScreen() throws Exception {
        world.enterSample(INFRASTRUCTURE);
        var outcome = world.service.certify(INFRASTRUCTURE, "malee", PASSWORD, Answers.empty());
        return ((CertificationService.Outcome.Certified) outcome).snapshot();
    }

    @Test
    void aCertifierCertifiesTheInfrastructureDomainEndToEndByKeyboard(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        open(robot, CertificationFixture.lastYearWithFewerStreetLights());

        // the one large change is the warning to justify, and the keyboard starts there
        assertThat(text(robot, "#summary")).isEqualTo("คำเตือน 1 รายการยังไม่มีเหตุผล: ระบุเหตุผลด้านล่างก่อนรับรอง");
        assertThat(focused(robot, "#justification-street_lights_total")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#changed-street_lights_total").tryQuery())).isPresent();

        robot.write(JUSTIFICATION).type(KeyCode.TAB);
        robot.write("malee").type(KeyCode.TAB);
        robot.write(PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> model.certifiedProperty().get() != null);

        List<CertifiedSnapshot> stored = world.certifications.snapshots(INFRASTRUCTURE);
        assertThat(stored).hasSize(1);
        CertifiedSnapshot snapshot = stored.get(0);
        // the screen: certified, the whole digest in eight blocks, the submission id, the print button focused
        assertThat(text(robot, "#certifiedHeadline")).isEqualTo("รับรองแล้ว ฉบับที่ 1");
        assertThat(text(robot, "#digest")).isEqualTo(snapshot.digestForReading()).hasSize(64 + 7);
        assertThat(text(robot, "#submissionId")).isEqualTo(snapshot.submissionId());
        assertThat(text(robot, "#certifiedBy")).isEqualTo("โดย นางมาลี รักษ์ถิ่น ตำแหน่ง ปลัดเทศบาล เมื่อ 31 พ.ค. พ.ศ. 2564 14:03 น.");
        assertThat(AppWindow.onFx(() -> robot.lookup("#signInBox").query().isVisible())).isFalse();
        assertThat(focused(robot, "#printSheet")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#history").lookup(".certify-digest-start").queryAs(Label.class).getText()))
                .isEqualTo(snapshot.digest().substring(0, 16));
        // the store: revision 1 certified and queued, the justification signed with the values
        assertThat(world.answers.current(INFRASTRUCTURE).revision()).isEqualTo(1);
        assertThat(world.answers.current(INFRASTRUCTURE).state()).isEqualTo(DomainState.QUEUED);
        assertThat(snapshot.revision()).isEqualTo(1);
        assertThat(CertificationFixture.payloadOf(snapshot).justifications())
                .containsExactly(java.util.Map.entry("street_lights_total", JUSTIFICATION));
        assertThat(CertificationFixture.payloadOf(snapshot).certifier().name()).isEqualTo("นางมาลี รักษ์ถิ่น");
        world.verify(snapshot);
    }

    @Test
    void ctrlEnterCertifiesFromTheJustificationFieldSavingWhatIsTypedThere(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        open(robot, CertificationFixture.lastYearWithFewerStreetLights());
        robot.type(KeyCode.TAB).write("malee").type(KeyCode.TAB).write(PASSWORD);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(focused(robot, "#justification-street_lights_total")).isTrue();

        robot.write(JUSTIFICATION);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> model.certifiedProperty().get() != null);

        CertifiedSnapshot snapshot = world.certifications.snapshots(INFRASTRUCTURE).get(0);
        assertThat(CertificationFixture.payloadOf(snapshot).justifications()).containsEntry("street_lights_total", JUSTIFICATION);
    }

    @Test
    void aDataEntryOfficersCredentialsAreRefusedWithTheReasonAndNothingIsStored(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        open(robot, Answers.empty());
        assertThat(text(robot, "#summary")).isEqualTo("พร้อมรับรอง: ไม่มีข้อผิดพลาด และคำเตือนทุกรายการมีเหตุผลแล้ว");
        assertThat(focused(robot, "#certifierUsername")).isTrue();

        robot.write("somsri").type(KeyCode.TAB).write(PASSWORD).type(KeyCode.ENTER);
        waitForAnswer();

        assertThat(text(robot, "#message")).startsWith("ผู้ใช้นี้ไม่ใช่ผู้รับรองข้อมูล ยังไม่ได้บันทึกการรับรอง");
        assertThat(focused(robot, "#certifierUsername")).isTrue();
        assertThat(AppWindow.onFx(() -> robot.lookup("#certifierPassword").queryAs(TextField.class).getText())).isEmpty();
        assertThat(world.certifications.snapshots(INFRASTRUCTURE)).isEmpty();
        assertThat(world.answers.current(INFRASTRUCTURE).state()).isEqualTo(DomainState.DRAFT);
    }

    @Test
    void aWrongPasswordShowsTheAttemptsLeft(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        open(robot, Answers.empty());

        robot.write("malee").type(KeyCode.TAB).write("ไม่ใช่รหัสผ่าน").type(KeyCode.ENTER);
        waitForAnswer();

        assertThat(text(robot, "#message")).isEqualTo("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง ลองได้อีก 4 ครั้ง ก่อนระบบจะล็อกชั่วคราว");
        assertThat(focused(robot, "#certifierPassword")).isTrue();
        assertThat(world.certifications.snapshots(INFRASTRUCTURE)).isEmpty();
    }

    @Test
    void withAnErrorTheCertifyButtonIsDisabledAndSaysWhy(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        world.answers.save(new Edit(INFRASTRUCTURE, "road_km_total", null, "somsri")); // a required answer gone
        open(robot, Answers.empty());

        assertThat(AppWindow.onFx(() -> robot.lookup("#certify").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(text(robot, "#summary")).matches("ข้อผิดพลาด \\d+ รายการ: แก้ไขในแบบฟอร์มก่อนรับรอง");
        assertThat(text(robot, "#blockedReason")).matches("ยังรับรองไม่ได้: มีข้อผิดพลาด \\d+ รายการ กรุณาแก้ไขในแบบฟอร์มก่อน");
        assertThat(AppWindow.onFx(() -> robot.lookup("#errors").lookup(".label").queryAllAs(Label.class))).isNotEmpty();
        assertThat(focused(robot, "#editInForm")).isTrue();

        // the certifier's Enter and Ctrl+Enter do nothing: nothing is checked, nothing stored
        robot.type(KeyCode.TAB).write("malee").type(KeyCode.TAB).write(PASSWORD).type(KeyCode.ENTER);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> model.busyProperty().get())).isFalse();
        assertThat(world.certifications.snapshots(INFRASTRUCTURE)).isEmpty();

        // the way to the form, then Esc back to the dashboard
        robot.interact(view::focusFirst);
        robot.type(KeyCode.ENTER);
        assertThat(formsOpened).containsExactly(INFRASTRUCTURE);
        robot.type(KeyCode.ESCAPE);
        assertThat(wentBack).isTrue();
    }

    @Test
    void thePrintActionWritesTheSheetOffTheJavaFxThreadAndHandsItOver(FxRobot robot) throws Exception {
        CertifiedSnapshot snapshot = certifyBelowTheScreen();
        open(robot, Answers.empty());
        assertThat(text(robot, "#certifiedHeadline")).isEqualTo("รับรองแล้ว ฉบับที่ 1");
        assertThat(focused(robot, "#printSheet")).isTrue();

        robot.type(KeyCode.ENTER);
        waitUntil(() -> !sheetsOpened.isEmpty());

        Path sheet = data.resolve("sheets").resolve("5650801-2564-infrastructure-r1.pdf");
        assertThat(sheetsOpened).containsExactly(sheet);
        assertThat(sheet).exists();
        byte[] pdf = Files.readAllBytes(sheet);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(robot, "#sheetStatus")).isEqualTo("บันทึกใบรับรองไว้ที่ " + sheet);
        assertThat(snapshot.revision()).isEqualTo(1);
    }

    @Test
    void amendingACertifiedDomainOpensRevisionTwoInTheForm(FxRobot robot) throws Exception {
        certifyBelowTheScreen();
        open(robot, Answers.empty());
        assertThat(AppWindow.onFx(() -> robot.lookup("#amend").queryAs(Button.class).getText())).isEqualTo("แก้ไขเพิ่มเติม (ฉบับที่ 2)");

        robot.type(KeyCode.TAB).type(KeyCode.TAB); // print, back to the dashboard, amend
        assertThat(focused(robot, "#amend")).isTrue();
        robot.type(KeyCode.ENTER);

        assertThat(formsOpened).containsExactly(INFRASTRUCTURE);
        assertThat(world.answers.current(INFRASTRUCTURE).revision()).isEqualTo(2);
        assertThat(world.answers.current(INFRASTRUCTURE).state()).isEqualTo(DomainState.DRAFT);
        assertThat(world.certifications.snapshots(INFRASTRUCTURE)).extracting(CertifiedSnapshot::revision).containsExactly(1);
    }

    @Test
    void aJustificationIsOneLineOfAtMost500Characters() {
        String pasted = "บรรทัดแรก\nบรรทัดที่สอง\t" + "ก".repeat(600) + "  ";

        String clean = CertifyViewModel.oneLine(pasted);

        assertThat(clean).startsWith("บรรทัดแรก บรรทัดที่สอง ").doesNotContain("\n", "\t");
        assertThat(clean.codePointCount(0, clean.length())).isEqualTo(CertifyViewModel.MAX_JUSTIFICATION);
        assertThat(CertifyViewModel.oneLine("  ")).isEmpty();
    }

    // ---- pictures, by hand ----

    private CertifyView certifyView(Messages messages, Answers lastYear) {
        model = new CertifyViewModel(context(world, data, messages), INFRASTRUCTURE,
                lastYear, "somsri", () -> { }, key -> { });
        return new CertifyView(model, sheet -> { });
    }

    private void picture(FxRobot robot, String name, Parent view, Runnable focus) {
        robot.interact(() -> stage.getScene().setRoot(view));
        robot.interact(focus);
        WaitForAsyncUtils.waitForFxEvents();
        String base = System.getProperty("infodesk.certify.png");
        Path file = Path.of(base.replaceFirst("\\.png$", "") + "-" + name + ".png");
        AppWindow.picture(robot, stage, file);
        assertThat(file).exists();
    }

    /**
     * Pictures of the screens at the app's window size, to look at by eye, only when asked; names
     * are the given path with "-review", "-refused", "-errors", "-certified", "-english",
     * "-sign-in", "-lock" and "-first-run" added:
     *
     * <pre>
     * mvn -B -o -pl app -am test -Dtest=CertifyViewTest#picturesOfTheScreens -Dsurefire.failIfNoSpecifiedTests=false \
     *     -Dinfodesk.certify.png=/tmp/certify.png
     * </pre>
     */
    @Test
    @EnabledIfSystemProperty(named = "infodesk.certify.png", matches = ".+")
    void picturesOfTheScreens(FxRobot robot) throws Exception {
        world.enterSample(INFRASTRUCTURE);
        Answers lastYear = CertificationFixture.lastYearWithFewerStreetLights();
        CertifyView review = certifyView(Messages.thai(), lastYear);
        picture(robot, "review", review, review::focusFirst);

        CertifyView refused = certifyView(Messages.thai(), Answers.empty());
        robot.interact(() -> stage.getScene().setRoot(refused));
        robot.interact(() -> {
            model.usernameProperty().set("somsri");
            model.passwordProperty().set(PASSWORD);
            model.certify();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> AppWindow.onFx(() -> !model.busyProperty().get()));
        picture(robot, "refused", refused, () -> { });

        world.answers.save(new Edit(INFRASTRUCTURE, "road_km_total", null, "somsri"));
        CertifyView errors = certifyView(Messages.thai(), lastYear);
        picture(robot, "errors", errors, errors::focusFirst);
        world.enterSample(INFRASTRUCTURE);

        world.answers.justify(INFRASTRUCTURE, "street_lights_total", "ติดตั้งโคมไฟถนนเพิ่มตามโครงการถนนสว่างปลอดภัย ปี 2564",
                "somsri");
        world.service.certify(INFRASTRUCTURE, "malee", PASSWORD, lastYear);
        CertifyView certified = certifyView(Messages.thai(), lastYear);
        picture(robot, "certified", certified, certified::focusFirst);
        CertifyView english = certifyView(Messages.of(Locale.ENGLISH), lastYear);
        picture(robot, "english", english, english::focusFirst);

        SignInView signIn = new SignInView(SignInViewModel.atStart(world.users, Messages.thai(), BANGKOK,
                Background.worker("picture"), user -> { }));
        picture(robot, "sign-in", signIn, signIn::focusFirst);
        InactivityLock lock = new InactivityLock(world.clock);
        lock.lock();
        SignInView locked = new SignInView(SignInViewModel.afterInactivity(world.users, Messages.thai(), BANGKOK,
                Background.worker("picture"), lock, world.users.users().get(0), user -> { }));
        picture(robot, "lock", locked, locked::focusFirst);
        FirstRunView firstRun = new FirstRunView(new FirstRunViewModel(world.users, Messages.thai(), Background.worker("picture"),
                user -> { }));
        picture(robot, "first-run", firstRun, firstRun::focusFirst);
    }
}
