package org.infodesk.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.infodesk.app.i18n.Messages;

/**
 * The settings IT staff set for an installation (issue 9, docs/adr/0011-installers.md): a file
 * {@code infodesk.conf} of {@code key = value} lines giving the server's address, the proxy and
 * whether the PC is an LAO's or a district office's. They are defaults: a parameter given on the
 * command line wins. Each is turned into the app's own named parameter ({@code --server=URL},
 * {@code --proxy=system|none|HOST:PORT}, {@code --district=PPAA}), so the rest of the app reads
 * one thing whichever way it was set.
 *
 * <p>A bad line is skipped with a message naming its line, in Thai and English; the good lines
 * still apply and the app starts as usual. A file larger than {@link #MAX_BYTES}, or not UTF-8,
 * is ignored whole, with a message.
 */
public final class PresetConfig {

    /** The file's name, in the folders {@link #locations} lists. */
    public static final String FILE = "infodesk.conf";
    /** A preset file is a few lines; anything larger is not one. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final Pattern DISTRICT = Pattern.compile("\\d{4}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]{1,253}");
    /**
     * Made on first use: SLF4J's first logger looks for its provider through every jar of the class
     * path (0.1 s here), which must not hold the JavaFX toolkit's start back (ADR 0007, 4).
     */
    private static final class Log {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PresetConfig.class);
    }

    /** What is wrong with one line (0: the whole file), as a message key and its arguments. */
    public record Problem(int line, String key, Object... args) {
        /** The message in the given language: which line, what is wrong, what to do. */
        public String message(Messages m) {
            String what = m.get(key, args);
            return line == 0 ? what : m.get("preset.line", line, what);
        }
    }

    /** This process's preset, read by {@link #applyTo} at launch. */
    private static volatile PresetConfig current = none();

    private final Path file;
    private final Map<String, String> parameters;
    private final List<Problem> problems;

    private PresetConfig(Path file, Map<String, String> parameters, List<Problem> problems) {
        this.file = file;
        this.parameters = Map.copyOf(parameters);
        this.problems = List.copyOf(problems);
    }

    /** No preset file. */
    public static PresetConfig none() {
        return new PresetConfig(null, Map.of(), List.of());
    }

    /** This process's preset (none until {@link #applyTo} ran). */
    static PresetConfig current() {
        return current;
    }

    /** Reads this installation's preset once and returns the app's arguments with its defaults added. */
    static String[] applyTo(String[] args) {
        current = forThisInstallation();
        return current.withDefaults(args);
    }

    /** The file that was read, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The named parameters it sets, without their dashes: {@code server}, {@code proxy}, {@code district}. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The app's arguments with the preset's parameters added where the command line does not give
     * them: {@code --server=} on the command line wins over {@code server =} in the file.
     */
    public String[] withDefaults(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            String prefix = "--" + p.getKey() + "=";
            if (all.stream().noneMatch(a -> a.startsWith(prefix))) {
                all.add(prefix + p.getValue());
            }
        }
        return all.toArray(String[]::new);
    }

    /**
     * Where an installation's preset file may be, first found wins: the file named by the system
     * property {@code infodesk.config}; beside the app's jar (the installed app's {@code lib/app}
     * on Linux, {@code app} on Windows, {@code Contents/app} on macOS); on Linux also
     * {@code /etc/infodesk/infodesk.conf}.
     */
    static List<Path> locations(String property, Path appFolder, String osName) {
        List<Path> where = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            where.add(Path.of(property));
        }
        if (appFolder != null) {
            where.add(appFolder.resolve(FILE));
        }
        if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            where.add(Path.of("/etc/infodesk").resolve(FILE));
        }
        return where;
    }

    /** The preset of this installation: the first file of {@link #locations} that exists, read; its problems logged. */
    public static PresetConfig forThisInstallation() {
        Path appFolder = null;
        try {
            Path jar = Path.of(PresetConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            appFolder = Files.isRegularFile(jar) ? jar.getParent() : null; // a jar: installed or packaged; not the build's classes
        } catch (Exception e) {
            Log.LOG.debug("no app folder: {}", e.toString());
        }
        for (Path p : locations(System.getProperty("infodesk.config"), appFolder, System.getProperty("os.name"))) {
            if (Files.isRegularFile(p)) {
                PresetConfig preset = read(p);
                Messages en = Messages.of(Locale.ENGLISH);
                for (Problem problem : preset.problems()) {
                    Log.LOG.warn("{}: {}", p, problem.message(en));
                }
                return preset;
            }
        }
        return none();
    }

    /** Reads a preset file; never throws: what cannot be read is a problem. */
    public static PresetConfig read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return new PresetConfig(file, Map.of(), List.of(new Problem(0, "preset.unreadable", file.toString())));
        }
        if (bytes.length > MAX_BYTES) {
            return new PresetConfig(file, Map.of(), List.of(new Problem(0, "preset.tooLarge", file.toString(), MAX_BYTES / 1024)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new PresetConfig(file, Map.of(), List.of(new Problem(0, "preset.notUtf8", file.toString())));
        }
        return parse(file, text);
    }

    static PresetConfig parse(Path file, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String office = null;
        int officeLine = 0;
        String district = null;
        int districtLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // Notepad's byte-order mark
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(n, "preset.notKeyValue"));
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "server" -> {
                    if (validServer(value)) {
                        values.put("server", value);
                    } else {
                        problems.add(new Problem(n, "preset.badServer", value));
                    }
                }
                case "proxy" -> {
                    String proxy = proxy(value);
                    if (proxy != null) {
                        values.put("proxy", proxy);
                    } else {
                        problems.add(new Problem(n, "preset.badProxy", value));
                    }
                }
                case "office" -> {
                    String kind = value.toLowerCase(Locale.ROOT);
                    if (kind.equals("lao") || kind.equals("district")) {
                        office = kind;
                        officeLine = n;
                    } else {
                        problems.add(new Problem(n, "preset.badOffice", value));
                    }
                }
                case "district" -> {
                    if (DISTRICT.matcher(value).matches()) {
                        district = value;
                        districtLine = n;
                    } else {
                        problems.add(new Problem(n, "preset.badDistrict", value));
                    }
                }
                default -> problems.add(new Problem(n, "preset.unknownKey", line.substring(0, eq).strip()));
            }
        }
        if ("district".equals(office)) {
            if (district != null) {
                values.put("district", district);
            } else {
                problems.add(new Problem(officeLine, "preset.districtMissing"));
            }
        } else if (district != null) {
            // a code without "office = district" is an LAO's PC given a stray line: say so, set nothing
            problems.add(new Problem(districtLine, "preset.districtWithoutOffice"));
        }
        return new PresetConfig(file, values, problems);
    }

    private static boolean validServer(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && value.length() <= 2048;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** {@code system}, {@code none} or {@code HOST:PORT}, normalised; null if it is none of these. */
    static String proxy(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("system") || v.equals("none")) {
            return v;
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = value.substring(0, colon).strip();
        String port = value.substring(colon + 1).strip();
        if (!HOST.matcher(host).matches() || !port.matches("\\d{1,5}")) {
            return null;
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? host + ":" + p : null;
    }

    /** The proxy a {@code --proxy=} parameter names (as {@link #proxy} writes it), or null if none or not one. */
    public static org.infodesk.app.sync.ProxySettings proxySettings(String parameter) {
        String p = parameter == null ? null : proxy(parameter);
        if (p == null) {
            return null;
        }
        if (p.equals("system")) {
            return org.infodesk.app.sync.ProxySettings.SYSTEM;
        }
        if (p.equals("none")) {
            return org.infodesk.app.sync.ProxySettings.NONE;
        }
        int colon = p.lastIndexOf(':');
        return org.infodesk.app.sync.ProxySettings.manual(p.substring(0, colon), Integer.parseInt(p.substring(colon + 1)));
    }
}
