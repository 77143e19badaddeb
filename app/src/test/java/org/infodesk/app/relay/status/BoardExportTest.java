package org.infodesk.app.relay.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.StatusRepository.Carried;
import org.infodesk.app.relay.status.StatusRepository.Delivery;
import org.infodesk.app.relay.status.StatusRepository.ServerState;
import org.infodesk.app.relay.status.StatusRepository.ServerStatus;
import org.infodesk.protocol.definition.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board written as CSV and xlsx, read back: the screen's columns and words, Thai intact, quoting as RFC 4180. */
class BoardExportTest {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final Instant RECEIVED = Instant.parse("2021-06-01T02:00:00Z");
    /** A name with a comma, quotes and a line break: what CSV must quote. */
    static final Text AWKWARD = new Text("อบต.แก่งโสภา, \"ทดสอบ\"\nบรรทัดสอง", "Kaeng Sopha, \"test\"");

    @TempDir
    Path folder;

    static Board sample() {
        return StatusBoard.merge(2564, Carrying.FY2564.domains(),
                List.of(new ServerStatus("6650805", 2564, "infrastructure", 1, ServerState.ACCEPTED, RECEIVED),
                        new ServerStatus("5650801", 2564, "health_environment", 2, ServerState.RETURNED, RECEIVED)),
                List.of(new Carried("6650805", 2564, "water_management", 1, Delivery.REFUSED, RECEIVED),
                        new Carried("6650805", 2564, "public_health", 3, Delivery.WAITING, RECEIVED)),
                Optional.of(Instant.parse("2021-06-01T03:00:00Z")), code -> code.equals("6650805") ? AWKWARD : null,
                Instant.parse("2021-06-01T03:10:00Z"));
    }

    @Test
    void theCsvHasABomAndReadsBackWithThaiHeadersAndCellsAndTheAwkwardNameQuoted() throws Exception {
        Board board = sample();
        BoardExport export = new BoardExport(new BoardText(Messages.thai(), BANGKOK));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.csv(board, out);
        byte[] bytes = out.toByteArray();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"อบต.แก่งโสภา, \"\"ทดสอบ\"\"\nบรรทัดสอง\"").contains("\r\n");
        List<CSVRecord> records = read(bytes);
        assertThat(records.get(0).get(0)).startsWith("สถานะการส่งข้อมูลของ อปท. ในอำเภอ ปีงบประมาณ 2564")
                .contains("ตามเซิร์ฟเวอร์ ดึงข้อมูลล่าสุดเมื่อ 1 มิ.ย. พ.ศ. 2564 10:00");
        assertThat(records.get(1).toList()).hasSize(11).startsWith("รหัส อปท.", "ชื่อ อปท.")
                .contains("ด้านโครงสร้างพื้นฐาน", "ด้านบริหารจัดการน้ำ").endsWith("ส่งแล้ว (จาก 8 ด้าน)");
        List<String> headers = records.get(1).toList();
        CSVRecord kaengSopha = records.stream().filter(r -> r.get(0).equals("6650805")).findFirst().orElseThrow();
        assertThat(kaengSopha.get(1)).isEqualTo(AWKWARD.th());
        assertThat(kaengSopha.get(headers.indexOf("ด้านโครงสร้างพื้นฐาน")))
                .isEqualTo("ตรวจรับแล้ว (ฉบับที่ 1 · 1 มิ.ย. 2564 09:00)");
        assertThat(kaengSopha.get(headers.indexOf("ด้านบริหารจัดการน้ำ"))).startsWith("เซิร์ฟเวอร์ไม่รับ (ฉบับที่ 1");
        assertThat(kaengSopha.get(headers.indexOf("ด้านสาธารณสุข"))).startsWith("นำมาแล้ว ยังไม่ส่ง (ฉบับที่ 3");
        assertThat(kaengSopha.get(headers.indexOf("ด้านเศรษฐกิจและท่องเที่ยว"))).isEqualTo("ยังไม่มี");
        assertThat(kaengSopha.get(10)).isEqualTo("1/8");
        CSVRecord wangThong = records.stream().filter(r -> r.get(0).equals("5650801")).findFirst().orElseThrow();
        assertThat(wangThong.get(1)).isEmpty();
        assertThat(wangThong.get(headers.indexOf("ด้านสาธารณสุขและสิ่งแวดล้อม"))).startsWith("ส่งกลับแก้ไข (ฉบับที่ 2");
        assertThat(wangThong.get(10)).isEqualTo("0/8");
    }

    @Test
    void theXlsxReadsBackWithThePoiReaderWithTheSameHeadersAndCellsInEnglishForAnEnglishUser() throws Exception {
        Board board = sample();
        BoardText english = new BoardText(Messages.of(Locale.ENGLISH), BANGKOK);
        Path file = folder.resolve("status.xlsx");
        new BoardExport(english).write(board, BoardExport.Format.XLSX, file);

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Status 2564");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("The district’s LAOs, fiscal year 2564")
                    .contains("From the server, pulled at 1 Jun 2564 B.E. 10:00");
            List<String> headers = texts(sheet.getRow(1));
            assertThat(headers).isEqualTo(english.headers(board));
            assertThat(headers).startsWith("LAO code", "LAO name").contains("Infrastructure").endsWith("Sent (of 8)");
            List<String> kaengSopha = texts(sheet.getRow(3));
            assertThat(kaengSopha).isEqualTo(english.row(board, board.rows().get(1)));
            assertThat(kaengSopha.get(0)).isEqualTo("6650805");
            assertThat(kaengSopha.get(1)).isEqualTo(AWKWARD.en());
            assertThat(kaengSopha.get(headers.indexOf("Infrastructure"))).isEqualTo("Accepted (revision 1 · 1 Jun 2564 B.E. 09:00)");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }

        // the same workbook in Thai for a Thai user: Thai headers, Thai intact
        Path thai = folder.resolve("สถานะ.xlsx");
        new BoardExport(new BoardText(Messages.thai(), BANGKOK)).write(board, BoardExport.Format.XLSX, thai);
        try (InputStream in = Files.newInputStream(thai); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(texts(workbook.getSheetAt(0).getRow(1))).contains("ด้านการจัดการภายในและธรรมาภิบาล");
            assertThat(texts(workbook.getSheetAt(0).getRow(3)).get(1)).isEqualTo(AWKWARD.th());
        }
    }

    @Test
    void aFailedExportLeavesTheFileThatWasThere() throws Exception {
        Path file = folder.resolve("status.csv");
        Files.writeString(file, "before");
        Board board = sample();
        BoardExport export = new BoardExport(new BoardText(Messages.thai(), BANGKOK));
        Path missingFolder = folder.resolve("gone").resolve("status.csv");

        assertThatThrownBy(() -> export.write(board, BoardExport.Format.CSV, missingFolder)).isInstanceOf(IOException.class);
        export.write(board, BoardExport.Format.CSV, file);
        assertThat(read(Files.readAllBytes(file)).get(2).get(0)).isEqualTo("5650801");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(BoardExport.Format.of(Path.of("a.XLSX"))).contains(BoardExport.Format.XLSX);
        assertThat(BoardExport.Format.of(Path.of("a.txt"))).isEmpty();
    }

    static List<CSVRecord> read(byte[] bytes) throws IOException {
        InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.parse(reader).getRecords();
    }

    static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            out.add(formatter.formatCellValue(row.getCell(i)));
        }
        return out;
    }
}
