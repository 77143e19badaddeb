package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.infodesk.app.certify.Certification;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undelivered work exported from one store re-imports into another with the same values. */
class UndeliveredTransferTest {

    private static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");
    private static final DomainKey CULTURE = new DomainKey("5650801", 2564, "society_religion_culture");
    private static final DomainKey WATER = new DomainKey("5650801", 2564, "water_management");

    @TempDir
    Path a;
    @TempDir
    Path b;
    @TempDir
    Path files;

    @Test
    void exportedDraftsAndCertifiedButUndeliveredRevisionsReimportToTheSameValues() throws Exception {
        Path file = files.resolve("undelivered.json.gz");
        Map<String, Object> roads;
        Map<String, Object> culture;
        var snapshot = (org.infodesk.app.certify.CertifiedSnapshot) null;
        try (Store store = StoreFixture.open(a)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            SqliteCertificationRepository certs = new SqliteCertificationRepository(store, answers);
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
            answers.save(new Edit(ROADS, "road_km_total", new BigDecimal("42.36"), "somchai"));
            answers.save(new Edit(CULTURE, "traditions", List.of(Map.of("tradition_name", "ลอยกระทง", "tradition_month", "11")), "somchai"));
            snapshot = certs.certify(new Certification(ROADS, 1, "0190a1b2-0000-7000-8000-00000000000a",
                    "{\"payload\":1}".getBytes(StandardCharsets.UTF_8), "d1", new byte[] {9, 9}, "นายสมชาย", "ปลัด",
                    Instant.parse("2021-06-10T03:00:00Z")));
            certs.amend(ROADS, "somchai");
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("60"), "somchai"));
            answers.save(new Edit(WATER, "village_water_systems", new BigDecimal("9"), "somchai"));
            String delivered = certs.certify(new Certification(WATER, 1, "0190a1b2-0000-7000-8000-00000000000b",
                    new byte[] {1}, "d2", new byte[] {1}, "x", "y", Instant.now())).submissionId();
            new SqliteOutboxRepository(store).markDelivered(delivered, new byte[] {7});
            roads = answers.current(ROADS).values();
            culture = answers.current(CULTURE).values();

            assertThat(UndeliveredTransfer.export(store, file)).isEqualTo(3); // roads r1 (queued), r2 (draft), culture
        }

        try (Store store = StoreFixture.open(b)) {
            UndeliveredTransfer.Result result = UndeliveredTransfer.importFile(store, file);
            UndeliveredTransfer.Result again = UndeliveredTransfer.importFile(store, file);

            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            assertThat(result).isEqualTo(new UndeliveredTransfer.Result(3, 0));
            assertThat(again).isEqualTo(new UndeliveredTransfer.Result(0, 3));
            assertThat(answers.current(ROADS).values()).isEqualTo(roads);
            assertThat(answers.current(ROADS).revision()).isEqualTo(2);
            assertThat(answers.current(CULTURE).values()).isEqualTo(culture);
            assertThat(new SqliteCertificationRepository(store, answers).snapshots(ROADS)).containsExactly(snapshot);
            assertThat(new SqliteOutboxRepository(store).undelivered()).extracting(o -> o.submissionId())
                    .containsExactly(snapshot.submissionId());
            assertThat(answers.current(WATER).revision()).isEqualTo(1);
            assertThat(answers.current(WATER).values()).isEmpty(); // delivered: not carried
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedAndNothingIsImported() throws Exception {
        Path file = files.resolve("other.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"format\": \"something-else\", \"revisions\": []}".getBytes(StandardCharsets.UTF_8));
        }
        Path notGzip = Files.writeString(files.resolve("plain.txt"), "hello");
        try (Store store = StoreFixture.open(b)) {
            assertThat(catchThrowableOfType(StoreException.class, () -> UndeliveredTransfer.importFile(store, file)).problem())
                    .isEqualTo(StoreException.Problem.BAD_FILE);
            assertThat(catchThrowableOfType(StoreException.class, () -> UndeliveredTransfer.importFile(store, notGzip)).problem())
                    .isEqualTo(StoreException.Problem.BAD_FILE);
        }
    }
}
