package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.relay.DistrictRelay;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteRelayRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Lao;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, acceptance 2: 30 LAOs of one district certify their 8 domains offline and export them
 * to bundles; one district device imports the folder, pushes everything to the real server with
 * its own token; the server holds all 240 once, each recorded as relayed; the receipts bundles
 * mark every item delivered on each LAO's PC; a submission also sent directly is stored once. A
 * bundle a relay made anew, signed with a key the server never pinned, passes the district's
 * checks and is refused by the server, the authority (ADR 0010).
 */
class RelayThroughTheDistrictTest {

    static final int LAOS = 30;
    static final String PROVINCE = "พิษณุโลก";
    static final String DISTRICT_NAME = "วังทอง";
    static final String DISTRICT = "6508";
    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION));
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);

    @TempDir
    Path serverData;
    @TempDir
    Path work;

    @Test
    void thirtyLaosBundlesArePushedByOneDistrictDeviceStoredOnceAndTheirReceiptsComeBack() throws Exception {
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", serverData.toString()));
        List<CertificationFixture> offices = new ArrayList<>();
        try (InfoDeskServer server = InfoDeskServer.start(config)) {
            HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.port() + "/");
            Enrolment enrolment = new Enrolment(server.database().dataSource(), Clock.systemUTC());
            List<Lao> laos = new ArrayList<>();
            for (int i = 1; i <= LAOS; i++) {
                laos.add(new Lao(String.format("66508%02d", i), "อบต.ทดสอบ " + i, "Test SAO " + i, DISTRICT_NAME, PROVINCE));
            }
            new Registry(server.database().dataSource()).importAll(laos);
            Path stick = Files.createDirectories(work.resolve("usb"));

            // Each LAO: certified offline, its PC enrolled once (its key pinned), its bundle on the stick.
            List<List<String>> certified = new ArrayList<>();
            EnrolmentResponse firstEnrolment = null;
            for (Lao lao : laos) {
                CertificationFixture office = new CertificationFixture(Files.createDirectories(work.resolve(lao.code())));
                offices.add(office);
                certified.add(certifyAll(office, lao.code()));
                String code = enrolment.issue(new Enrolment.Target.OfLao(lao.code()), Duration.ofDays(1)).code();
                if (offices.size() == 1) {
                    firstEnrolment = enrol(office.store, office.keys, url, code, lao.code(), null).enrolment();
                } else {
                    // Enrolled on other days in the field: here the server's own redemption, past its limit of
                    // enrolments per address and minute, with the same answer the enrolment route gives.
                    Enrolment.Redemption redeemed = enrolment.redeem(code, office.keys.publicKey());
                    assertThat(redeemed).isInstanceOf(Enrolment.Redemption.Enrolled.class);
                    Enrolment.Redemption.Enrolled enrolled = (Enrolment.Redemption.Enrolled) redeemed;
                    new SqliteAccountRepository(office.store).save(new ServerAccount(url, new EnrolmentResponse(
                            enrolled.deviceId().toString(), enrolled.token(), firstEnrolment.serverPublicKey(),
                            firstEnrolment.serverKeyId(), lao.code(), null, firstEnrolment.limits()), Instant.now()));
                }
                LaoRelay relay = new LaoRelay(new SqliteOutboxRepository(office.store), BUNDLES, CODEC, office.clock);
                LaoRelay.Exported exported = relay.export(stick.resolve(relay.suggestedName(lao.code())), lao.code(),
                        office.keys.publicKey(), office.keys.keyId(), null);
                assertThat(exported.submissions()).isEqualTo(8);
            }

            // The first LAO's link comes back for a moment: its first submission goes directly too.
            CertificationFixture first = offices.get(0);
            ServerAccount firstAccount = new SqliteAccountRepository(first.store).current().orElseThrow();
            SqliteOutboxRepository firstOutbox = new SqliteOutboxRepository(first.store);
            String direct = certified.get(0).get(0);
            ServerAccount oneAtATime = firstAccount;
            OutboxSender directly = new OutboxSender(new OneItem(firstOutbox), link(url), oneAtATime, first.keys.keyId(),
                    new Backoff(Backoff.FIRST, Backoff.MOST, new Random(1)));
            assertThat(directly.sendBatch()).isEqualTo(new OutboxSender.Round.Sent(1, 0));

            // The district office: imports the folder, pushes, writes the receipts back to the stick.
            Path districtData = Files.createDirectories(work.resolve("district"));
            try (Store districtStore = StoreFixture.open(districtData)) {
                DeviceKeys districtKeys = DeviceKeys.loadOrCreate(districtData, new SqliteDeviceRepository(districtStore));
                ServerAccount account = enrol(districtStore, districtKeys, url, enrolment.issue(
                        new Enrolment.Target.OfDistrict(DISTRICT_NAME, PROVINCE), Duration.ofDays(1)).code(), null, DISTRICT);
                SqliteRelayRepository carried = new SqliteRelayRepository(districtStore);
                DistrictRelay district = new DistrictRelay(carried, BUNDLES, CODEC, account.enrolment().districtCode(),
                        Clock.systemUTC());

                long started = System.nanoTime();
                List<DistrictRelay.FileOutcome> imported = district.importFolder(stick);
                long importedAt = System.nanoTime();
                assertThat(imported).hasSize(LAOS).allSatisfy(o -> assertThat(o)
                        .isInstanceOfSatisfying(DistrictRelay.FileOutcome.Imported.class, i -> assertThat(i.added()).isEqualTo(8)));
                assertThat(carried.byLao()).hasSize(LAOS);

                List<int[]> progress = new ArrayList<>();
                OutboxSender sender = district.sender(link(url), account, districtKeys.keyId(),
                        new Backoff(Backoff.FIRST, Backoff.MOST, new Random(2)));
                DistrictRelay.Pushed pushed = district.push(sender, (d, r, w) -> progress.add(new int[] {d, r, w}), 1000);
                long pushedAt = System.nanoTime();
                System.out.printf("%d bundles imported in %d ms, %d envelopes pushed in %d ms in %d rounds%n", LAOS,
                        (importedAt - started) / 1_000_000, LAOS * 8, (pushedAt - importedAt) / 1_000_000, progress.size());
                assertThat(pushed.last()).isInstanceOf(OutboxSender.Round.Idle.class);
                assertThat(pushed.delivered()).isEqualTo(LAOS * 8);
                assertThat(pushed.refused()).isZero();
                assertThat(progress.get(progress.size() - 1)).containsExactly(LAOS * 8, 0, 0);
                assertThat(carried.undelivered()).isEmpty();

                // Exactly once: 240 submissions, the one sent both ways among them once, signed by the LAO, relayed
                // by the district device except the one that arrived directly first.
                assertThat(count(server, "SELECT count(*) FROM submission WHERE lao_code LIKE '66508%'")).isEqualTo(LAOS * 8);
                assertThat(count(server, "SELECT count(DISTINCT submission_id) FROM submission")).isEqualTo(LAOS * 8);
                assertThat(count(server, "SELECT count(*) FROM submission WHERE submission_id = ?::uuid", direct)).isEqualTo(1);
                assertThat(count(server, "SELECT count(*) FROM submission WHERE relay_device_id IS NOT NULL")).isEqualTo(LAOS * 8 - 1);

                List<Path> receipts = district.exportReceipts(work.resolve("usb"));
                assertThat(receipts).hasSize(LAOS);

                // Back at each LAO: the receipts bundle marks everything delivered, checked with the LAO's pinned key.
                for (int i = 0; i < LAOS; i++) {
                    CertificationFixture office = offices.get(i);
                    String code = laos.get(i).code();
                    ServerAccount own = new SqliteAccountRepository(office.store).current().orElseThrow();
                    SqliteOutboxRepository outbox = new SqliteOutboxRepository(office.store);
                    LaoRelay relay = new LaoRelay(outbox, BUNDLES, CODEC, office.clock);
                    LaoRelay.ReceiptsImported result = relay.importReceipts(stick.resolve("receipts-" + code + ".zip"), code,
                            own.enrolment().serverKey());
                    assertThat(result).isEqualTo(i == 0 ? new LaoRelay.ReceiptsImported(7, 1) : new LaoRelay.ReceiptsImported(8, 0));
                    assertThat(outbox.undelivered()).isEmpty();
                    for (String id : certified.get(i)) {
                        assertThat(ServerAndApp.receiptOf(office.store, id).verifies(own.enrolment().serverKey())).isTrue();
                    }
                }

                // A relay cannot alter: a bundle made anew for the first LAO on a PC whose key the server never pinned
                // (as a relay forging one would make it) passes the district's checks, which only find damage, but the
                // server refuses every envelope, and nothing of it is stored.
                Path forgerData = Files.createDirectories(work.resolve("forger"));
                try (CertificationFixture forger = new CertificationFixture(forgerData)) {
                    String lao = laos.get(0).code();
                    certifyAll(forger, lao);
                    Path forged = Files.createDirectories(work.resolve("usb2")).resolve("forged.zip");
                    new LaoRelay(new SqliteOutboxRepository(forger.store), BUNDLES, CODEC, forger.clock)
                            .export(forged, lao, forger.keys.publicKey(), forger.keys.keyId(), null);
                    assertThat(district.importFiles(List.of(forged)).get(0))
                            .isEqualTo(new DistrictRelay.FileOutcome.Imported(forged, lao, 8, 0));
                    DistrictRelay.Pushed refused = district.push(sender, (d, r, w) -> { }, 100);
                    assertThat(refused.delivered()).isZero();
                    assertThat(refused.refused()).isEqualTo(8);
                    assertThat(carried.entries(8)).allSatisfy(e -> assertThat(e.refusal()).contains("UNKNOWN_KEY"));
                    assertThat(count(server, "SELECT count(*) FROM submission")).isEqualTo(LAOS * 8);
                }
            }
        } finally {
            offices.forEach(CertificationFixture::close);
        }
    }

    static List<String> certifyAll(CertificationFixture office, String lao) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(lao, 2564, domain.id());
            office.enterSample(key);
            if (office.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                    instanceof CertificationService.Outcome.Certified done) {
                ids.add(done.snapshot().submissionId());
            }
        }
        assertThat(ids).as("domains certified by " + lao).hasSize(8);
        return ids;
    }

    static ServerLink link(HttpUrl url) {
        return new ServerLink(new OkHttpClient(), url, Clock.systemUTC());
    }

    static ServerAccount enrol(Store store, DeviceKeys keys, HttpUrl url, String code, String lao, String district)
            throws Exception {
        EnrolmentService service = new EnrolmentService(new SqliteAccountRepository(store), keys, RelayThroughTheDistrictTest::link,
                Clock.systemUTC());
        EnrolmentService.Result result = service.enrol(url.toString(), code, lao, district, "PC");
        assertThat(result).isInstanceOf(EnrolmentService.Result.Enrolled.class);
        return ((EnrolmentService.Result.Enrolled) result).account();
    }

    static long count(InfoDeskServer server, String sql, Object... parameters) throws Exception {
        try (var connection = server.database().dataSource().getConnection(); var select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The outbox with only its first waiting item visible to the sender: one submission sent directly. */
    record OneItem(SqliteOutboxRepository outbox) implements org.infodesk.app.outbox.OutboxRepository {
        @Override
        public List<org.infodesk.app.outbox.OutboxItem> undelivered() throws org.infodesk.app.data.StoreException {
            return outbox.undelivered();
        }

        @Override
        public List<org.infodesk.app.outbox.OutboxEntry> entries(int max) throws org.infodesk.app.data.StoreException {
            return outbox.entries(max);
        }

        @Override
        public List<org.infodesk.app.outbox.Outgoing> queued(int max) throws org.infodesk.app.data.StoreException {
            return outbox.queued(1);
        }

        @Override
        public void markDelivered(String submissionId, byte[] receipt) throws org.infodesk.app.data.StoreException {
            outbox.markDelivered(submissionId, receipt);
        }

        @Override
        public void markRefused(String submissionId, String refusal) throws org.infodesk.app.data.StoreException {
            outbox.markRefused(submissionId, refusal);
        }

        @Override
        public void recordAttempt(List<String> submissionIds, String error) throws org.infodesk.app.data.StoreException {
            outbox.recordAttempt(submissionIds, error);
        }
    }
}
