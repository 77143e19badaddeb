package org.infodesk.app.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends the log to {@code <data folder>/logs/infodesk.0.log} (the newest; older ones are
 * {@code infodesk.1.log} to {@code infodesk.4.log}), rolling at 5 MB, for IT staff. The app logs
 * through SLF4J, never the values of answers; the SLF4J back end is the JDK's own logging
 * ({@code slf4j-jdk14}), which JavaFX loads anyway: logback's classes cost half a second of every
 * start on two cores (docs/PERFORMANCE.md, ADR 0003's note on start-up). JavaFX's own warnings
 * (CSS, for instance) land in the same file.
 */
final class Logging {

    static final String FILE_PATTERN = "infodesk.%g.log";
    private static final int LIMIT_BYTES = 5 * 1024 * 1024;
    private static final int FILES = 5;
    private static FileHandler installed;

    private Logging() {}

    /** The newest log file of a data folder. */
    static Path currentFile(Path dataFolder) {
        return dataFolder.resolve("logs").resolve(FILE_PATTERN.replace("%g", "0"));
    }

    static synchronized void toFolder(Path dataFolder) {
        Logger root = Logger.getLogger("");
        if (installed != null) {
            root.removeHandler(installed);
            installed.close();
            installed = null;
        }
        Path dir = dataFolder.resolve("logs");
        try {
            Files.createDirectories(dir);
            // the handler's pattern language: '/' separates, '%' escapes
            String pattern = dir.toAbsolutePath().toString().replace('\\', '/').replace("%", "%%") + "/" + FILE_PATTERN;
            FileHandler file = new FileHandler(pattern, LIMIT_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new Line());
            file.setLevel(Level.INFO);
            root.addHandler(file);
            installed = file;
        } catch (IOException | SecurityException e) {
            // no log file (a read-only folder is reported by the store): the console still gets it
            root.warning("cannot write the log in " + dir + ": " + e.getMessage());
        }
        for (java.util.logging.Handler h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) {
                h.setFormatter(new Line()); // one line an event on the console too
            }
        }
        root.setLevel(Level.INFO);
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
    }

    /** One line an event: time with offset, level, thread, logger, message; then the stack trace, if any. */
    static final class Line extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder(160);
            b.append(TIME.format(OffsetDateTime.ofInstant(r.getInstant(), ZoneId.systemDefault())))
                    .append(' ').append(String.format("%-7s", r.getLevel().getName()))
                    .append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(r.getLoggerName()).append(" - ").append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append(trace);
            }
            return b.toString();
        }
    }
}
