package org.infodesk.server.support;

import java.nio.file.Path;
import java.util.Map;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/** The real server on loopback, on a new database of the test run's PostgreSQL, as the HTTP tests start it. */
public final class TestServers {

    private TestServers() {}

    public static InfoDeskServer start(PostgresExtension postgres, Path dataDir, long maxBodyBytes) throws Exception {
        return start(postgres.newDatabaseUrl(), dataDir, maxBodyBytes);
    }

    /** The real server on a given database (a test that also runs commands on that database). */
    public static InfoDeskServer start(String jdbcUrl, Path dataDir, long maxBodyBytes) throws Exception {
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", dataDir.toString(),
                "jdbc-url", jdbcUrl, "max-body-bytes", String.valueOf(maxBodyBytes)));
        return InfoDeskServer.start(config);
    }
}
