package org.infodesk.server.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.server.support.StatusScenario.LAO;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.infodesk.server.status.StatusReport;
import org.infodesk.server.support.OnStatusScenario;
import org.infodesk.server.support.StatusScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} and {@code export} run as the command line runs them, on the database {@link StatusScenario} pushed to. */
class StatusCommandsTest extends OnStatusScenario {

    @TempDir
    Path files;
    @TempDir
    Path adminDir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Commands.run(scenario.jdbcUrl, adminDir, out, err, args);
    }

    @Test
    void statusPrintsEachDistrictsLaosTimesDomainsAndItsCountsUnderTheNote() {
        assertThat(run("status", "--fiscal-year", "2564", "--province", "พิษณุโลก")).as(err.toString()).isZero();

        String text = out.toString();
        assertThat(text).contains("Status of fiscal year 2564 (dla-lao-info/2564/1), province พิษณุโลก: 41 LAOs",
                "Note: " + StatusReport.NOTE, "District วังทอง, พิษณุโลก: 8 LAOs", "District นครไทย, พิษณุโลก: 4 LAOs",
                "Province พิษณุโลก: 41 LAOs");
        assertThat(text.lines().filter(l -> l.startsWith("  " + LAO)).findFirst().orElseThrow())
                .isEqualTo("  5650801   A1   D2   A2   D1   R1   A1   .    A1   เทศบาลตำบลวังทอง");
        String wangThong = text.substring(text.indexOf("District วังทอง"));
        assertThat(wangThong.lines().filter(l -> l.startsWith("  delivered")).findFirst().orElseThrow())
                .isEqualTo("  delivered 2    1    1    1    1    1    0    1");
        assertThat(wangThong.lines().filter(l -> l.startsWith("  LAO")).findFirst().orElseThrow())
                .isEqualTo("  LAO       1    2    3    4    5    6    7    8    name");
        assertThat(wangThong.lines().filter(l -> l.startsWith("  accepted")).findFirst().orElseThrow())
                .isEqualTo("  accepted  2    0    1    0    0    1    0    1");
    }

    @Test
    void statusOfOneDistrictListsThatDistrictOnly() {
        assertThat(run("status", "--fiscal-year", "2564", "--province", "พิษณุโลก", "--district", "วังทอง")).isZero();

        assertThat(out.toString()).contains("district วังทอง, พิษณุโลก: 8 LAOs").doesNotContain("District นครไทย");
    }

    @Test
    void badInputIsRefusedWithExitCode1AndAClearMessage() {
        assertThat(run("status", "--fiscal-year", "2570")).isEqualTo(ServerMain.REFUSED);
        assertThat(run("status", "--fiscal-year", "2564", "--province", "เชียงใหม่")).isEqualTo(ServerMain.REFUSED);
        assertThat(run("status", "--fiscal-year", "2564", "--district", "วังทอง")).isEqualTo(ServerMain.REFUSED);

        assertThat(err.toString()).contains("no questionnaire definition for fiscal year 2570",
                "no LAO of the registry in province เชียงใหม่", "--district วังทอง needs --province")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFiscalYearIsAUsageError() {
        assertThat(run("status")).isEqualTo(2);
        assertThat(err.toString()).contains("--fiscal-year");
    }

    @Test
    void exportWritesTheAcceptedDataAsCsvAndSaysHowManyRows() throws Exception {
        Path csv = files.resolve("accepted.csv");

        assertThat(run("export", "--fiscal-year", "2564", "--province", "พิษณุโลก", "--format", "csv", "--output", csv.toString()))
                .as(err.toString()).isZero();

        String text = Files.readString(csv, StandardCharsets.UTF_8);
        long rows = text.lines().count() - 1;
        assertThat(text).startsWith("\uFEFFfiscal_year,province,district,lao_code,lao_name_th,domain_id,item_id,row,field,");
        assertThat(out.toString()).contains("Exported " + rows + " rows of accepted data of fiscal year 2564, province พิษณุโลก, to " + csv);
        assertThat(text).contains("เทศบาลตำบลวังทอง");
    }

    @Test
    void exportWritesTheStatusSheetAsXlsx() throws Exception {
        Path xlsx = files.resolve("status.xlsx");

        assertThat(run("export", "--fiscal-year", "2564", "--format", "xlsx", "--status", "--output", xlsx.toString()))
                .as(err.toString()).isZero();

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(41 * 8);
        }
        assertThat(out.toString()).contains("Exported 328 rows of status");
    }

    @Test
    void aRefusedExportLeavesNoFileBehind() throws Exception {
        Path csv = files.resolve("none.csv");

        assertThat(run("export", "--fiscal-year", "2564", "--province", "เชียงใหม่", "--format", "csv", "--output", csv.toString()))
                .isEqualTo(ServerMain.REFUSED);
        assertThat(run("export", "--fiscal-year", "2564", "--format", "pdf", "--output", csv.toString()))
                .isEqualTo(ServerMain.REFUSED);
        assertThat(run("export", "--fiscal-year", "2564", "--format", "csv", "--output", files.resolve("no/such/folder.csv").toString()))
                .isEqualTo(ServerMain.REFUSED);

        assertThat(err.toString()).contains("no LAO of the registry in province เชียงใหม่", "unknown export format \"pdf\" (csv or xlsx)",
                "no folder");
        try (Stream<Path> left = Files.list(files)) {
            assertThat(left).isEmpty();
        }
    }
}
