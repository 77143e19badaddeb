package org.infodesk.server.export;

import java.io.IOException;
import java.util.List;

/**
 * A table written row by row to a stream, in a file format ({@link ExportFormat}), so that a
 * national export never holds more than a window of rows. A cell is {@code null} (empty), a
 * {@code String}, a {@code BigDecimal} or another {@code Number}, a {@code Boolean}, a
 * {@code LocalDate}, an {@code Instant} (written as UTC ISO text) or a {@code UUID}.
 */
public interface Table extends AutoCloseable {

    /** A column: its header and its width in characters (for xlsx). */
    record Column(String name, int width) {}

    void row(List<?> cells) throws IOException;

    /** Finishes the file and flushes it to the stream, which stays open. */
    @Override
    void close() throws IOException;
}
