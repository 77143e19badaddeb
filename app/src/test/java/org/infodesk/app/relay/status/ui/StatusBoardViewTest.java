package org.infodesk.app.relay.status.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableCell;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.BoardExport;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.Carrying;
import org.infodesk.app.relay.status.InMemoryStatusRepository;
import org.infodesk.app.relay.status.StatusBoard;
import org.infodesk.app.ui.AppWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The district status board on screen (headless): each state in words and colour, the keyboard, the exports. */
@ExtendWith(ApplicationExtension.class)
class StatusBoardViewTest {

    static final Instant NOW = Instant.parse("2021-06-01T03:00:00Z");
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    @TempDir
    Path folder;

    private Stage stage;
    private final AtomicInteger backs = new AtomicInteger();
    private final List<BoardExport.Format> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppWindow.prepare(stage);
    }

    static StatusBoardViewModel model(InMemoryStatusRepository repository, Messages m) {
        StatusBoard board = new StatusBoard(repository, year -> Carrying.FY2564.domains(), code -> null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new StatusBoardViewModel(board, new BoardText(m, BANGKOK), Runnable::run, Runnable::run);
    }

    StatusBoardView shown(FxRobot robot, StatusBoardViewModel model) {
        StatusBoardView[] view = new StatusBoardView[1];
        robot.interact(() -> {
            view[0] = new StatusBoardView(model, backs::incrementAndGet, (format, name) -> {
                asked.add(format);
                return folder.resolve(name);
            });
            model.open();
        });
        AppWindow.show(robot, stage, view[0], "#statusTitle", () -> view[0].focusFirst());
        return view[0];
    }

    /** What a table cell says (read on the JavaFX thread). */
    static String cellText(FxRobot robot, String id) {
        return AppWindow.onFx(() -> robot.lookup(id).queryAs(TableCell.class).getText());
    }

    /** A table cell's style classes as they are now (read on the JavaFX thread). */
    static List<String> cellStyles(FxRobot robot, String id) {
        return AppWindow.onFx(() -> List.copyOf(robot.lookup(id).queryAs(TableCell.class).getStyleClass()));
    }

    @Test
    void eachCellSaysItsStateRevisionAndTimeInWordsBesidesItsColourAndEachRowItsCountDone(FxRobot robot) {
        shown(robot, model(InMemoryStatusRepository.sample(NOW.minusSeconds(600)), Messages.thai()));

        assertThat(AppWindow.text(robot, "#statusTitle")).isEqualTo("สถานะการส่งข้อมูลของ อปท. ในอำเภอ ปีงบประมาณ 2564");
        assertThat(AppWindow.text(robot, "#statusSource")).startsWith("ตามเซิร์ฟเวอร์ ดึงข้อมูลล่าสุดเมื่อ 1 มิ.ย. พ.ศ. 2564 09:50");
        assertThat(cellText(robot, "#cell-6650805-infrastructure")).isEqualTo("ตรวจรับแล้ว\nฉบับที่ 1\n31 พ.ค. 2564 14:15");
        assertThat(cellStyles(robot, "#cell-6650805-infrastructure")).contains("status-accepted");
        assertThat(cellText(robot, "#cell-5650801-health_environment")).startsWith("ส่งกลับแก้ไข\nฉบับที่ 2");
        assertThat(cellStyles(robot, "#cell-5650801-health_environment")).contains("status-returned");
        assertThat(cellText(robot, "#cell-5650801-infrastructure")).startsWith("ส่งถึงแล้ว\nฉบับที่ 1");
        assertThat(cellText(robot, "#cell-5650801-public_health")).startsWith("นำมาแล้ว ยังไม่ส่ง");
        assertThat(cellStyles(robot, "#cell-5650801-public_health")).contains("status-carried");
        assertThat(cellText(robot, "#cell-5650801-water_management")).startsWith("เซิร์ฟเวอร์ไม่รับ");
        assertThat(cellText(robot, "#cell-5650801-economy_tourism")).isEqualTo("ยังไม่มี");
        assertThat(cellStyles(robot, "#cell-5650801-economy_tourism")).contains("status-not-yet")
                .doesNotContain("status-carried");
        assertThat(cellText(robot, "#done-6650805")).isEqualTo("8/8");
        assertThat(cellText(robot, "#done-5650801")).isEqualTo("1/8");
        assertThat(cellText(robot, "#lao-6650807")).as("an LAO seen only in another year is still listed")
                .isEqualTo("6650807");
        assertThat(AppWindow.text(robot, "#statusSummary")).isEqualTo("4 อปท. ส่งครบทุกด้าน 1 แห่ง");
        // a long domain title on two lines, broken between Thai words (a header wraps nothing itself)
        String governance = AppWindow.onFx(() -> {
            TableView<?> board = robot.lookup("#statusTable").queryAs(TableView.class);
            javafx.scene.control.Label header = (javafx.scene.control.Label) board.getColumns().stream()
                    .filter(c -> "column-internal_governance".equals(c.getId())).findFirst().orElseThrow().getGraphic();
            return header.getText();
        });
        assertThat(governance).isEqualTo("ด้านการจัดการ\nภายในและธรรมาภิบาล");

        // the keyboard: the table has the first domain's cell, the arrows move cell by cell, Esc goes back
        @SuppressWarnings("unchecked")
        TableView<Object> table = AppWindow.onFx(() -> robot.lookup("#statusTable").queryAs(TableView.class));
        assertThat(AppWindow.onFx(() -> table.isFocused())).isTrue();
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        TablePosition<?, ?> at = AppWindow.onFx(() -> table.getFocusModel().getFocusedCell());
        assertThat(at.getRow()).isEqualTo(1);
        assertThat(AppWindow.onFx(() -> at.getTableColumn().getId())).isEqualTo("column-" + Carrying.FY2564.domains().stream()
                .sorted(java.util.Comparator.comparingInt(d -> d.order())).toList().get(2).id());
        robot.type(KeyCode.ESCAPE);
        assertThat(backs.get()).isEqualTo(1);
    }

    @Test
    void theExportButtonsWriteTheBoardShownToTheChosenCsvAndXlsxFiles(FxRobot robot) throws Exception {
        shown(robot, model(InMemoryStatusRepository.sample(null), Messages.thai()));
        assertThat(AppWindow.text(robot, "#statusSource")).isEqualTo("ตามข้อมูลที่นำมาส่ง ยังไม่เคยติดต่อเซิร์ฟเวอร์ได้");

        robot.clickOn("#statusExportCsv");
        WaitForAsyncUtils.waitForFxEvents();
        Path csv = folder.resolve("infodesk-status-2564.csv");
        assertThat(AppWindow.text(robot, "#statusMessage")).isEqualTo("บันทึกตารางสถานะแล้วที่ " + csv.toAbsolutePath());
        byte[] bytes = Files.readAllBytes(csv);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(
                new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(2 + 4);
        CSVRecord kaengSopha = records.stream().filter(r -> r.get(0).equals("6650805")).findFirst().orElseThrow();
        assertThat(kaengSopha.get(10)).isEqualTo("8/8");

        robot.clickOn("#statusExportXlsx");
        WaitForAsyncUtils.waitForFxEvents();
        Path xlsx = folder.resolve("infodesk-status-2564.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("รหัส อปท.");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(5);
        }
        assertThat(asked).containsExactly(BoardExport.Format.CSV, BoardExport.Format.XLSX);
    }

    @Test
    void aFileNameThatIsNeitherCsvNorXlsxIsRefusedWithWhatToDoAndTheYearCanBeChanged(FxRobot robot) {
        StatusBoardViewModel model = model(InMemoryStatusRepository.sample(null), Messages.of(Locale.ENGLISH));
        shown(robot, model);
        robot.interact(() -> model.export(folder.resolve("status.txt")));
        assertThat(AppWindow.text(robot, "#statusMessage"))
                .isEqualTo("The file name \"status.txt\" must end in .csv or .xlsx. Name it again and try again.");
        assertThat(AppWindow.onFx(() -> List.copyOf(model.years()))).containsExactly(2564, 2563);

        robot.interact(() -> model.show(2563));
        assertThat(AppWindow.text(robot, "#statusTitle")).isEqualTo("The district’s LAOs, fiscal year 2563");
        assertThat(cellText(robot, "#cell-6650807-infrastructure")).startsWith("Delivered\nrevision 1");
        assertThat(cellText(robot, "#cell-6650805-infrastructure")).isEqualTo("Not yet");
    }
}
