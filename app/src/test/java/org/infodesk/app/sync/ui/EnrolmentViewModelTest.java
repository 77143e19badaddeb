package org.infodesk.app.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.junit.jupiter.api.Test;

/** The enrolment screen's state and commands, with a scripted enroller and executors the test runs by hand. */
class EnrolmentViewModelTest {

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final String CODE = "ABCD-EFGH-JKLM-NPQR";

    /** An executor whose tasks run when the test says. */
    static final class Queue implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    final Queue background = new Queue();
    final Queue ui = new Queue();
    final List<ServerAccount> told = new ArrayList<>();
    final List<ProxySettings> proxiesUsed = new ArrayList<>();
    EnrolmentService.Result answer;

    static ServerAccount account() {
        EnrolmentResponse enrolment = new EnrolmentResponse("dev-7", "T".repeat(43), Ed25519Keys.encode(SERVER_KEY.getPublic()),
                Ed25519Keys.keyId(SERVER_KEY.getPublic()), "5650801", null, ProtocolLimits.DEFAULT);
        return new ServerAccount(HttpUrl.get("https://infodesk.example.go.th/"), enrolment, Instant.parse("2026-11-26T03:00:00Z"));
    }

    EnrolmentViewModel model(Locale locale) {
        return new EnrolmentViewModel((address, code, proxy) -> {
            proxiesUsed.add(proxy);
            return answer;
        }, Messages.of(locale), LaoProfile.demo(), ProxySettings.SYSTEM, null, background, ui, told::add);
    }

    EnrolmentViewModel typed(Locale locale) {
        EnrolmentViewModel model = model(locale);
        model.addressProperty().set("https://infodesk.example.go.th");
        model.codeProperty().set(CODE);
        return model;
    }

    void enrol(EnrolmentViewModel model) {
        model.enrol();
        background.runAll();
        ui.runAll();
    }

