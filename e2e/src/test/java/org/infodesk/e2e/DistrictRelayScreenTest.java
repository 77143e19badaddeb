package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javafx.stage.Stage;
import okhttp3.HttpUrl;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.relay.ui.DistrictRelayView;
import org.infodesk.app.shell.RelayShell;
import org.infodesk.app.shell.SyncShell;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Lao;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 8, the district's screen against the real server in-process (embedded PostgreSQL) and
 * real SQLite stores: three LAOs certify their 8 domains offline and export them with the real
 * {@link LaoRelay} to a USB stick's folder, beside one hostile file (a real bundle with an entry
 * that climbs out of its folder). A district office's PC enrols for its district on the enrolment
 * screen, its officer imports the folder (the hostile file refused with its reason on the screen,
 * the others kept), presses send: the screen shows every submission delivered with its receipt,
 * and the server holds each once, relayed. Then the officer exports the receipts bundles, one per
 * LAO, and an LAO's PC takes its own.
 */
@ExtendWith(ApplicationExtension.class)
class DistrictRelayScreenTest {

    static final int LAOS = 3;
    static final String DISTRICT = "6508";
    static final long WAIT_SECONDS = 60;

    @TempDir
    Path serverData;
    @TempDir
    Path work;

    private Stage stage;
    private InfoDeskServer server;
    private final List<CertificationFixture> offices = new ArrayList<>();
    private Store districtStore;
    private SyncShell sync;
    private RelayShell relay;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppWindow.prepare(stage);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (sync != null) {
                sync.stop();
            }
            if (relay != null) {
                relay.stop();
            }
        });
        if (districtStore != null) {
            districtStore.close();
        }
        offices.forEach(CertificationFixture::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDistrictOfficerImportsAFolderOfBundlesSeesTheHostileFileRefusedSendsThemAllAndExportsTheReceipts(FxRobot robot)
            throws Exception {
        long started = System.nanoTime();
        server = InfoDeskServer.start(ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", serverData.toString())));
        HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.port() + "/");
        Enrolment enrolment = new Enrolment(server.database().dataSource(), Clock.systemUTC());
        List<Lao> laos = new ArrayList<>();
        for (int i = 1; i <= LAOS; i++) {
            laos.add(new Lao(String.format("66508%02d", i), "อบต.ทดสอบ " + i, "Test SAO " + i, "วังทอง", "พิษณุโลก"));
        }
        new Registry(server.database().dataSource()).importAll(laos);

        // Each LAO: certified offline, its PC enrolled once (its key pinned), its bundle on the stick.
        Path stick = Files.createDirectories(work.resolve("usb"));
        List<List<String>> certified = new ArrayList<>();
        EnrolmentResponse first = null;
        for (Lao lao : laos) {
            CertificationFixture office = new CertificationFixture(Files.createDirectories(work.resolve(lao.code())));
            offices.add(office);
            certified.add(RelayThroughTheDistrictTest.certifyAll(office, lao.code()));
            String code = enrolment.issue(new Enrolment.Target.OfLao(lao.code()), Duration.ofDays(1)).code();
            if (first == null) {
                first = RelayThroughTheDistrictTest.enrol(office.store, office.keys, url, code, lao.code(), null).enrolment();
            } else {
                Enrolment.Redemption.Enrolled enrolled = (Enrolment.Redemption.Enrolled) enrolment.redeem(code, office.keys.publicKey());
                new SqliteAccountRepository(office.store).save(new ServerAccount(url, new EnrolmentResponse(
                        enrolled.deviceId().toString(), enrolled.token(), first.serverPublicKey(), first.serverKeyId(), lao.code(),
                        null, first.limits()), Instant.now()));
            }
            LaoRelay lr = new LaoRelay(new SqliteOutboxRepository(office.store), RelayThroughTheDistrictTest.BUNDLES,
                    RelayThroughTheDistrictTest.CODEC, office.clock);
            assertThat(lr.export(stick.resolve(lr.suggestedName(lao.code())), lao.code(), office.keys.publicKey(),
                    office.keys.keyId(), null).submissions()).isEqualTo(8);
        }
        Path hostile = stick.resolve("zz-tampered.zip");
        climbingOut(firstZip(stick), hostile);

        long prepared = System.nanoTime();
        // The district office's PC, set up with --district=6508: enrolled for its district on the enrolment screen.
        Path districtData = Files.createDirectories(work.resolve("district"));
        districtStore = StoreFixture.open(districtData);
        DeviceKeys districtKeys = DeviceKeys.loadOrCreate(districtData, new SqliteDeviceRepository(districtStore));
        Path back = Files.createDirectories(work.resolve("usb-back"));
        String districtCode = enrolment.issue(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"), Duration.ofDays(1)).code();
        Files.createDirectories(districtData.resolve("logs"));
        robot.interact(() -> {
            java.util.function.Function<String, String> domainLabel =
                    id -> StoreFixture.DEFINITION.domain(id).map(d -> d.label().th()).orElse(id);
            relay = new RelayShell(districtStore, LaoProfile.demo(), DISTRICT, Messages::thai, () -> districtKeys, domainLabel,
                    view -> stage.getScene().setRoot(view), () -> stage.getScene().setRoot(relay.districtScreen()), () -> { },
                    () -> { }, () -> stage, Clock.systemUTC());
            relay.dialogs(new DistrictRelayView.Choosers() {
                @Override
                public Path folder(String title) {
                    return stick;
                }

                @Override
                public List<Path> files(String title) {
                    return List.of();
                }

                @Override
                public Path receiptsFolder(String title) {
                    return back;
                }
            });
            sync = new SyncShell(districtStore, districtData, LaoProfile.demo(), Messages::thai, () -> districtKeys, domainLabel,
                    view -> stage.getScene().setRoot(view), () -> stage.getScene().setRoot(relay.districtScreen()), () -> { },
                    () -> stage);
            sync.district(DISTRICT);
            sync.onEnrolled(relay::enrolled);
            sync.prefill(url.toString(), null);
            assertThat(sync.start()).as("not enrolled yet").isFalse();
            relay.start();
            sync.openEnrolment();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#enrolmentCode").write(districtCode);
        robot.clickOn("#enrol");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#enrolResult").startsWith("ลงทะเบียนแล้ว"));
        assertThat(text(robot, "#enrolResult")).contains("สำนักงานท้องถิ่นอำเภอ รหัส " + DISTRICT);
        robot.interact(() -> stage.getScene().setRoot(relay.districtScreen()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#districtTitle")).contains(DISTRICT);

        long enrolled = System.nanoTime();
        // Import the stick's folder: the hostile file is listed with its reason, the three bundles are kept.
        robot.clickOn("#importFolder");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#importText").startsWith("นำเข้าแล้ว"));
        assertThat(text(robot, "#importText")).isEqualTo("นำเข้าแล้ว 3 ไฟล์ (ใหม่ 24 รายการ มีอยู่แล้ว 0 รายการ) ไม่รับ 1 ไฟล์");
        assertThat(text(robot, "#refusedFile-0")).contains("zz-tampered.zip").contains("ชื่อรายการที่ไม่ปลอดภัย")
                .contains("ขอให้ อปท. ส่งออกไฟล์ใหม่");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#relayProgressText").equals("ส่งถึงแล้ว 0/24"));
        for (Lao lao : laos) {
            assertThat(text(robot, "#laoCounts-" + lao.code())).isEqualTo("รับมา 8 · ส่งถึงแล้ว 0 · ไม่รับ 0");
        }

        long imported = System.nanoTime();
        // Send: every submission delivered with its receipt, on the screen and on the server, once each.
        robot.clickOn("#relaySend");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#relayProgressText").equals("ส่งถึงแล้ว 24/24"));
        for (int i = 0; i < LAOS; i++) {
            assertThat(text(robot, "#laoCounts-" + laos.get(i).code())).startsWith("รับมา 8 · ส่งถึงแล้ว 8 · ไม่รับ 0 · ใบรับล่าสุด");
            for (String id : certified.get(i)) {
                assertThat(text(robot, "#relayState-" + id)).isEqualTo("ส่งถึงแล้ว");
                assertThat(text(robot, "#relayDetail-" + id)).startsWith("ใบรับจากเซิร์ฟเวอร์").contains("พ.ศ.");
            }
        }
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#relayPhase").startsWith("ส่งครบแล้ว"));
        assertThat(RelayThroughTheDistrictTest.count(server, "SELECT count(*) FROM submission")).isEqualTo(LAOS * 8);
        assertThat(RelayThroughTheDistrictTest.count(server, "SELECT count(DISTINCT submission_id) FROM submission")).isEqualTo(LAOS * 8);
        assertThat(RelayThroughTheDistrictTest.count(server, "SELECT count(*) FROM submission WHERE relay_device_id IS NOT NULL"))
                .isEqualTo(LAOS * 8);

        long sent = System.nanoTime();
        // Export the receipts: one bundle per LAO; an LAO's PC marks its submissions delivered with it.
        robot.clickOn("#exportReceipts");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> text(robot, "#receiptsExported").startsWith("บันทึกไฟล์ใบรับ"));
        assertThat(text(robot, "#receiptsExported")).startsWith("บันทึกไฟล์ใบรับ 3 ไฟล์");
        for (Lao lao : laos) {
            assertThat(back.resolve("receipts-" + lao.code() + ".zip")).exists();
        }
        CertificationFixture office = offices.get(1);
        SqliteOutboxRepository outbox = new SqliteOutboxRepository(office.store);
        LaoRelay.ReceiptsImported receipts = new LaoRelay(outbox, RelayThroughTheDistrictTest.BUNDLES, RelayThroughTheDistrictTest.CODEC,
                office.clock).importReceipts(back.resolve("receipts-" + laos.get(1).code() + ".zip"), laos.get(1).code(),
                new SqliteAccountRepository(office.store).current().orElseThrow().enrolment().serverKey());
        assertThat(receipts).isEqualTo(new LaoRelay.ReceiptsImported(8, 0));
        assertThat(outbox.undelivered()).isEmpty();
        System.out.printf("server and %d LAOs' bundles %d ms, district enrolled %d ms, imported %d ms, sent %d ms, receipts %d ms%n",
                LAOS, ms(started, prepared), ms(prepared, enrolled), ms(enrolled, imported), ms(imported, sent),
                ms(sent, System.nanoTime()));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Path firstZip(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".zip")).sorted().findFirst().orElseThrow();
        }
    }

    /** A copy of a real bundle with one more entry whose name climbs out of the bundle's folder (zip slip). */
    private static void climbingOut(Path bundle, Path target) throws Exception {
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(target); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                copy.putNextEntry(new ZipEntry(e.getName()));
                zip.transferTo(copy);
                copy.closeEntry();
            }
            copy.putNextEntry(new ZipEntry("envelopes/../../Startup/evil.json"));
            copy.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            copy.closeEntry();
        }
    }

    private static String text(FxRobot robot, String id) {
        return AppWindow.textOrEmpty(robot, id);
    }
}
