package org.infodesk.app.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The app's log files for IT staff: every {@code *.log} of the data folder's log folder, oldest
 * name last, in one zip file where the user chooses. Written beside the target and moved into
 * place, so a failed export leaves no half file.
 */
public final class LogExport {

    private LogExport() {}

    /** Writes the logs of {@code logFolder} into the zip {@code target}; returns how many files it holds. */
    public static int write(Path logFolder, Path target) throws IOException {
        List<Path> logs;
        if (Files.isDirectory(logFolder)) {
            try (Stream<Path> files = Files.list(logFolder)) {
                logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
            }
        } else {
            logs = List.of();
        }
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path log : logs) {
                zip.putNextEntry(new ZipEntry(log.getFileName().toString()));
                Files.copy(log, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        return logs.size();
    }
}
