package org.infodesk.app.relay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.BundleProblem;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAO's carry-by-USB screen's state and commands on a real store with certified domains: the
 * waiting submissions listed with their certification time in B.E., the chosen ones exported to a
 * bundle the district would import, receipts imported (or refused with the reason and what to do).
 * Slow work runs on the calling thread.
 */
class CarryViewModelTest {

    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION));
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);
    static final String LAO = CertificationFixture.INFRASTRUCTURE.lao();
    static final KeyPair SERVER = Ed25519Keys.generate();

    @TempDir
    Path data;
    @TempDir
    Path stick;

    CertificationFixture office;
    SqliteOutboxRepository outbox;
    Optional<java.security.PublicKey> pinned;
    CarryViewModel model;
    List<String> ids;

    @BeforeEach
    void open() throws Exception {
        office = new CertificationFixture(data);
        outbox = new SqliteOutboxRepository(office.store);
        pinned = Optional.of(SERVER.getPublic());
        ids = new ArrayList<>();
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(LAO, 2564, domain.id());
            office.enterSample(key);
            if (office.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                    instanceof CertificationService.Outcome.Certified done) {
                ids.add(done.snapshot().submissionId());
            }
        }
        model = model(Messages.thai());
        model.refresh();
    }

    CarryViewModel model(Messages m) {
        return new CarryViewModel(new LaoRelay(outbox, BUNDLES, CODEC, office.clock), outbox, LAO, () -> office.keys, () -> pinned, m,
                ZoneId.of("Asia/Bangkok"), id -> "ด้าน " + id, Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        office.close();
    }

    @Test
    void theWaitingSubmissionsAreListedInCertificationOrderWithTheirTimeInBuddhistEraAllChosen() {
        assertThat(ids).hasSize(8);
        assertThat(model.lines()).extracting(CarryViewModel.Line::submissionId).containsExactlyElementsOf(ids);
        assertThat(model.lines()).allSatisfy(l -> {
            assertThat(l.chosenProperty().get()).isTrue();
            assertThat(l.certified()).contains("2564");
            assertThat(l.revision()).isEqualTo(1);
        });
        assertThat(model.lines().get(0).domain()).startsWith("ด้าน ");
        assertThat(model.chosenTextProperty().get()).isEqualTo("เลือก 8 จาก 8 รายการที่รอส่ง");

        model.chooseAll(false);
        model.lines().get(2).chosenProperty().set(true);
        assertThat(model.chosenTextProperty().get()).isEqualTo("เลือก 1 จาก 8 รายการที่รอส่ง");
        assertThat(model.noneChosenProperty().get()).isFalse();
    }

    @Test
    void theChosenSubmissionsAreExportedToABundleTheDistrictReadsAndStillWaitHere() throws Exception {
        model.chooseAll(false);
        model.lines().get(1).chosenProperty().set(true);
        model.lines().get(4).chosenProperty().set(true);

        String name = model.suggestedNameProperty().get();
        model.exportTo(stick);

        Path file = stick.resolve(name);
        assertThat(file).exists();
        assertThat(BUNDLES.readSubmissions(file, CODEC).envelopes())
                .extracting(c -> c.envelope().payload().submissionId().toString())
                .containsExactly(ids.get(1), ids.get(4));
        assertThat(model.resultProperty().get()).startsWith("บันทึก 2 รายการลงไฟล์ " + file.getFileName());
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(outbox.undelivered()).hasSize(8);
        // read again after the export: still waiting, the choice kept
        assertThat(model.lines()).hasSize(8);
        assertThat(model.chosenTextProperty().get()).isEqualTo("เลือก 2 จาก 8 รายการที่รอส่ง");
    }

    @Test
    void exportingWithNothingChosenOrToAFolderThatCannotBeWrittenSaysWhatToDoAndWritesNothing() throws Exception {
        model.chooseAll(false);
        model.exportTo(stick);
        assertThat(model.problemProperty().get()).startsWith("ยังไม่ได้เลือกรายการ");

        model.chooseAll(true);
        Path notAFolder = Files.writeString(stick.resolve("a-file"), "x");
        model.exportTo(notAFolder);
        assertThat(model.problemProperty().get()).startsWith("บันทึกไฟล์ลง " + notAFolder.toAbsolutePath() + " ไม่ได้");
        assertThat(model.resultProperty().get()).isEmpty();
        try (var listing = Files.list(stick)) {
            assertThat(listing).containsExactly(notAFolder);
        }
    }

    @Test
    void aReceiptsBundleMarksItsSubmissionsDeliveredAndTheyLeaveTheList() throws Exception {
        List<Outgoing> waiting = outbox.queued(3);
        Path receipts = receipts(waiting, SERVER, LAO);

        model.importReceipts(receipts);

        assertThat(model.resultProperty().get()).isEqualTo("นำเข้าใบรับจาก " + receipts.getFileName()
                + " แล้ว: ส่งถึงแล้ว 3 รายการ (บันทึกว่าส่งถึงไว้ก่อนแล้ว 0 รายการ)");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.lines()).extracting(CarryViewModel.Line::submissionId).containsExactlyElementsOf(ids.subList(3, 8));
        assertThat(outbox.undelivered()).hasSize(5);
    }

    @Test
    void aReceiptsBundleSignedByAnotherKeyIsRefusedWithItsReasonAndWhatToDoInTheUsersLanguage() throws Exception {
        Path forged = receipts(outbox.queued(2), Ed25519Keys.generate(), LAO);
        CarryViewModel english = model(Messages.of(Locale.ENGLISH));
        english.refresh();

        english.importReceipts(forged);

        BundleProblem expected = new BundleProblem(BundleProblem.Code.BAD_RECEIPT, forged.getFileName().toString(), "");
        assertThat(english.problemProperty().get()).contains(forged.getFileName().toString())
                .startsWith(expected.message(Locale.ENGLISH).substring(0, 10))
                .contains("Nothing on this PC was changed");
        assertThat(english.resultProperty().get()).isEmpty();
        assertThat(outbox.undelivered()).hasSize(8);
        assertThat(english.lines()).hasSize(8);
    }

    @Test
    void receiptsCannotBeCheckedOnAPcNeverEnrolled() throws Exception {
        Path receipts = receipts(outbox.queued(1), SERVER, LAO);
        pinned = Optional.empty();

        model.importReceipts(receipts);

        assertThat(model.problemProperty().get()).startsWith("เครื่องนี้ยังไม่เคยลงทะเบียน");
        assertThat(outbox.undelivered()).hasSize(8);
    }

    Path receipts(List<Outgoing> items, KeyPair server, String lao) throws Exception {
        List<Bundles.Item> out = new ArrayList<>();
        for (Outgoing o : items) {
            Receipt receipt = Receipt.sign(UUID.fromString(o.submissionId()), o.digest(), Instant.parse("2021-06-01T02:00:00Z"),
                    Outcome.ACCEPTED, server.getPrivate(), Ed25519Keys.keyId(server.getPublic()));
            out.add(new Bundles.Item(UUID.fromString(o.submissionId()), WireCodec.write(receipt)));
        }
        Path file = stick.resolve("receipts-" + lao + ".zip");
        BUNDLES.writeReceipts(file, lao, Instant.parse("2021-06-01T03:00:00Z"), out);
        return file;
    }
}
