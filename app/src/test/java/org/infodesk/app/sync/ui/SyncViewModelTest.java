package org.infodesk.app.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.SyncControl;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.ConflictHead;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync screen's state and commands, on an outbox held in a list and a recorded sync control. */
class SyncViewModelTest {

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final Instant CERTIFIED = Instant.parse("2026-11-26T02:00:00Z");
    /** 10:00:04 in Bangkok, 26 November 2569 B.E. */
    static final Instant RECEIVED = Instant.parse("2026-11-26T03:00:04Z");

    @TempDir
    Path folder;

    /** The outbox as a list: only what the screen reads. */
    static class ListedOutbox implements OutboxRepository {
        final List<OutboxEntry> entries = new ArrayList<>();

        @Override
        public List<OutboxEntry> entries(int max) throws StoreException {
            return entries.subList(0, Math.min(max, entries.size()));
        }

        @Override
        public List<OutboxItem> undelivered() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Outgoing> queued(int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markDelivered(String submissionId, byte[] receipt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markRefused(String submissionId, String refusal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordAttempt(List<String> submissionIds, String error) {
            throw new UnsupportedOperationException();
        }
    }

    /** What the screen asked of the background sync. */
    static final class Recorded implements SyncControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void sendNow() {
            calls.add("sendNow");
        }

        @Override
        public void pause() {
            calls.add("pause");
        }
    }

    final ListedOutbox outbox = new ListedOutbox();
    final Recorded control = new Recorded();

    SyncViewModel model(Locale locale) {
        return new SyncViewModel(outbox, Messages.of(locale), BANGKOK, id -> "ด้าน " + id, folder.resolve("logs"), Runnable::run,
                Runnable::run);
    }

    static OutboxEntry entry(long sequence, String domain, OutboxItem.State state, byte[] receipt, String refusal, int attempts,
            String verdict, String comment) {
        String id = UUID.nameUUIDFromBytes(("item" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
        return new OutboxEntry(sequence, id, domain, 1, state, attempts, CERTIFIED, RECEIVED, receipt, refusal, null, verdict, comment);
    }

    static byte[] receipt(String id) {
        return WireCodec.write(Receipt.sign(UUID.fromString(id), "a".repeat(64), RECEIVED, Outcome.ACCEPTED,
                SERVER_KEY.getPrivate(), Ed25519Keys.keyId(SERVER_KEY.getPublic())));
    }

    static OutboxEntry delivered(long sequence, String domain) {
        OutboxEntry e = entry(sequence, domain, OutboxItem.State.DELIVERED, null, null, 0, null, null);
        return new OutboxEntry(e.sequence(), e.submissionId(), domain, 1, e.state(), 0, CERTIFIED, RECEIVED, receipt(e.submissionId()),
                null, null, null, null);
    }

    static OutboxEntry status(OutboxEntry e, String verdict, String comment) {
        return new OutboxEntry(e.sequence(), e.submissionId(), e.domain(), e.revision(), e.state(), e.attempts(), e.createdAt(),
                e.updatedAt(), e.receipt(), e.refusal(), e.lastError(), verdict, comment);
    }

    static OutboxWorker.Status worker(OutboxWorker.Phase phase) {
        return new OutboxWorker.Status(phase, 0, 0, null, null, null, null, null, null);
    }

    @Test
    void notEnrolledItSaysSoWithWhatToDoAndCommandsDoNothing() {
        SyncViewModel model = model(Messages.THAI);

        model.sendNow();
        model.pauseOrResume();

        assertThat(model.phaseProperty().get()).isEqualTo("เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์");
        assertThat(model.troubleProperty().get()).contains("ลงทะเบียนเครื่อง");
        assertThat(model.statusLineProperty().get()).isEqualTo("ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์ (โหมดสาธิต)");
        assertThat(model.needsEnrolmentProperty().get()).isTrue();
        assertThat(model.enrolledProperty().get()).isFalse();
    }

    @Test
    void eachItemShowsItsStateDeliveredWithTheReceiptTimeInBuddhistEra() {
        String conflict = new String(WireCodec.write(ItemOutcome.conflict(UUID.randomUUID(), new ConflictHead(UUID.randomUUID(), 3))),
                StandardCharsets.UTF_8);
        outbox.entries.add(entry(4, "finance", OutboxItem.State.QUEUED, null, null, 2, null, null));
        outbox.entries.add(entry(3, "education", OutboxItem.State.REFUSED, null, conflict, 1, null, null));
        outbox.entries.add(delivered(2, "infrastructure"));
        outbox.entries.add(status(delivered(1, "public_health"), "RETURNED", "จำนวนโคมไฟฟ้าไม่ตรงกับทะเบียนทรัพย์สิน"));
        SyncViewModel model = model(Messages.THAI);

        model.connect(control);

        assertThat(model.lines()).extracting(SyncViewModel.Line::kind).containsExactly(SyncViewModel.Kind.QUEUED,
                SyncViewModel.Kind.REFUSED, SyncViewModel.Kind.DELIVERED, SyncViewModel.Kind.RETURNED);
        assertThat(model.lines()).extracting(SyncViewModel.Line::state)
                .containsExactly("รอส่ง", "เซิร์ฟเวอร์ไม่รับ (กันไว้)", "ส่งถึงแล้ว", "ส่งกลับแก้ไข");
        assertThat(model.lines().get(0).detail()).isEqualTo("ลองส่งแล้ว 2 ครั้ง");
        assertThat(model.lines().get(1).detail()).isEqualTo("ขัดกับข้อมูลบนเซิร์ฟเวอร์: เซิร์ฟเวอร์มีฉบับที่ 3 ซึ่งใหม่กว่าแล้ว");
        assertThat(model.lines().get(2).detail()).isEqualTo("ใบรับจากเซิร์ฟเวอร์ 26 พ.ย. พ.ศ. 2569 10:00");
        assertThat(model.lines().get(2).domain()).isEqualTo("ด้าน infrastructure");
        assertThat(model.lines().get(3).detail()).startsWith("ความเห็นผู้ตรวจ: จำนวนโคมไฟฟ้าไม่ตรงกับทะเบียนทรัพย์สิน");
    }

    @Test
    void progressCountsTheDeliveredOfAllButTheRefusedAndTheLastDeliveryIsInBuddhistEra() {
        outbox.entries.add(entry(4, "finance", OutboxItem.State.QUEUED, null, null, 0, null, null));
        outbox.entries.add(entry(3, "education", OutboxItem.State.REFUSED, null, null, 0, null, null));
        outbox.entries.add(delivered(2, "infrastructure"));
        outbox.entries.add(delivered(1, "public_health"));
        SyncViewModel model = model(Messages.THAI);

        model.connect(control);
        model.status(worker(OutboxWorker.Phase.IDLE));

        assertThat(model.progressTextProperty().get()).isEqualTo("ส่งแล้ว 2/3");
        assertThat(model.progressProperty().get()).isEqualTo(2.0 / 3);
        assertThat(model.lastSuccessProperty().get()).isEqualTo("ส่งสำเร็จล่าสุด 26 พ.ย. พ.ศ. 2569 10:00");
        assertThat(model.statusLineProperty().get()).isEqualTo("ส่งครบ · ส่งแล้ว 2/3 · ล่าสุด 26 พ.ย. พ.ศ. 2569 10:00");
    }

    @Test
    void whileSendingTheQueuedItemsShowAsSending() {
        outbox.entries.add(entry(1, "finance", OutboxItem.State.QUEUED, null, null, 0, null, null));
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);

        model.status(worker(OutboxWorker.Phase.SENDING));

        assertThat(model.lines()).extracting(SyncViewModel.Line::state).containsExactly("กำลังส่ง");
        assertThat(model.phaseProperty().get()).isEqualTo("กำลังส่ง…");
    }

    @Test
    void waitingForAnUnreachableServerSaysItRetriesByItselfAndWhen() {
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);

        model.status(new OutboxWorker.Status(OutboxWorker.Phase.WAITING, 3, 0, null, RECEIVED.plus(Duration.ofMinutes(2)),
                Exchange.Trouble.UNREACHABLE, null, null, "ConnectException"));

        assertThat(model.phaseProperty().get()).contains("จะลองใหม่เอง").contains("26 พ.ย. พ.ศ. 2569 10:02");
        assertThat(model.troubleProperty().get()).startsWith("ติดต่อเซิร์ฟเวอร์ไม่ได้").contains("ไม่ต้องทำอะไร");
        assertThat(model.statusLineProperty().get()).startsWith("ออฟไลน์ รอเชื่อมต่อ");
    }

    @Test
    void aCaptivePortalIsExplainedInEnglishWithWhatToDo() {
        SyncViewModel model = model(Locale.ENGLISH);
        model.connect(control);

        model.status(new OutboxWorker.Status(OutboxWorker.Phase.WAITING, 3, 0, null, RECEIVED, Exchange.Trouble.NOT_THE_SERVER,
                null, null, "text/html"));

        assertThat(model.troubleProperty().get()).contains("Wi-Fi sign-in page").contains("open a web browser");
    }

    @Test
    void anAuthFailureStopsSendingAndAsksToEnrolAgain() {
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);
        assertThat(model.needsEnrolmentProperty().get()).isFalse();

        model.status(new OutboxWorker.Status(OutboxWorker.Phase.STOPPED, 3, 0, null, null, null, Exchange.Action.ENROL_AGAIN,
                Problem.of(ProblemCode.UNAUTHENTICATED, "token"), "UNAUTHENTICATED"));

        assertThat(model.phaseProperty().get()).isEqualTo("หยุดส่งแล้ว ต้องแก้ไขก่อน");
        assertThat(model.troubleProperty().get()).contains("การส่งหยุดแล้ว").contains("ขอรหัสลงทะเบียนใหม่");
        assertThat(model.needsEnrolmentProperty().get()).isTrue();
        assertThat(model.statusLineProperty().get()).startsWith("หยุดส่ง ต้องแก้ไข");
    }

