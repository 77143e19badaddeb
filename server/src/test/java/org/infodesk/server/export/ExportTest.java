package org.infodesk.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.infodesk.server.support.StatusScenario.FORMULA;
import static org.infodesk.server.support.StatusScenario.LAO;
import static org.infodesk.server.support.StatusScenario.NEIGHBOUR;
import static org.infodesk.server.support.StatusScenario.PROVINCE;
import static org.infodesk.server.support.StatusScenario.WANG_THONG;
import static org.infodesk.server.support.StatusScenario.YEAR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.server.status.Scope;
import org.infodesk.server.status.StatusException;
import org.infodesk.server.status.StatusReport;
import org.infodesk.server.status.StatusService;
import org.infodesk.server.support.OnStatusScenario;
import org.infodesk.server.support.StatusScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exports of {@link StatusScenario}'s year, read back with Commons CSV and POI. */
class ExportTest extends OnStatusScenario {

    static StatusService status;
    static Exports exports;

    @BeforeAll
    static void services() {
        status = scenario.status();
        exports = new Exports(scenario.server.database().dataSource(), StatusScenario.payloads(), status);
    }

    // ------------------------------------------------------------------ accepted data, CSV

    @Test
    void theCsvHoldsExactlyTheItemsOfTheAcceptedHeadsOneRowPerLaoAndItemOrRepeatGroupCell() throws Exception {
        List<CSVRecord> rows = csv(accepted(Scope.province(PROVINCE), ExportFormat.CSV));

        assertThat(rows).extracting(ExportTest::key).containsExactlyInAnyOrderElementsOf(expectedKeys(scenario.accepted));
        assertThat(new HashSet<>(rows.stream().map(r -> r.get("submission_id")).toList()))
                .containsExactlyInAnyOrderElementsOf(scenario.accepted.stream().map(p -> p.submissionId().toString()).toList());
        // Superseded (public_health r1), returned, delivered-only and never-delivered domains give no row.
        assertThat(rows).filteredOn(r -> r.get("domain_id").equals("public_health"))
                .allSatisfy(r -> assertThat(r.get("revision")).isEqualTo("2"));
        assertThat(rows).extracting(r -> r.get("domain_id")).doesNotContain("innovation_education", "infrastructure",
                "water_management", "society_religion_culture");
        assertThat(rows).extracting(r -> r.get("lao_code")).containsOnly(LAO, NEIGHBOUR);
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndThaiTextSurvives() throws Exception {
        byte[] bytes = accepted(Scope.district(PROVINCE, WANG_THONG), ExportFormat.CSV);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        CSVRecord first = csv(bytes).get(0);
        assertThat(first.toMap()).containsEntry("fiscal_year", "2564").containsEntry("province", PROVINCE)
                .containsEntry("district", WANG_THONG).containsEntry("lao_code", LAO)
                .containsEntry("lao_name_th", "เทศบาลตำบลวังทอง").containsEntry("domain_id", "health_environment")
                .containsEntry("certified_by", "นายสมชาย ใจดี").containsEntry("certifier_position", "ปลัดเทศบาลตำบลวังทอง")
                .containsEntry("certified_at", "2026-11-26T02:30:15.250Z");
        assertThat(first.get("item_label_th")).isNotBlank().matches(".*[\\u0E00-\\u0E7F].*");
        assertThat(first.get("received_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void valuesAreWrittenInPlainFormsWithTheirThaiReadingAndUnit() throws Exception {
        List<CSVRecord> rows = csv(accepted(Scope.district(PROVINCE, WANG_THONG), ExportFormat.CSV));

        CSVRecord number = row(rows, LAO, "health_environment", "waste_generated_tpd");
        assertThat(number.get("value")).isEqualTo("9.8");
        assertThat(number.get("value_th")).isEmpty();
        assertThat(number.get("unit_th")).isNotBlank();
        CSVRecord choices = row(rows, LAO, "health_environment", "waste_disposal_methods");
        assertThat(choices.get("value")).isEqualTo("cluster_other_lao;compost_mbt");
        assertThat(choices.get("value_th")).contains(", ").matches(".*[\\u0E00-\\u0E7F].*");
        assertThat(row(rows, LAO, "health_environment", "waste_service_provided").toMap())
                .containsEntry("value", "true").containsEntry("value_th", "ใช่");
        assertThat(row(rows, LAO, "internal_governance", "population_reference_date").toMap())
                .containsEntry("value", "2020-12-31").containsEntry("value_th", "31/12/2563");
    }

    @Test
    void aRepeatGroupGivesOneRowPerAnsweredCellWithItsRowFromOneAndItsField() throws Exception {
        List<CSVRecord> rows = csv(accepted(Scope.district(PROVINCE, WANG_THONG), ExportFormat.CSV));

        List<CSVRecord> attractions = rows.stream().filter(r -> r.get("item_id").equals("tourist_attractions")).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> expected = (List<Map<String, Object>>) scenario.stored.get(LAO + " economy_tourism r1")
                .values().get("tourist_attractions");
        assertThat(attractions).hasSize(expected.stream().mapToInt(Map::size).sum());
        CSVRecord name = attractions.stream().filter(r -> r.get("row").equals("1") && r.get("field").equals("attr_name"))
                .findFirst().orElseThrow();
        assertThat(name.get("value")).isEqualTo(expected.get(0).get("attr_name"));
        assertThat(name.get("item_label_th")).contains(Exports.LABEL_SEPARATOR);
        assertThat(row(rows, LAO, "health_environment", "waste_trucks").toMap()).containsEntry("row", "").containsEntry("field", "");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefusedInTheCsv() throws Exception {
        List<CSVRecord> rows = csv(accepted(Scope.district(PROVINCE, WANG_THONG), ExportFormat.CSV));

        assertThat(row(rows, NEIGHBOUR, "health_environment", "waste_disposal_host").get("value")).isEqualTo("'" + FORMULA);
        assertThat(CsvTable.defuse("+66 81")).isEqualTo("'+66 81");
        assertThat(CsvTable.defuse("-x")).isEqualTo("'-x");
        assertThat(CsvTable.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.defuse("\tx")).isEqualTo("'\tx");
        assertThat(CsvTable.defuse("\rx")).isEqualTo("'\rx");
        assertThat(CsvTable.defuse("ศูนย์ = 1")).isEqualTo("ศูนย์ = 1");
        assertThat(CsvTable.text(new BigDecimal("-12.5"))).as("a number the program wrote stays a number").isEqualTo("-12.5");
    }

    @Test
    void textWithCommasQuotesAndLineBreaksIsQuotedAndReadsBackAsItWas() throws Exception {
        String awkward = "ศูนย์ \"บ้านคลอง\", หมู่ 3\r\nอำเภอวังทอง";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Table table = ExportFormat.CSV.open(out, "t", List.of(new Table.Column("a", 5), new Table.Column("b", 5)), null)) {
            table.row(List.of(awkward, new BigDecimal("1200")));
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ศูนย์ \"\"บ้านคลอง\"\", หมู่ 3\r\nอำเภอวังทอง\",1200\r\n");
        assertThat(csv(out.toByteArray()).get(0).toMap()).containsEntry("a", awkward).containsEntry("b", "1200");
    }

    // ------------------------------------------------------------------ accepted data, xlsx

    @Test
    void theXlsxHasTheSameRowsWithNumbersAsNumbersDatesAsDatesAndTextNeverAFormula() throws Exception {
        byte[] csv = accepted(Scope.province(PROVINCE), ExportFormat.CSV);
        try (XSSFWorkbook workbook = xlsx(accepted(Scope.province(PROVINCE), ExportFormat.XLSX))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> header = texts(sheet.getRow(0));
            assertThat(header).containsExactlyElementsOf(Exports.ACCEPTED_COLUMNS.stream().map(Table.Column::name).toList());
            assertThat(sheet.getLastRowNum()).isEqualTo(csv(csv).size());
            int value = header.indexOf("value");

            XSSFRow number = xlsxRow(sheet, header, LAO, "health_environment", "waste_generated_tpd");
            assertThat(number.getCell(value).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(number.getCell(value).getNumericCellValue()).isEqualTo(9.8);
            XSSFCell date = xlsxRow(sheet, header, LAO, "internal_governance", "population_reference_date").getCell(value);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 12, 31));
            assertThat(xlsxRow(sheet, header, LAO, "health_environment", "waste_service_provided").getCell(value).getBooleanCellValue())
                    .isTrue();
            XSSFCell formula = xlsxRow(sheet, header, NEIGHBOUR, "health_environment", "waste_disposal_host").getCell(value);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(xlsxRow(sheet, header, LAO, "health_environment", "waste_trucks").getCell(header.indexOf("lao_name_th"))
                    .getStringCellValue()).isEqualTo("เทศบาลตำบลวังทอง");
        }
    }

    @Test
    void theXlsxHeaderIsBoldFrozenAndTheColumnsHaveWidths() throws Exception {
        try (XSSFWorkbook workbook = xlsx(accepted(Scope.district(PROVINCE, WANG_THONG), ExportFormat.XLSX))) {
            XSSFSheet sheet = workbook.getSheetAt(0);

            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(Exports.ACCEPTED_COLUMNS.indexOf(new Table.Column("item_label_th", 50))))
                    .isEqualTo(50 * 256);
        }
    }

    @Test
    void aScopeWithNoAcceptedDataGivesTheHeaderOnly() throws Exception {
        assertThat(csv(accepted(Scope.district(PROVINCE, "นครไทย"), ExportFormat.CSV))).isEmpty();
        assertThatThrownBy(() -> accepted(Scope.province("เชียงใหม่"), ExportFormat.CSV)).isInstanceOf(StatusException.class);
    }

    @Test
    void poiLogsThroughTheServersSlf4jNotToALog4jThatIsNotThere() {
        // log4j-api without a provider warns on stderr at POI's first log call; the bridge is its provider.
        assertThat(org.apache.logging.log4j.LogManager.getFactory().getClass().getName())
                .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContextFactory");
    }

    // ------------------------------------------------------------------ status sheet

    @Test
    void theStatusSheetHasOneRowPerLaoAndDomainAndCarriesTheNote() throws Exception {
        StatusReport report = status.report(YEAR, Scope.province(PROVINCE));
        ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream xlsxBytes = new ByteArrayOutputStream();

        assertThat(exports.writeStatus(report, ExportFormat.CSV, csvBytes)).isEqualTo(41 * 8);
        exports.writeStatus(report, ExportFormat.XLSX, xlsxBytes);

        String text = csvBytes.toString(StandardCharsets.UTF_8);
        assertThat(text.substring(1)).startsWith("# " + StatusReport.NOTE);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(41 * 8);
        CSVRecord returned = rows.stream().filter(r -> r.get("lao_code").equals(LAO) && r.get("domain_id").equals("water_management"))
                .findFirst().orElseThrow();
        assertThat(returned.toMap()).containsEntry("state", "RETURNED").containsEntry("revision", "1")
                .containsEntry("domain_label_th", "ด้านบริหารจัดการน้ำ");
        try (XSSFWorkbook workbook = xlsx(xlsxBytes.toByteArray())) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(41 * 8);
            assertThat(workbook.getSheet("note").getRow(0).getCell(0).getStringCellValue()).isEqualTo(StatusReport.NOTE);
        }
    }

