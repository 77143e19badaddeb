package org.infodesk.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An xlsx workbook written with POI's streaming writer (SXSSF): only a window of rows is in
 * memory, the rest goes to a compressed temporary file until {@link #close} writes the workbook.
 * The header row is bold, frozen and filtered; columns have set widths. Numbers are number
 * cells (Excel's doubles: 15 significant digits; the CSV has the exact decimals), dates are date
 * cells ({@code yyyy-mm-dd}), yes/no are booleans, text is text: never a formula, so nothing
 * needs defusing. An optional note goes on a second sheet.
 */
final class XlsxTable implements Table {

    /** Rows kept in memory; the rest are flushed to the temporary file. */
    static final int WINDOW = 200;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final String note;
    private int next;

    XlsxTable(OutputStream out, String sheetName, List<Column> columns, String note) {
        this.out = out;
        this.note = note;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        Row header = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).name());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    }

    @Override
    public void row(List<?> cells) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean yes) {
                cell.setCellValue(yes);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(Cells.instant(instant));
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (note != null) {
                workbook.createSheet("note").createRow(0).createCell(0).setCellValue(note);
            }
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
