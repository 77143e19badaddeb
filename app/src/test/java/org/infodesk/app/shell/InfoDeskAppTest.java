package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.app.ui.AppWindow.onFx;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import java.util.concurrent.TimeUnit;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.users.DemoUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, started and stopped as a user would, on a data folder of its own. */
class InfoDeskAppTest {

    @TempDir
    Path data;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void registerStage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }


    private void launch() throws Exception {
        app = FxToolkit.setupApplication(InfoDeskApp.class, "--data-dir=" + data);
        // the dashboard's rows come when the store has opened, on its own thread: wait for them, not for a time
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#domain-infrastructure .progress-text").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void quit() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        app = null;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            quit();
        }
    }

    private void openInfrastructure() throws Exception {
        // by keyboard, as an officer would: down to the fourth domain, Enter
        robot.interact(() -> robot.lookup("#domain-health_environment").query().requestFocus());
        robot.type(KeyCode.DOWN, 3).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        if (onFx(() -> robot.lookup("#password").tryQuery().isPresent())) {
            // the first domain opened in a session asks who is working: the demo's officer, by keyboard
            robot.write(DemoUsers.OFFICER).type(KeyCode.ENTER).write(DemoUsers.PASSWORD).type(KeyCode.ENTER);
            // the infrastructure form itself (a form warmed up out of sight may also have a title)
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> onFx(() -> robot.lookup("#field-road_routes_total").tryQuery().isPresent()));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anEnrolledPcStartsItsSyncAtStartAndTheStatusBarFollowsIt() throws Exception {
        java.security.KeyPair serverKey = org.infodesk.protocol.submission.Ed25519Keys.generate();
        try (org.infodesk.app.storage.Store store = org.infodesk.app.storage.StoreFixture.open(data)) {
            // enrolled with a server that is not there (nothing listens on port 1)
            new org.infodesk.app.storage.SqliteAccountRepository(store).save(new org.infodesk.app.sync.ServerAccount(
                    okhttp3.HttpUrl.get("http://127.0.0.1:1/"), new org.infodesk.protocol.wire.EnrolmentResponse(
                            "3f2a9c4e-0b7d-4e1a-9c55-6b1f0d2e8a41", "tok_" + "x".repeat(39),
                            org.infodesk.protocol.submission.Ed25519Keys.encode(serverKey.getPublic()),
                            org.infodesk.protocol.submission.Ed25519Keys.keyId(serverKey.getPublic()), "5650801", null,
                            new org.infodesk.protocol.wire.ProtocolLimits(1 << 20, 8 << 20, 50, 1 << 19, 60, 500)),
                    java.time.Instant.parse("2026-11-26T03:04:05Z")));
        }

        launch();

        // the engine, made off the JavaFX thread, attaches and reports: the line is the outbox's, not "not enrolled"
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#status").queryAs(Label.class).getText().contains("·")));
        assertThat(AppWindow.text(robot, "#status"))
                .doesNotContain(org.infodesk.app.i18n.Messages.of(java.util.Locale.forLanguageTag("th")).get("status.noServer"));
    }

    @Test
    void enrollingFromTheDemoOpensTheOfficeTheServerNamesAndRetiresTheDemosPeople() throws Exception {
        java.security.KeyPair serverKey = org.infodesk.protocol.submission.Ed25519Keys.generate();
        var office = new org.infodesk.protocol.wire.EnrolmentResponse.Office(new org.infodesk.protocol.wire.LocalText(
                "องค์การบริหารส่วนตำบลแก่งโสภา", "Kaeng Sopha Subdistrict Administrative Organization"), "วังทอง", "พิษณุโลก");
        byte[] answer = org.infodesk.protocol.wire.WireCodec.write(new org.infodesk.protocol.wire.EnrolmentResponse(
                "3f2a9c4e-0b7d-4e1a-9c55-6b1f0d2e8a41", "tok_" + "x".repeat(39),
                org.infodesk.protocol.submission.Ed25519Keys.encode(serverKey.getPublic()),
                org.infodesk.protocol.submission.Ed25519Keys.keyId(serverKey.getPublic()), "6650805", null, office,
                org.infodesk.protocol.wire.ProtocolLimits.DEFAULT));
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            // the enrolment answered; anything after it (the sync engine's rounds) told to come back later
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                    boolean enrol = request.getUrl().encodedPath().equals(org.infodesk.protocol.wire.Routes.ENROL.path());
                    return new mockwebserver3.MockResponse.Builder().code(enrol ? 201 : 503).setHeader("Retry-After", "3600")
                            .setHeader("Content-Type", "application/json")
                            .setHeader(org.infodesk.protocol.wire.Routes.PROTOCOL_HEADER, org.infodesk.protocol.wire.Routes.PROTOCOL_VERSION)
                            .body(enrol ? new String(answer, java.nio.charset.StandardCharsets.UTF_8) : "{}").build();
                }
            });
            server.start();
            app = FxToolkit.setupApplication(InfoDeskApp.class, "--data-dir=" + data, "--server=" + server.url("/"),
                    "--enrolment-code=K7QX-3MPA-9TRD");
            // given a code, the app opens on the enrolment screen, the address and code filled in
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#enrol").tryQuery().isPresent()));
            robot.clickOn("#enrol");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#enrolResult").tryQuery()
                    .map(n -> ((Label) n).getText().contains("แก่งโสภา")).orElse(false)));
            robot.clickOn("#enrolBack");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#laoLine").tryQuery()
                    .map(n -> ((Label) n).getText().contains("องค์การบริหารส่วนตำบลแก่งโสภา (6650805)"))
                    .orElse(false)));

            // opening a domain asks for the office's own first admin: the demo's people are gone
            robot.interact(() -> robot.lookup("#domain-infrastructure").query().requestFocus());
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#createAdmin").tryQuery().isPresent()));
            robot.type(KeyCode.ESCAPE);
            quit();
        }

        // the next start opens the office at once, and its dashboard holds none of the demo's sample
        launch();
        assertThat(AppWindow.text(robot, "#laoLine")).contains("6650805").contains("วังทอง");
        quit();
        try (org.infodesk.app.storage.Store store = org.infodesk.app.storage.StoreFixture.open(data)) {
            var users = new org.infodesk.app.users.UserService(new org.infodesk.app.storage.SqliteUserRepository(store),
                    org.infodesk.app.users.PasswordHasher.standard(), java.time.Clock.systemUTC());
            // the demo's people, if they were made before the enrolment, are retired; none can sign in
            assertThat(users.signIn(DemoUsers.CERTIFIER, DemoUsers.PASSWORD)).isNotInstanceOf(org.infodesk.app.users.SignIn.Ok.class);
            assertThat(users.users()).noneMatch(org.infodesk.app.users.User::active);
            assertThat(users.needsFirstAdmin()).isTrue();
        }
    }

    @Test
    void openingADomainAsksForASignInAndEscGoesBackToTheDashboard() throws Exception {
        launch();
        robot.interact(() -> robot.lookup("#domain-infrastructure").query().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#password").tryQuery())).isPresent();
        assertThat(onFx(() -> robot.lookup("#formTitle").tryQuery())).isEmpty();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#domains").tryQuery())).isPresent();

        openInfrastructure();
        assertThat(AppWindow.text(robot, "#formTitle")).isEqualTo("ด้านโครงสร้างพื้นฐาน");
    }

    @Test
    void f9InTheFormOpensTheDomainsReviewWhereAnIncompleteDomainCannotBeCertified() throws Exception {
        launch();
        openInfrastructure();

        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.text(robot, "#certifyTitle")).contains("ด้านโครงสร้างพื้นฐาน");
        assertThat(onFx(() -> robot.lookup("#certify").queryButton().isDisabled())).isTrue(); // required answers are missing
        assertThat(onFx(() -> robot.lookup("#certifierUsername").tryQuery())).isPresent();
    }

    @Test
    void valuesSurviveClosingAndReopeningTheApp() throws Exception {
        launch();
        openInfrastructure();
        robot.clickOn("#field-road_routes_total").write("๕๘").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.text(robot, "#saveState")).startsWith("บันทึกแล้ว");
        quit();

        launch();
        assertThat(AppWindow.text(robot, "#domain-infrastructure .progress-text"))
                .startsWith("1 / ");
        openInfrastructure();

        assertThat(onFx(() -> robot.lookup("#field-road_routes_total").queryAs(TextField.class).getText())).isEqualTo("58");
    }

    @Test
    void switchingLanguageChangesTheLabels() throws Exception {
        launch();
        assertThat(onFx(() -> robot.lookup("ด้านโครงสร้างพื้นฐาน").tryQuery())).isPresent();

        robot.clickOn("#switchLanguage");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> robot.lookup("Infrastructure").tryQuery())).isPresent();
        openInfrastructure();
        assertThat(AppWindow.text(robot, "#formTitle")).isEqualTo("Infrastructure");
        assertThat(onFx(() -> robot.lookup("#back").queryButton().getText())).isEqualTo("← Dashboard");
    }

    @Test
    void theLogGoesToTheDataFolderAndNeverHoldsAnAnswer() throws Exception {
        launch();
        openInfrastructure();
        robot.clickOn("#field-road_routes_total").write("987654").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        quit();

        Path log = Logging.currentFile(data);
        assertThat(log).exists();
        String text = java.nio.file.Files.readString(log);
        assertThat(text).contains("InfoDesk started").doesNotContain("987654").doesNotContain("987,654");
    }
}