    @Test
    void aPullRefusedForTheDevicesTokenAlsoAsksToEnrolAgain() {
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);
        model.status(worker(OutboxWorker.Phase.IDLE));

        model.pulled(new Puller.Result.Refused(Exchange.Action.ENROL_AGAIN, Problem.of(ProblemCode.DEVICE_REVOKED, "revoked")));

        assertThat(model.troubleProperty().get()).contains("ขอรหัสลงทะเบียนใหม่");
        assertThat(model.needsEnrolmentProperty().get()).isTrue();

        model.pulled(new Puller.Result.Pulled(0, false));

        assertThat(model.troubleProperty().get()).isEmpty();
    }

    @Test
    void refusedItemsAreCountedWithWhatToDo() {
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);

        model.status(new OutboxWorker.Status(OutboxWorker.Phase.IDLE, 0, 2, null, null, null, null, null, null));

        assertThat(model.troubleProperty().get()).startsWith("เซิร์ฟเวอร์ไม่รับ 2 รายการ").contains("รับรองใหม่");
    }

    @Test
    void sendNowPauseAndResumeAreAskedOfTheBackgroundSync() {
        SyncViewModel model = model(Messages.THAI);
        model.connect(control);

        model.sendNow();
        model.pauseOrResume();
        model.status(worker(OutboxWorker.Phase.PAUSED));
        model.pauseOrResume();

        assertThat(control.calls).containsExactly("sendNow", "pause", "sendNow");
        assertThat(model.pausedProperty().get()).isTrue();
        assertThat(model.phaseProperty().get()).startsWith("หยุดส่งชั่วคราว");
    }

    @Test
    void theLogIsExportedAsOneZipOfTheLogFiles() throws Exception {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.writeString(logs.resolve("infodesk.0.log"), "sending waits PT5S: UNREACHABLE\n");
        Files.writeString(logs.resolve("infodesk.1.log"), "InfoDesk started\n");
        Files.writeString(logs.resolve("infodesk.0.log.lck"), "");
        SyncViewModel model = model(Messages.THAI);
        Path target = folder.resolve("for-it.zip");

        model.exportLog(target);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(target))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("infodesk.0.log", "infodesk.1.log");
        assertThat(model.exportedProperty().get()).contains(target.toString()).contains("2 ไฟล์");
    }

    @Test
    void aLogExportThatCannotBeWrittenSaysToChooseAnotherFolder() {
        SyncViewModel model = model(Messages.THAI);

        model.exportLog(folder.resolve("no-such-folder").resolve("log.zip"));

        assertThat(model.exportedProperty().get()).contains("กรุณาเลือกโฟลเดอร์อื่น");
    }

    @Test
    void anOutboxThatCannotBeReadSaysWhatToDo() {
        SyncViewModel model = new SyncViewModel(new ListedOutbox() {
            @Override
            public List<OutboxEntry> entries(int max) throws StoreException {
                throw new StoreException(StoreException.Problem.IO, null, "disk");
            }
        }, Messages.thai(), BANGKOK, id -> id, folder, Runnable::run, Runnable::run);

        model.connect(control);

        assertThat(model.troubleProperty().get()).startsWith("อ่านหรือเขียนข้อมูลไม่สำเร็จ");
    }
}
