package org.infodesk.app.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where InfoDesk keeps its data on each system, unless a flag says otherwise:
 * Windows {@code %LOCALAPPDATA%\InfoDesk}, macOS {@code ~/Library/Application Support/InfoDesk},
 * Linux and others {@code $XDG_DATA_HOME/infodesk} (default {@code ~/.local/share/infodesk}).
 */
public final class DataFolder {

    private DataFolder() {}

    public static Path resolve(String flag, Map<String, String> env, String osName, Path home) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag).toAbsolutePath();
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local"))
                    .resolve("InfoDesk");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("InfoDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("infodesk");
    }

    /** The folder for this process: the flag if given, else the system's usual place. */
    public static Path forThisMachine(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
