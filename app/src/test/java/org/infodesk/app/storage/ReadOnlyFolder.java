package org.infodesk.app.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder really read-only for this process. Root ignores permission bits, so as root
 * the folder is made immutable ({@code chattr +i}) instead; {@link #close()} undoes either.
 */
public final class ReadOnlyFolder implements AutoCloseable {

    private final Path folder;
    private final boolean immutable;

    private ReadOnlyFolder(Path folder, boolean immutable) {
        this.folder = folder;
        this.immutable = immutable;
    }

    public static ReadOnlyFolder of(Path folder) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            run("chattr", "+i", folder.toString());
            return new ReadOnlyFolder(folder, true);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        return new ReadOnlyFolder(folder, false);
    }

    /** Whether creating a file in the folder now really fails. */
    public boolean holds() {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", folder.toString());
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
