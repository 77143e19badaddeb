package org.infodesk.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The file formats of an export: CSV for any tool, xlsx for Excel and LibreOffice. */
public enum ExportFormat {
    CSV,
    XLSX;

    /** The format of a name as typed ({@code csv}, {@code xlsx}, any case). */
    public static ExportFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format \"" + name + "\" (csv or xlsx)", e);
        }
    }

    /** A table on {@code out} (not closed with the table: the caller owns the stream). */
    Table open(OutputStream out, String sheetName, List<Table.Column> columns, String note) throws IOException {
        return this == CSV ? new CsvTable(out, columns, note) : new XlsxTable(out, sheetName, columns, note);
    }
}
