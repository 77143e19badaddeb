package org.infodesk.app.relay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.app.relay.DistrictRelay;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteRelayRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.SyncControl;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The district relay screen's state and commands on real stores: an LAO's real bundle and a
 * hostile file imported from a folder (the file refused with its reason, the bundle listed under
 * its LAO), sending asked of a recorded control, what the push records shown item by item
 * (delivered with the receipt's time, refused with the server's reason), the link's trouble in
 * plain words, receipts bundles written. Slow work runs on the calling thread.
 */
class DistrictRelayViewModelTest {

    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION));
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);
    static final String LAO = CertificationFixture.INFRASTRUCTURE.lao();
    static final KeyPair SERVER = Ed25519Keys.generate();
    /** 09:00 in Bangkok, 1 June 2564 B.E. */
    static final Instant RECEIVED = Instant.parse("2021-06-01T02:00:00Z");

    @TempDir
    Path laoData;
    @TempDir
    Path districtData;
    @TempDir
    Path stick;
    @TempDir
    Path back;

    CertificationFixture office;
    Store district;
    SqliteRelayRepository carried;
    DistrictRelayViewModel model;
    List<String> ids = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final SyncControl control = new SyncControl() {
        @Override
        public void sendNow() {
            asked.add("sendNow");
        }

        @Override
        public void pause() {
            asked.add("pause");
        }
    };

    @BeforeEach
    void open() throws Exception {
        office = new CertificationFixture(laoData);
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(LAO, 2564, domain.id());
            office.enterSample(key);
            if (office.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                    instanceof CertificationService.Outcome.Certified done) {
                ids.add(done.snapshot().submissionId());
            }
        }
        LaoRelay lao = new LaoRelay(new SqliteOutboxRepository(office.store), BUNDLES, CODEC, office.clock);
        lao.export(stick.resolve("a-" + LAO + ".zip"), LAO, office.keys.publicKey(), office.keys.keyId(), null);
        Files.writeString(stick.resolve("b-hostile.zip"), "PK this is not a bundle");
        district = StoreFixture.open(districtData);
        carried = new SqliteRelayRepository(district);
        model = new DistrictRelayViewModel(new DistrictRelay(carried, BUNDLES, CODEC, "6508", district.clock()), carried,
                Messages.thai(), ZoneId.of("Asia/Bangkok"), id -> "ด้าน " + id,
                code -> code.equals(LAO) ? "เทศบาลตำบลวังทอง" : null, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        office.close();
        district.close();
    }

    @Test
    void aFolderIsImportedTheHostileFileListedWithItsReasonAndTheBundleShownUnderItsLao() {
        model.importPaths(List.of(stick));

        assertThat(model.refusedFiles()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("b-hostile.zip");
            assertThat(f.reason()).contains("b-hostile.zip").contains("ไม่ใช่ไฟล์ชุดข้อมูล").contains("ขอให้ อปท. ส่งออกไฟล์ใหม่");
        });
        assertThat(model.importTextProperty().get())
                .isEqualTo("นำเข้าแล้ว 1 ไฟล์ (ใหม่ 8 รายการ มีอยู่แล้ว 0 รายการ) ไม่รับ 1 ไฟล์");
        assertThat(model.importingProperty().get()).isFalse();
        assertThat(model.laos()).singleElement().satisfies(lao -> {
            assertThat(lao.title()).isEqualTo("รหัส " + LAO + " เทศบาลตำบลวังทอง");
            assertThat(lao.counts()).isEqualTo("รับมา 8 · ส่งถึงแล้ว 0 · ไม่รับ 0");
            assertThat(lao.items()).extracting(DistrictRelayViewModel.Item::submissionId).containsExactlyElementsOf(ids);
            assertThat(lao.items()).extracting(DistrictRelayViewModel.Item::kind).containsOnly(DistrictRelayViewModel.Kind.CARRIED);
        });
        assertThat(model.progressTextProperty().get()).isEqualTo("ส่งถึงแล้ว 0/8");
        // not enrolled as the district office: importing works, sending says what to do
        assertThat(model.phaseProperty().get()).startsWith("เครื่องนี้ยังไม่ได้ลงทะเบียน");
        model.send();
        assertThat(model.troubleProperty().get()).contains("ลงทะเบียนเครื่อง");

        // the same folder again: nothing new, nothing lost
        model.importPaths(List.of(stick.resolve("a-" + LAO + ".zip")));
        assertThat(model.refusedFiles()).isEmpty();
        assertThat(model.importTextProperty().get()).isEqualTo("นำเข้าแล้ว 1 ไฟล์ (ใหม่ 0 รายการ มีอยู่แล้ว 8 รายการ) ไม่รับ 0 ไฟล์");
    }

    @Test
    void sendingShowsEachItemSendingThenDeliveredWithItsReceiptTimeOrRefusedWithTheServersReason() throws Exception {
        model.importPaths(List.of(stick));
        model.connect(control);
        model.send();
        assertThat(asked).containsExactly("sendNow");

        model.status(status(OutboxWorker.Phase.SENDING));
        assertThat(model.laos().get(0).items()).extracting(DistrictRelayViewModel.Item::state).containsOnly("กำลังส่ง");
        assertThat(model.phaseProperty().get()).isEqualTo("กำลังส่ง…");

        List<Outgoing> queued = carried.queued(100);
        for (Outgoing o : queued.subList(0, 7)) {
            carried.markDelivered(o.submissionId(), WireCodec.write(Receipt.sign(UUID.fromString(o.submissionId()), o.digest(),
                    RECEIVED, Outcome.ACCEPTED, SERVER.getPrivate(), Ed25519Keys.keyId(SERVER.getPublic()))));
        }
        String refusedId = queued.get(7).submissionId();
        carried.markRefused(refusedId, new String(WireCodec.write(ItemOutcome.refused(UUID.fromString(refusedId), Outcome.UNAUTHORIZED,
                "UNKNOWN_KEY", List.of(), "no device with this key")), StandardCharsets.UTF_8));
        model.status(status(OutboxWorker.Phase.IDLE));

        DistrictRelayViewModel.Lao lao = model.laos().get(0);
        assertThat(lao.counts()).isEqualTo("รับมา 8 · ส่งถึงแล้ว 7 · ไม่รับ 1 · ใบรับล่าสุด 1 มิ.ย. พ.ศ. 2564 09:00");
        assertThat(lao.items().subList(0, 7)).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(DistrictRelayViewModel.Kind.DELIVERED);
            assertThat(i.state()).isEqualTo("ส่งถึงแล้ว");
            assertThat(i.detail()).isEqualTo("ใบรับจากเซิร์ฟเวอร์ 1 มิ.ย. พ.ศ. 2564 09:00");
        });
        DistrictRelayViewModel.Item refused = lao.items().get(7);
        assertThat(refused.kind()).isEqualTo(DistrictRelayViewModel.Kind.REFUSED);
        assertThat(refused.detail()).startsWith("เซิร์ฟเวอร์ไม่รับข้อมูลนี้จากเครื่องของ อปท.").contains("UNKNOWN_KEY: no device with this key")
                .contains("แจ้ง อปท.");
        assertThat(model.progressTextProperty().get()).isEqualTo("ส่งถึงแล้ว 7/7");
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.phaseProperty().get()).startsWith("ส่งครบแล้ว");
        assertThat(model.troubleProperty().get()).startsWith("เซิร์ฟเวอร์ไม่รับ 1 รายการ");
    }

    @Test
    void whenTheLinkIsDownTheScreenSaysWhyAndWhenItTriesAgainAndSendTriesAtOnce() {
        model.importPaths(List.of(stick));
        model.connect(control);

        model.status(new OutboxWorker.Status(OutboxWorker.Phase.WAITING, 8, 0, null, Instant.parse("2021-06-01T03:30:00Z"),
                Exchange.Trouble.UNREACHABLE, null, null, "connect refused"));

        assertThat(model.phaseProperty().get()).isEqualTo(
                "รอเชื่อมต่อเซิร์ฟเวอร์ จะลองใหม่เองเวลา 1 มิ.ย. พ.ศ. 2564 10:30 หรือกด \"ส่งไปส่วนกลาง\" เพื่อลองทันที");
        assertThat(model.troubleProperty().get()).startsWith("ติดต่อเซิร์ฟเวอร์ไม่ได้");
        assertThat(model.laos().get(0).items()).extracting(DistrictRelayViewModel.Item::state).containsOnly("รอส่ง");
        model.send();
        assertThat(asked).containsExactly("sendNow");
    }

    @Test
    void receiptsBundlesAreWrittenPerLaoOnceThereAreReceipts() throws Exception {
        model.importPaths(List.of(stick));
        model.exportReceipts(back);
        assertThat(model.exportedProperty().get()).startsWith("ยังไม่มีใบรับ");

        for (Outgoing o : carried.queued(100)) {
            carried.markDelivered(o.submissionId(), WireCodec.write(Receipt.sign(UUID.fromString(o.submissionId()), o.digest(),
                    RECEIVED, Outcome.ACCEPTED, SERVER.getPrivate(), Ed25519Keys.keyId(SERVER.getPublic()))));
        }
        model.exportReceipts(back);

        assertThat(back.resolve("receipts-" + LAO + ".zip")).exists();
        assertThat(BUNDLES.readReceipts(back.resolve("receipts-" + LAO + ".zip")).receipts()).hasSize(8);
        assertThat(model.exportedProperty().get()).startsWith("บันทึกไฟล์ใบรับ 1 ไฟล์ลงใน " + back.toAbsolutePath())
                .contains("receipts-" + LAO + ".zip");

        // the receipts file imported by mistake at the district: refused, saying whose it is
        model.importPaths(List.of(back));
        assertThat(model.refusedFiles()).singleElement().satisfies(f ->
                assertThat(f.reason()).contains("receipts-" + LAO + ".zip").contains("ไม่ต้องนำเข้าที่นี่"));
    }

    static OutboxWorker.Status status(OutboxWorker.Phase phase) {
        return new OutboxWorker.Status(phase, 0, 0, null, null, null, null, null, null);
    }
}