    @Test
    void enrolledItNamesTheLaoAndThePinnedServerKeyAndTellsTheShell() {
        EnrolmentViewModel model = typed(Messages.THAI);
        ServerAccount account = account();
        answer = new EnrolmentService.Result.Enrolled(account);

        enrol(model);

        assertThat(model.outcomeProperty().get()).isEqualTo(EnrolmentViewModel.Outcome.ENROLLED);
        String keyId = account.enrolment().serverKeyId();
        assertThat(model.messageProperty().get()).startsWith("ลงทะเบียนแล้ว").contains("เทศบาลตำบลวังทอง").contains("5650801")
                .contains(keyId.substring(0, 4) + "\u00A0" + keyId.substring(4, 8)).contains("dev-7");
        assertThat(model.currentProperty().get()).isEqualTo(model.messageProperty().get());
        assertThat(told).containsExactly(account);
        assertThat(model.codeProperty().get()).as("a one-time code is not kept on screen").isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aDistrictOfficesPcEnrolledNamesTheDistrictNotAnLao() {
        EnrolmentViewModel model = typed(Messages.THAI);
        ServerAccount lao = account();
        ServerAccount district = new ServerAccount(lao.server(), new EnrolmentResponse("dev-8", "T".repeat(43),
                lao.enrolment().serverPublicKey(), lao.enrolment().serverKeyId(), null, "6508", ProtocolLimits.DEFAULT),
                lao.enrolledAt());
        answer = new EnrolmentService.Result.Enrolled(district);

        enrol(model);

        assertThat(model.messageProperty().get()).startsWith("ลงทะเบียนแล้ว: เครื่องนี้เป็นของสำนักงานท้องถิ่นอำเภอ รหัส 6508")
                .contains("dev-8").doesNotContain("เทศบาลตำบลวังทอง");
        assertThat(told).containsExactly(district);
    }

    @Test
    void theNetworkCallRunsOffTheUiThreadAndItsOutcomeComesBackOnIt() {
        EnrolmentViewModel model = typed(Messages.THAI);
        answer = new EnrolmentService.Result.Enrolled(account());

        model.enrol();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(proxiesUsed).as("nothing sent on the UI thread").isEmpty();
        model.enrol();
        background.runAll();
        assertThat(proxiesUsed).as("a second press while busy sends nothing more").hasSize(1);
        assertThat(model.outcomeProperty().get()).isEqualTo(EnrolmentViewModel.Outcome.NONE);
        ui.runAll();
        assertThat(model.outcomeProperty().get()).isEqualTo(EnrolmentViewModel.Outcome.ENROLLED);
    }

    @Test
    void aUsedCodeIsRefusedWithTheServersWordsAndWhatToDoAndTheFocusGoesToTheCode() {
        EnrolmentViewModel model = typed(Messages.THAI);
        Problem problem = Problem.of(ProblemCode.BAD_ENROLMENT_CODE, "used");
        answer = new EnrolmentService.Result.Refused(Exchange.Action.NEW_ENROLMENT_CODE, problem);

        enrol(model);

        assertThat(model.outcomeProperty().get()).isEqualTo(EnrolmentViewModel.Outcome.PROBLEM);
        assertThat(model.fieldProperty().get()).isEqualTo(EnrolmentViewModel.Field.CODE);
        assertThat(model.messageProperty().get()).contains(problem.messages().th()).contains("กรุณาขอรหัสใหม่");
        assertThat(told).isEmpty();
    }

    @Test
    void inEnglishTheRefusalIsInEnglish() {
        EnrolmentViewModel model = typed(Locale.ENGLISH);
        Problem problem = Problem.of(ProblemCode.BAD_ENROLMENT_CODE, "used");
        answer = new EnrolmentService.Result.Refused(Exchange.Action.NEW_ENROLMENT_CODE, problem);

        enrol(model);

        assertThat(model.messageProperty().get()).contains(problem.messages().en()).contains("ask the server’s administrator");
    }

    @Test
    void anUnreachableServerSaysToCheckTheAddressAndThatNothingWasEnrolled() {
        EnrolmentViewModel model = typed(Messages.THAI);
        answer = new EnrolmentService.Result.NoAnswer(Exchange.Trouble.UNREACHABLE, "ConnectException");

        enrol(model);

        assertThat(model.fieldProperty().get()).isEqualTo(EnrolmentViewModel.Field.ADDRESS);
        assertThat(model.messageProperty().get()).contains("ติดต่อเซิร์ฟเวอร์ไม่ได้").endsWith("ยังไม่ได้ลงทะเบียน");
        assertThat(model.currentProperty().get()).isEqualTo("ยังไม่ได้ลงทะเบียน");
    }

    @Test
    void aCodeForAnotherOfficeIsRefusedNamingBothOffices() {
        EnrolmentViewModel model = typed(Messages.THAI);
        answer = new EnrolmentService.Result.WrongOffice("6650805", null);

        enrol(model);

        assertThat(model.messageProperty().get()).contains("6650805").contains("5650801");
        assertThat(told).isEmpty();
    }

    @Test
    void aMistypedCodeIsShownAtTheCode() {
        EnrolmentViewModel model = typed(Messages.THAI);
        answer = new EnrolmentService.Result.BadInput(EnrolmentService.Field.CODE);

        enrol(model);

        assertThat(model.fieldProperty().get()).isEqualTo(EnrolmentViewModel.Field.CODE);
        assertThat(model.messageProperty().get()).startsWith("รหัสลงทะเบียนไม่ถูกต้อง");
    }

    @Test
    void aManualProxyWithoutAPortIsRefusedBeforeAnythingIsSent() {
        EnrolmentViewModel model = typed(Messages.THAI);
        model.proxyModeProperty().set(ProxySettings.Mode.MANUAL);
        model.proxyHostProperty().set("proxy.amphoe.local");

        model.enrol();

        assertThat(background.tasks).isEmpty();
        assertThat(model.fieldProperty().get()).isEqualTo(EnrolmentViewModel.Field.PROXY);
        assertThat(model.messageProperty().get()).startsWith("การตั้งค่าพร็อกซีไม่ครบ");
    }

    @Test
    void theManualProxyWithItsUserAndPasswordIsWhatTheEnrolmentGoesThrough() {
        EnrolmentViewModel model = typed(Messages.THAI);
        model.proxyModeProperty().set(ProxySettings.Mode.MANUAL);
        model.proxyHostProperty().set(" proxy.amphoe.local ");
        model.proxyPortProperty().set("3128");
        model.proxyUserProperty().set("somchai");
        model.proxyPasswordProperty().set("ลับมาก");
        answer = new EnrolmentService.Result.Enrolled(account());

        enrol(model);

        assertThat(proxiesUsed).containsExactly(
                new ProxySettings(ProxySettings.Mode.MANUAL, "proxy.amphoe.local", 3128, "somchai", "ลับมาก"));
    }

    @Test
    void noProxyAndTheSystemsProxyAreWhatTheyAre() {
        EnrolmentViewModel model = typed(Messages.THAI);
        answer = new EnrolmentService.Result.Enrolled(account());
        enrol(model);
        model.proxyModeProperty().set(ProxySettings.Mode.NONE);
        model.codeProperty().set(CODE);
        enrol(model);

        assertThat(proxiesUsed).containsExactly(ProxySettings.SYSTEM, ProxySettings.NONE);
    }

    @Test
    void theDemoServerOnThisMachineIsPrefilledWithADirectConnection() {
        EnrolmentViewModel model = model(Messages.THAI);

        model.prefill("http://127.0.0.1:8080/", CODE);

        assertThat(model.addressProperty().get()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(model.codeProperty().get()).isEqualTo(CODE);
        assertThat(model.proxyModeProperty().get()).isEqualTo(ProxySettings.Mode.NONE);
    }

    @Test
    void anEnrolledPcShowsItsEnrolmentAndTheKeptManualProxy() {
        ProxySettings kept = ProxySettings.manual("proxy.amphoe.local", 8080);
        EnrolmentViewModel model = new EnrolmentViewModel((a, c, p) -> null, Messages.thai(), LaoProfile.demo(), kept, account(),
                background, ui, told::add);

        assertThat(model.currentProperty().get()).startsWith("ลงทะเบียนแล้ว").contains("https://infodesk.example.go.th/");
        assertThat(model.addressProperty().get()).isEqualTo("https://infodesk.example.go.th/");
        assertThat(model.proxyModeProperty().get()).isEqualTo(ProxySettings.Mode.MANUAL);
        assertThat(model.proxyPortProperty().get()).isEqualTo("8080");
    }
}
