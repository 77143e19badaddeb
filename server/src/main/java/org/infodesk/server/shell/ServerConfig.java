package org.infodesk.server.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's settings (ADR 0008). Each comes from, lowest precedence first: its default, the
 * properties file ({@code --config FILE}, key {@code port}), the environment
 * ({@code INFODESK_PORT}), a command-line flag ({@code --port}). Unknown keys in the file are
 * refused, so a misspelt setting is not silently ignored.
 */
public record ServerConfig(String host, int port, Path dataDir, Optional<String> jdbcUrl, Optional<String> jdbcUser,
                           Optional<String> jdbcPassword, int poolSize, long maxBodyBytes, int maxChangesPerPull) {

    public static final List<String> KEYS = List.of(
            "host", "port", "data-dir", "jdbc-url", "jdbc-user", "jdbc-password", "pool-size", "max-body-bytes",
            "max-changes-per-pull");
    static final Map<String, String> DEFAULTS = Map.of(
            "host", "0.0.0.0",
            "port", "8080",
            "data-dir", "infodesk-server-data",
            "pool-size", "16",
            "max-body-bytes", String.valueOf(4 * 1024 * 1024),
            "max-changes-per-pull", "1000");

    /** The environment variable of a key: {@code data-dir} is {@code INFODESK_DATA_DIR}. */
    public static String environmentName(String key) {
        return "INFODESK_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Resolves the settings from a properties file (may be null), the environment and the flags
     * given (by key; absent flags are not in the map).
     */
    public static ServerConfig resolve(Path file, Map<String, String> environment, Map<String, String> flags) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, String> sources = new LinkedHashMap<>();
        DEFAULTS.keySet().forEach(key -> sources.put(key, "the default"));
        if (file != null) {
            Properties properties = read(file);
            for (String key : properties.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    throw new ConfigException(file + ": unknown setting \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
                }
                put(values, sources, key, properties.getProperty(key), file.toString());
            }
        }
        for (String key : KEYS) {
            String name = environmentName(key);
            put(values, sources, key, environment.get(name), "the environment (" + name + ")");
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            if (!KEYS.contains(flag.getKey())) {
                throw new IllegalArgumentException("no setting " + flag.getKey());
            }
            put(values, sources, flag.getKey(), flag.getValue(), "the flag --" + flag.getKey());
        }
        return new ServerConfig(
                values.get("host"),
                (int) number(values, sources, "port", 0, 65_535),
                Path.of(values.get("data-dir")),
                Optional.ofNullable(values.get("jdbc-url")),
                Optional.ofNullable(values.get("jdbc-user")),
                Optional.ofNullable(values.get("jdbc-password")),
                (int) number(values, sources, "pool-size", 2, 200),
                number(values, sources, "max-body-bytes", 1024, 256L * 1024 * 1024),
                (int) number(values, sources, "max-changes-per-pull", 1, 100_000));
    }

    private static void put(Map<String, String> values, Map<String, String> sources, String key, String value, String source) {
        if (value != null && !value.isBlank()) {
            values.put(key, value.strip());
            sources.put(key, source);
        }
    }

    private static long number(Map<String, String> values, Map<String, String> sources, String key, long min, long max)
            throws ConfigException {
        String text = values.get(key);
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " \"" + text + "\" from " + sources.get(key) + " is not a number from " + min + " to " + max);
        }
    }

    private static Properties read(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("the configuration file " + file + " could not be read: " + e.getMessage());
        }
    }

    /** This configuration as text for a log, the password hidden. */
    public String describe() {
        return "host=" + host + " port=" + port + " data-dir=" + dataDir.toAbsolutePath()
                + " database=" + jdbcUrl.orElse("embedded PostgreSQL in " + dataDir.toAbsolutePath().resolve("postgres"))
                + " pool-size=" + poolSize + " max-body-bytes=" + maxBodyBytes + " max-changes-per-pull=" + maxChangesPerPull;
    }
}
