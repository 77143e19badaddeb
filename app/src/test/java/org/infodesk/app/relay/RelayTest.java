package org.infodesk.app.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.infodesk.protocol.fixtures.Zips.entriesOf;
import static org.infodesk.protocol.fixtures.Zips.put;
import static org.infodesk.protocol.fixtures.Zips.replaceAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipOutputStream;
import org.infodesk.app.certify.CertificationFixture;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteRelayRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.bundle.BundleException;
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
 * The relay on real stores (issue 8, acceptance 1): an LAO's certified domains to a bundle, a
 * district office's import (each hostile file refused with its reason and nothing of it kept, the
 * others imported), its receipts back to the LAO, checked against the pinned server key.
 */
class RelayTest {

    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION));
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);
    static final String LAO = CertificationFixture.INFRASTRUCTURE.lao();
    static final String DISTRICT = LAO.substring(1, 5);
    static final KeyPair SERVER = Ed25519Keys.generate();

    @TempDir
    Path laoData;
    @TempDir
    Path districtData;
    @TempDir
    Path stick;

    CertificationFixture lao;
    SqliteOutboxRepository laoOutbox;
    LaoRelay laoRelay;
    Store district;
    SqliteRelayRepository carried;
    DistrictRelay districtRelay;

    @BeforeEach
    void open() throws Exception {
        lao = new CertificationFixture(laoData);
        laoOutbox = new SqliteOutboxRepository(lao.store);
        laoRelay = new LaoRelay(laoOutbox, BUNDLES, CODEC, lao.clock);
        district = StoreFixture.open(districtData);
        carried = new SqliteRelayRepository(district);
        districtRelay = new DistrictRelay(carried, BUNDLES, CODEC, DISTRICT, district.clock());
    }

    @AfterEach
    void close() {
        lao.close();
        district.close();
    }

    /** Certifies every domain of the sample that certifies, as the LAO's certifier; returns their ids. */
    List<String> certifyAll(String laoCode) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Domain domain : StoreFixture.DEFINITION.domains()) {
            DomainKey key = new DomainKey(laoCode, 2564, domain.id());
            lao.enterSample(key);
            if (lao.service.certify(key, "malee", CertificationFixture.PASSWORD, Answers.empty())
                    instanceof CertificationService.Outcome.Certified done) {
                ids.add(done.snapshot().submissionId());
            }
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }

    Path exported(String name) throws Exception {
        Path file = stick.resolve(name);
        LaoRelay.Exported exported = laoRelay.export(file, LAO, lao.keys.publicKey(), lao.keys.keyId(), null);
        assertThat(exported.file()).isEqualTo(file);
        return file;
    }

    @Test
    void anLaosWaitingSubmissionsGoToTheDistrictAndTheirReceiptsComeBack() throws Exception {
        List<String> ids = certifyAll(LAO);
        Path bundle = exported(laoRelay.suggestedName(LAO));
        assertThat(bundle.getFileName().toString()).startsWith("infodesk-" + LAO + "-").endsWith(".zip");

        List<DistrictRelay.FileOutcome> outcomes = districtRelay.importFiles(List.of(bundle, bundle));
        assertThat(outcomes.get(0)).isEqualTo(new DistrictRelay.FileOutcome.Imported(bundle, LAO, ids.size(), 0));
        assertThat(outcomes.get(1)).isEqualTo(new DistrictRelay.FileOutcome.Imported(bundle, LAO, 0, ids.size()));
        assertThat(carried.byLao()).containsExactly(new RelayRepository.LaoCount(LAO, ids.size(), 0, 0));
        List<Outgoing> queued = carried.queued(100);
        assertThat(queued).extracting(Outgoing::submissionId).containsExactlyElementsOf(ids);
        assertThat(queued).allSatisfy(o -> assertThat(o.keyId()).isEqualTo(lao.keys.keyId()));

        // The server's receipts, as a push would have brought them.
        for (Outgoing o : queued) {
            carried.markDelivered(o.submissionId(), WireCodec.write(receipt(o.submissionId(), o.digest(), SERVER)));
        }
        List<Path> receipts = districtRelay.exportReceipts(stick);
        assertThat(receipts).containsExactly(stick.resolve("receipts-" + LAO + ".zip"));

        LaoRelay.ReceiptsImported first = laoRelay.importReceipts(receipts.get(0), LAO, SERVER.getPublic());
        assertThat(first).isEqualTo(new LaoRelay.ReceiptsImported(ids.size(), 0));
        assertThat(laoOutbox.undelivered()).isEmpty();
        assertThat(laoRelay.importReceipts(receipts.get(0), LAO, SERVER.getPublic()))
                .isEqualTo(new LaoRelay.ReceiptsImported(0, ids.size()));
        // Nothing waits now: no file is written.
        assertThat(laoRelay.export(stick.resolve("empty.zip"), LAO, lao.keys.publicKey(), lao.keys.keyId(), null))
                .isEqualTo(new LaoRelay.Exported(null, 0));
        assertThat(stick.resolve("empty.zip")).doesNotExist();
    }

    @Test
    void chosenSubmissionsOnlyAreExported() throws Exception {
        List<String> ids = certifyAll(LAO);
        Path file = stick.resolve("one.zip");
        assertThat(laoRelay.export(file, LAO, lao.keys.publicKey(), lao.keys.keyId(), java.util.Set.of(ids.get(1))).submissions())
                .isEqualTo(1);
        assertThat(BUNDLES.readSubmissions(file, CODEC).envelopes()).extracting(c -> c.envelope().payload().submissionId().toString())
                .containsExactly(ids.get(1));
    }

    @Test
    void eachHostileFileIsRefusedWithItsReasonNothingOfItIsKeptAndTheOthersAreImported() throws Exception {
        List<String> ids = certifyAll(LAO);
        Path good = exported("a-good.zip");
        Map<String, byte[]> entries = entriesOf(good);
        String first = "envelopes/" + ids.get(0) + ".json";
        String second = "envelopes/" + ids.get(1) + ".json";

        Map<String, byte[]> slip = new LinkedHashMap<>(entries);
        slip.put("envelopes/../../../Startup/evil.json", "x".getBytes(StandardCharsets.UTF_8));
        Path zipSlip = zip("b-slip.zip", slip);

        Path countBomb = stick.resolve("c-count.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(countBomb))) {
            put(zip, "manifest.json", entries.get("manifest.json"));
            for (int i = 0; i < 20_000; i++) {
                put(zip, "envelopes/" + new UUID(0, i) + ".json", new byte[0]);
            }
        }

        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        bomb.put(second, new byte[50 << 20]);
        Path sizeBomb = zip("d-size.zip", bomb);
        assertThat(Files.size(sizeBomb)).isLessThan(1 << 20);

        Map<String, byte[]> bigManifest = new LinkedHashMap<>();
        byte[] manifest = Arrays.copyOf(entries.get("manifest.json"), 1 << 20);
        Arrays.fill(manifest, entries.get("manifest.json").length, manifest.length, (byte) ' ');
        bigManifest.put("manifest.json", manifest);
        Path oversizedManifest = zip("e-manifest.zip", bigManifest);

        Map<String, byte[]> twice = new LinkedHashMap<>(entries);
        String stand = "envelopes/" + new UUID(0, 7) + ".json";
        twice.put(stand, entries.get(first));
        Path duplicate = zip("f-duplicate.zip", twice);
        byte[] bytes = Files.readAllBytes(duplicate);
        replaceAll(bytes, stand.getBytes(StandardCharsets.US_ASCII), first.getBytes(StandardCharsets.US_ASCII));
        Files.write(duplicate, bytes);

        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(second, new String(entries.get(second), StandardCharsets.UTF_8)
                .replace("\"revision\":1", "\"revision\":2").getBytes(StandardCharsets.UTF_8));
        Path digestMismatch = zip("g-changed.zip", changed);

        // A bundle of an LAO of another district, as sound as the good one.
        Store other = StoreFixture.open(districtData.resolve("elsewhere"));
        Path outside = stick.resolve("h-outside.zip");
        try (other) {
            SqliteRelayRepository elsewhere = new SqliteRelayRepository(other);
            DistrictRelay otherDistrict = new DistrictRelay(elsewhere, BUNDLES, CODEC, "6501", other.clock());
            Files.copy(good, outside);
            assertThat(otherDistrict.importFiles(List.of(outside)).get(0))
                    .isInstanceOf(DistrictRelay.FileOutcome.Refused.class);
            assertThat(elsewhere.byLao()).isEmpty();
        }

        List<DistrictRelay.FileOutcome> outcomes = districtRelay.importFolder(stick);
        assertThat(outcomes).extracting(o -> o.file().getFileName().toString()).containsExactly("a-good.zip", "b-slip.zip",
                "c-count.zip", "d-size.zip", "e-manifest.zip", "f-duplicate.zip", "g-changed.zip", "h-outside.zip");
        assertThat(outcomes.get(0)).isInstanceOf(DistrictRelay.FileOutcome.Imported.class);
        refused(outcomes.get(1), BundleProblem.Code.UNSAFE_ENTRY_NAME, "evil.json");
        refused(outcomes.get(2), BundleProblem.Code.TOO_MANY_ENTRIES, "1001");
        refused(outcomes.get(3), BundleProblem.Code.ENTRY_TOO_LARGE, second);
        refused(outcomes.get(4), BundleProblem.Code.MANIFEST_TOO_LARGE, "262144");
        refused(outcomes.get(5), BundleProblem.Code.DUPLICATE_ENTRY, first);
        refused(outcomes.get(6), BundleProblem.Code.ENTRY_DIGEST_MISMATCH, second);
        // The good file was imported first; the same LAO's file is no different in another district's folder.
        assertThat(outcomes.get(7)).isEqualTo(new DistrictRelay.FileOutcome.Imported(outside, LAO, 0, ids.size()));
        // Only the good file's envelopes are kept.
        assertThat(carried.byLao()).containsExactly(new RelayRepository.LaoCount(LAO, ids.size(), 0, 0));
    }

    @Test
    void aFolderListsOnlyItsZipFilesAndEachFileIsToldAsSoonAsItIsImported() throws Exception {
        List<String> ids = certifyAll(LAO);
        exported("a.zip");
        Files.writeString(stick.resolve("b.zip"), "not a zip at all");
        Files.writeString(stick.resolve("notes.txt"), "left beside the bundles");
        Files.createDirectories(stick.resolve("old.zip"));

        List<Path> files = DistrictRelay.bundleFiles(stick);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a.zip", "b.zip");
        List<DistrictRelay.FileOutcome> told = new ArrayList<>();
        List<DistrictRelay.FileOutcome> outcomes = districtRelay.importFiles(files, told::add);

        assertThat(told).isEqualTo(outcomes);
        assertThat(outcomes.get(0)).isEqualTo(new DistrictRelay.FileOutcome.Imported(files.get(0), LAO, ids.size(), 0));
        assertThat(outcomes.get(1)).isInstanceOf(DistrictRelay.FileOutcome.Refused.class);
        assertThat(((DistrictRelay.FileOutcome.Refused) outcomes.get(1)).problem().code()).isEqualTo(BundleProblem.Code.NOT_A_ZIP);
    }

    @Test
    void aBundleOfAnLaoOutsideTheDistrictIsRefusedAndNothingIsKept() throws Exception {
        certifyAll(LAO);
        Path bundle = exported("outside.zip");
        DistrictRelay otherDistrict = new DistrictRelay(carried, BUNDLES, CODEC, "6501", district.clock());
        DistrictRelay.FileOutcome outcome = otherDistrict.importFiles(List.of(bundle)).get(0);
        refused(outcome, BundleProblem.Code.OUTSIDE_DISTRICT, LAO);
        assertThat(((DistrictRelay.FileOutcome.Refused) outcome).problem().message(Locale.forLanguageTag("th")))
                .contains("outside.zip").contains("ไม่อยู่ในอำเภอนี้");
        assertThat(carried.byLao()).isEmpty();
        assertThat(carried.undelivered()).isEmpty();
    }

    @Test
    void receiptsThatDoNotVerifyWithThePinnedKeyOrNameNoItemHereMarkNothing() throws Exception {
        List<String> ids = certifyAll(LAO);
        List<Outgoing> waiting = laoOutbox.queued(100);
        KeyPair impostor = Ed25519Keys.generate();
        Path forged = receiptsFile("forged.zip", LAO, waiting, impostor);
        assertThatThrownBy(() -> laoRelay.importReceipts(forged, LAO, SERVER.getPublic())).isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).code()).isEqualTo(BundleProblem.Code.BAD_RECEIPT));
        Path otherLao = receiptsFile("other-lao.zip", "6650801", waiting, SERVER);
        assertThatThrownBy(() -> laoRelay.importReceipts(otherLao, LAO, SERVER.getPublic())).isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).code()).isEqualTo(BundleProblem.Code.WRONG_LAO));
        // One good receipt and one of an item this PC does not have: the whole file is refused.
        List<Bundles.Item> items = List.of(
                new Bundles.Item(UUID.fromString(ids.get(0)), WireCodec.write(receipt(ids.get(0), waiting.get(0).digest(), SERVER))),
                new Bundles.Item(new UUID(0x017c2516abd27bb8L, 0xbd982e5f76e5dc0fL),
                        WireCodec.write(receipt("017c2516-abd2-7bb8-bd98-2e5f76e5dc0f", waiting.get(0).digest(), SERVER))));
        Path stranger = stick.resolve("stranger.zip");
        BUNDLES.writeReceipts(stranger, LAO, Instant.now(), items);
        assertThatThrownBy(() -> laoRelay.importReceipts(stranger, LAO, SERVER.getPublic())).isInstanceOf(BundleException.class)
                .satisfies(e -> assertThat(((BundleException) e).describe(Locale.ENGLISH)).contains("stranger.zip"));
        assertThat(laoOutbox.undelivered()).extracting(OutboxItem::submissionId).containsExactlyElementsOf(ids);
    }

    // ---------------------------------------------------------------- helpers

    static Receipt receipt(String submissionId, String digest, KeyPair server) {
        return Receipt.sign(UUID.fromString(submissionId), digest, Instant.parse("2021-06-01T02:00:00.250Z"), Outcome.ACCEPTED,
                server.getPrivate(), Ed25519Keys.keyId(server.getPublic()));
    }

    Path receiptsFile(String name, String laoCode, List<Outgoing> items, KeyPair server) throws IOException {
        List<Bundles.Item> out = new ArrayList<>();
        for (Outgoing o : items) {
            out.add(new Bundles.Item(UUID.fromString(o.submissionId()), WireCodec.write(receipt(o.submissionId(), o.digest(), server))));
        }
        Path file = stick.resolve(name);
        BUNDLES.writeReceipts(file, laoCode, Instant.now(), out);
        return file;
    }

    static void refused(DistrictRelay.FileOutcome outcome, BundleProblem.Code code, String inDetail) {
        assertThat(outcome).isInstanceOf(DistrictRelay.FileOutcome.Refused.class);
        BundleProblem problem = ((DistrictRelay.FileOutcome.Refused) outcome).problem();
        assertThat(problem.code()).as(problem.toString()).isEqualTo(code);
        assertThat(problem.detail()).contains(inDetail);
        String file = outcome.file().getFileName().toString();
        assertThat(problem.message(Locale.ENGLISH)).contains(file);
        assertThat(problem.message(Locale.forLanguageTag("th"))).contains(file);
    }


    Path zip(String name, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        Path file = stick.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }


}
