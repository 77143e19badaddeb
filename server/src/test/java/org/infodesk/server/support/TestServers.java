package org.infodesk.server.support;

import java.nio.file.Path;
import java.util.Map;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/** The real server on loopback, on a new database of the test run's PostgreSQL, as the HTTP tests start it. */
public final class TestServers {

    private TestServers() {}

    public static InfoDeskServer start(PostgresExtension postgres, Path dataDir, long maxBodyBytes) throws Exception {
        return start(postgres.newDatabaseUrl(), dataDir, Map.of("max-body-bytes", String.valueOf(maxBodyBytes)));
    }

    /** The server on the database of a JDBC URL (which a command run by the test can open too), with more settings. */
    public static InfoDeskServer start(String jdbcUrl, Path dataDir, Map<String, String> settings) throws Exception {
        Map<String, String> flags = new java.util.HashMap<>(Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", dataDir.toString(), "jdbc-url", jdbcUrl));
        flags.putAll(settings);
        return InfoDeskServer.start(ServerConfig.resolve(null, Map.of(), flags));
    }
}
