package org.infodesk.app.relay.status;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The board as a file with the screen's columns and words ({@link BoardText}): CSV as Excel on Thai
 * Windows opens it (UTF-8 with a byte-order mark, RFC 4180 by Commons CSV: comma, CRLF, quotes where
 * needed; text a spreadsheet would take for a formula gets a leading apostrophe), or xlsx by POI
 * (a header row, bold and frozen; text cells only, never a formula). The first line says where the
 * figures come from. A file is written beside its target and moved over it once whole, so a failed
 * export leaves what was there.
 */
public final class BoardExport {

    /** The formats, by the file name's extension. */
    public enum Format {
        CSV, XLSX;

        /** The format a file name asks for, if it ends in .csv or .xlsx. */
        public static Optional<Format> of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return Optional.of(CSV);
            }
            if (name.endsWith(".xlsx")) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final char BOM = '\uFEFF';

    private final BoardText text;

    public BoardExport(BoardText text) {
        this.text = text;
    }

    /** Writes the board to {@code target} in {@code format}, replacing the file only once it is whole. */
    public void write(Board board, Format format, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, ".infodesk-status-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                if (format == Format.CSV) {
                    csv(board, out);
                } else {
                    xlsx(board, out);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The CSV form: a BOM, a line saying where the figures come from, the headers, a row per LAO. */
    public void csv(Board board, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(defused(List.of(text.title(board) + " · " + text.source(board))));
        printer.printRecord(defused(text.headers(board)));
        for (Board.Row row : board.rows()) {
            printer.printRecord(defused(text.row(board, row)));
        }
        printer.flush();
        writer.flush();
    }

    /** The xlsx form: one sheet, the same lines as the CSV. */
    public void xlsx(Board board, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text.messages().get("relayStatus.sheet", String.valueOf(board.fiscalYear())));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            headerStyle.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue(text.title(board) + " · " + text.source(board));
            List<String> headers = text.headers(board);
            Row header = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, (i == 0 ? 12 : i == headers.size() - 1 ? 10 : 28) * 256);
            }
            int next = 2;
            for (Board.Row row : board.rows()) {
                Row line = sheet.createRow(next++);
                List<String> cells = text.row(board, row);
                for (int i = 0; i < cells.size(); i++) {
                    line.createCell(i).setCellValue(cells.get(i));
                }
            }
            sheet.createFreezePane(1, 2);
            sheet.setAutoFilter(new CellRangeAddress(1, 1, 0, headers.size() - 1));
            workbook.write(out);
        }
    }

    private static List<String> defused(List<String> cells) {
        return cells.stream().map(BoardExport::defuse).toList();
    }

    /** Text a spreadsheet would take for a formula, with a leading apostrophe; other text as it is. */
    static String defuse(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
