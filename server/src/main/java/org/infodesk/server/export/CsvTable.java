package org.infodesk.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel on Thai Windows opens it: UTF-8 with a byte-order mark, RFC 4180 (comma, CRLF,
 * quotes where needed, by Commons CSV). Text that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe
 * ({@link #defuse}); numbers, dates and times are written by this program in plain forms and are
 * left as they are, so {@code -12.5} stays a number. An optional note goes first, as a {@code #}
 * comment line.
 */
final class CsvTable implements Table {

    static final char BOM = '\uFEFF';

    private final Writer writer;
    private final CSVPrinter printer;

    CsvTable(OutputStream out, List<Column> columns, String note) throws IOException {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        CSVFormat.Builder format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(Column::name).toArray(String[]::new));
        if (note != null) {
            format.setCommentMarker('#').setHeaderComments(note);
        }
        printer = new CSVPrinter(writer, format.get());
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(text(cell));
        }
        printer.printRecord(texts);
    }

    static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String text) {
            return defuse(text);
        }
        if (cell instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (cell instanceof Instant instant) {
            return Cells.instant(instant);
        }
        return cell.toString();
    }

    /** Text a spreadsheet would take for a formula, with a leading apostrophe; other text as it is. */
    static String defuse(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        writer.flush();
    }
}
