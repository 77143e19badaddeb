package org.infodesk.protocol.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.infodesk.protocol.fixtures.Zips.put;
import static org.infodesk.protocol.fixtures.Zips.replaceAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.infodesk.protocol.fixtures.ReceiptVectors;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5: a bundle written is read back whole; each hostile kind of file is refused with its problem, naming the file. */
class BundlesTest {

    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(Questionnaire.fy2564().definition()));
    static final String LAO = "5650801";
    static final Instant NOW = Instant.parse("2021-09-30T03:00:00.125Z");
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);

    @TempDir
    Path dir;

    static List<Bundles.Item> vectors() {
        List<Bundles.Item> items = new ArrayList<>();
        for (SubmissionVectors.EnvelopeCase c : SubmissionVectors.envelopeCases()) {
            items.add(new Bundles.Item(idOf(c), c.envelope()));
        }
        return items;
    }

    static UUID idOf(SubmissionVectors.EnvelopeCase c) {
        String text = new String(c.canonicalPayload(), StandardCharsets.UTF_8);
        int at = text.indexOf("\"submission_id\":\"") + 17;
        return UUID.fromString(text.substring(at, at + 36));
    }

    Path written() throws IOException {
        Path file = dir.resolve("lao-5650801.zip");
        BUNDLES.writeSubmissions(file, LAO, SubmissionVectors.testKey().jdkPublicKey(), NOW, vectors());
        return file;
    }

    @Test
    void aBundleOfSubmissionsIsReadBackWithEveryEnvelopeVerified() throws Exception {
        Bundles.Submissions read = BUNDLES.readSubmissions(written(), CODEC);
        assertThat(read.manifest().laoCode()).isEqualTo(LAO);
        assertThat(read.manifest().createdAt()).isEqualTo(NOW);
        assertThat(read.envelopes()).hasSize(3);
        assertThat(read.envelopes().get(0).bytes()).isEqualTo(SubmissionVectors.envelopeCases().get(0).envelope());
        assertThat(Ed25519Keys.keyId(read.deviceKey())).isEqualTo(SubmissionVectors.testKey().keyId());
        assertThat(dir.resolve("lao-5650801.zip.part")).doesNotExist();
    }

    @Test
    void aBundleOfReceiptsIsReadBack() throws Exception {
        Path file = dir.resolve("receipts.zip");
        List<Bundles.Item> items = new ArrayList<>();
        for (ReceiptVectors.ReceiptCase c : ReceiptVectors.receiptCases()) {
            items.add(new Bundles.Item(c.submissionId(), c.receipt()));
        }
        BUNDLES.writeReceipts(file, LAO, NOW, items);
        Bundles.Receipts read = BUNDLES.readReceipts(file);
        assertThat(read.receipts()).hasSize(items.size());
        assertThat(read.receipts().get(0).verifies(SubmissionVectors.testKey().jdkPublicKey())).isTrue();
        assertThatThrownBy(() -> BUNDLES.readSubmissions(file, CODEC)).isInstanceOf(BundleException.class)
                .extracting(e -> ((BundleException) e).code()).isEqualTo(BundleProblem.Code.WRONG_KIND);
    }

    @Test
    void zipSlipIsRefused() throws Exception {
        Path file = zip("slip.zip", manifestOf(vectors()), "envelopes/../../../home/user/.bashrc", "x".getBytes());
        refused(file, BundleProblem.Code.UNSAFE_ENTRY_NAME, "envelopes/../../../home/user/.bashrc");
        refused(zip("abs.zip", manifestOf(vectors()), "/etc/passwd", "x".getBytes()), BundleProblem.Code.UNSAFE_ENTRY_NAME, "/etc/passwd");
        refused(zip("win.zip", manifestOf(vectors()), "..\\..\\evil.exe", "x".getBytes()), BundleProblem.Code.UNSAFE_ENTRY_NAME, "evil.exe");
        refused(zip("other.zip", manifestOf(vectors()), "scripts/run.sh", "x".getBytes()), BundleProblem.Code.UNEXPECTED_ENTRY, "scripts/run.sh");
    }

    @Test
    void aZipBombByCountIsRefusedOnceTheLimitIsPassed() throws Exception {
        Path file = dir.resolve("count.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "manifest.json", manifestOf(List.of()));
            for (int i = 0; i < 5000; i++) {
                put(zip, "envelopes/" + new UUID(0, i) + ".json", new byte[0]);
            }
        }
        refused(file, BundleProblem.Code.TOO_MANY_ENTRIES, "1001");
    }

    @Test
    void aZipBombByExpandedSizeIsRefusedWhileReading() throws Exception {
        // 200 MiB of zeros deflate to about 200 KiB; the header's size is not what is checked.
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "manifest.json", manifestOf(List.of()));
            zip.putNextEntry(new ZipEntry("envelopes/" + new UUID(0, 1) + ".json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(file)).isLessThan(1 << 20);
        refused(file, BundleProblem.Code.ENTRY_TOO_LARGE, "1048576");
        // Many entries each under the entry limit, over the total one.
        Path total = dir.resolve("total.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(total))) {
            put(zip, "manifest.json", manifestOf(List.of()));
            for (int i = 0; i < 40; i++) {
                put(zip, "envelopes/" + new UUID(0, i) + ".json", new byte[1 << 20]);
            }
        }
        refused(total, BundleProblem.Code.TOTAL_TOO_LARGE, "16777216");
    }

    @Test
    void aFileLargerAsStoredThanItsLimitIsRefusedWhileReading() throws Exception {
        Path file = written();
        assertThat(Files.size(file)).isGreaterThan(2000);
        Bundles small = new Bundles(new BundleLimits(2000, 1001, 1 << 20, 16L << 20, 256 << 10));
        assertThatThrownBy(() -> small.readSubmissions(file, CODEC)).isInstanceOfSatisfying(BundleException.class,
                e -> assertThat(e.code()).isEqualTo(BundleProblem.Code.FILE_TOO_LARGE));
    }

    @Test
    void anOversizedManifestIsRefused() throws Exception {
        byte[] manifest = new byte[300 * 1024];
        java.util.Arrays.fill(manifest, (byte) ' ');
        refused(zip("manifest.zip", manifest), BundleProblem.Code.MANIFEST_TOO_LARGE, "262144");
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        List<Bundles.Item> items = vectors();
        Bundles.Item first = items.get(0);
        // java.util.zip refuses to write a name twice: write the second under another name of the same length, then rename it.
        String name = "envelopes/" + first.submissionId() + ".json";
        String other = "envelopes/" + new UUID(0, 0) + ".json";
        Path file = zip("dup.zip", manifestOf(List.of(first)), name, first.bytes(), other, first.bytes());
        byte[] bytes = Files.readAllBytes(file);
        replaceAll(bytes, other.getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.US_ASCII));
        Files.write(file, bytes);
        refused(file, BundleProblem.Code.DUPLICATE_ENTRY, name);
    }

    @Test
    void anEntryWhoseBytesDoNotMatchTheManifestIsRefused() throws Exception {
        List<Bundles.Item> items = vectors();
        byte[] changed = new String(items.get(1).bytes(), StandardCharsets.UTF_8).replace("\"revision\":2", "\"revision\":3")
                .getBytes(StandardCharsets.UTF_8);
        Path file = zip("changed.zip", manifestOf(items), nameOf(items.get(0)), items.get(0).bytes(),
                nameOf(items.get(1)), changed, nameOf(items.get(2)), items.get(2).bytes());
        refused(file, BundleProblem.Code.ENTRY_DIGEST_MISMATCH, nameOf(items.get(1)));
    }

    @Test
    void anEnvelopeWhoseDigestDoesNotMatchItsPayloadIsRefusedEvenWithARewrittenManifest() throws Exception {
        // A relay that changes a value and writes the manifest anew: the envelope's own digest gives it away.
        List<Bundles.Item> items = new ArrayList<>(vectors());
        Bundles.Item second = items.get(1);
        String text = new String(second.bytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"revision\":2");
        items.set(1, new Bundles.Item(second.submissionId(), text.replace("\"revision\":2", "\"revision\":3").getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve("rewritten.zip");
        BUNDLES.writeSubmissions(file, LAO, SubmissionVectors.testKey().jdkPublicKey(), NOW, items);
        BundleException e = refused(file, BundleProblem.Code.BAD_ENVELOPE, "DIGEST_MISMATCH");
        assertThat(e.describe(Locale.ENGLISH)).contains(nameOf(second));
    }

    @Test
    void anEnvelopeSignedWithAnotherKeyThanTheManifestsIsRefused() throws Exception {
        Path file = dir.resolve("other-key.zip");
        BUNDLES.writeSubmissions(file, LAO, Ed25519Keys.generate().getPublic(), NOW, vectors());
        refused(file, BundleProblem.Code.KEY_MISMATCH, SubmissionVectors.testKey().keyId());
    }

    @Test
    void anEnvelopeOfAnotherLaoThanTheManifestsIsRefused() throws Exception {
        Path file = dir.resolve("mixed.zip");
        BUNDLES.writeSubmissions(file, "6650802", SubmissionVectors.testKey().jdkPublicKey(), NOW, vectors());
        refused(file, BundleProblem.Code.WRONG_LAO, "5650801");
    }

    @Test
    void aManifestMissingAnEntryOrAnEntryMissingFromTheManifestIsRefused() throws Exception {
        List<Bundles.Item> items = vectors();
        refused(zip("missing.zip", manifestOf(items), nameOf(items.get(0)), items.get(0).bytes()),
                BundleProblem.Code.MISSING_ENTRY, nameOf(items.get(1)));
        refused(zip("unlisted.zip", manifestOf(List.of(items.get(0))), nameOf(items.get(0)), items.get(0).bytes(),
                nameOf(items.get(1)), items.get(1).bytes()), BundleProblem.Code.UNLISTED_ENTRY, nameOf(items.get(1)));
    }

    @Test
    void notAZipAndNoManifestAreRefused() throws Exception {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        refused(text, BundleProblem.Code.NOT_A_ZIP, "");
        List<Bundles.Item> items = vectors();
        refused(zip("late.zip", nameOf(items.get(0)), items.get(0).bytes(), "manifest.json", manifestOf(items)),
                BundleProblem.Code.MISSING_MANIFEST, nameOf(items.get(0)));
        refused(zip("badjson.zip", "{\"format\":1,\"format\":1}".getBytes()), BundleProblem.Code.BAD_MANIFEST, "JSON");
        refused(zip("v2.zip", "{\"format\":2}".getBytes()), BundleProblem.Code.UNSUPPORTED_FORMAT, "2");
        refused(dir.resolve("absent.zip"), BundleProblem.Code.UNREADABLE, "");
    }

    @Test
    void everyRefusalHasAThaiAndAnEnglishMessageNamingTheFile() {
        for (BundleProblem.Code code : BundleProblem.Code.values()) {
            BundleProblem p = new BundleProblem(code, "lao-6650801.zip", "detail-x");
            assertThat(p.message(Locale.ENGLISH)).as(code.name()).contains("lao-6650801.zip").doesNotContain(code.name());
            assertThat(p.message(Locale.forLanguageTag("th"))).as(code.name()).contains("lao-6650801.zip")
                    .doesNotContain(code.name()).matches("(?s).*[\\u0E00-\\u0E7F].*");
        }
    }

    // ---------------------------------------------------------------- helpers

    static BundleException refused(Path file, BundleProblem.Code code, String inDetail) {
        BundleException e = null;
        try {
            BUNDLES.readSubmissions(file, CODEC);
        } catch (BundleException thrown) {
            e = thrown;
        }
        assertThat(e).as("refused " + file.getFileName()).isNotNull();
        assertThat(e.code()).as(e.toString()).isEqualTo(code);
        assertThat(e.problem().file()).isEqualTo(file.getFileName().toString());
        assertThat(e.problem().detail()).contains(inDetail);
        assertThat(e.describe(Locale.ENGLISH)).contains(file.getFileName().toString());
        return e;
    }

    static String nameOf(Bundles.Item item) {
        return BundleManifest.entryName(BundleManifest.Kind.SUBMISSIONS, item.submissionId());
    }

    static byte[] manifestOf(List<Bundles.Item> items) {
        List<BundleManifest.Entry> entries = new ArrayList<>();
        for (Bundles.Item item : items) {
            entries.add(new BundleManifest.Entry(nameOf(item), item.submissionId(), Bundles.sha256(item.bytes())));
        }
        return new BundleManifest(1, BundleManifest.Kind.SUBMISSIONS, LAO, NOW, SubmissionVectors.testKey().publicKey(), entries)
                .toJson();
    }

    /** A zip of the manifest (when the first argument is not a name) and name/bytes pairs, in order. */
    Path zip(String fileName, Object... parts) throws IOException {
        Path file = dir.resolve(fileName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            int i = 0;
            if (parts[0] instanceof byte[] manifest) {
                put(zip, "manifest.json", manifest);
                i = 1;
            }
            for (; i < parts.length; i += 2) {
                put(zip, (String) parts[i], (byte[]) parts[i + 1]);
            }
        }
        Files.write(file, out.toByteArray());
        return file;
    }


}