    // ------------------------------------------------------------------ helpers

    static byte[] accepted(Scope scope, ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = exports.writeAccepted(YEAR, scope, format, out);
        assertThat(rows).isNotNegative();
        return out.toByteArray();
    }

    static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    static XSSFWorkbook xlsx(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static String key(CSVRecord row) {
        return String.join("|", row.get("lao_code"), row.get("domain_id"), row.get("item_id"), row.get("row"), row.get("field"));
    }

    /** What the accepted payloads hold, as the keys of the rows the export must have: one per item, one per group cell. */
    static List<String> expectedKeys(List<SubmissionPayload> payloads) {
        List<String> keys = new ArrayList<>();
        for (SubmissionPayload p : payloads) {
            p.values().forEach((item, value) -> {
                if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                    for (int r = 0; r < list.size(); r++) {
                        for (Object field : ((Map<?, ?>) list.get(r)).keySet()) {
                            keys.add(String.join("|", p.laoCode(), p.domainId(), item, String.valueOf(r + 1), field.toString()));
                        }
                    }
                } else {
                    keys.add(String.join("|", p.laoCode(), p.domainId(), item, "", ""));
                }
            });
        }
        return keys;
    }

    static CSVRecord row(List<CSVRecord> rows, String lao, String domain, String item) {
        return rows.stream().filter(r -> r.get("lao_code").equals(lao) && r.get("domain_id").equals(domain)
                && r.get("item_id").equals(item)).findFirst().orElseThrow();
    }

    static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    static XSSFRow xlsxRow(XSSFSheet sheet, List<String> header, String lao, String domain, String item) {
        Set<Integer> columns = Set.of(header.indexOf("lao_code"), header.indexOf("domain_id"), header.indexOf("item_id"));
        assertThat(columns).hasSize(3);
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            XSSFRow row = sheet.getRow(i);
            if (row.getCell(header.indexOf("lao_code")).getStringCellValue().equals(lao)
                    && row.getCell(header.indexOf("domain_id")).getStringCellValue().equals(domain)
                    && row.getCell(header.indexOf("item_id")).getStringCellValue().equals(item)) {
                return row;
            }
        }
        throw new AssertionError("no row " + lao + " " + domain + " " + item);
    }
}
