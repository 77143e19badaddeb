package org.infodesk.server.support;

import java.nio.file.Path;
import java.util.Map;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/** The real server on loopback, on a new database of the test run's PostgreSQL, as the HTTP tests start it. */
public final class TestServers {

    private TestServers() {}

    public static InfoDeskServer start(PostgresExtension postgres, Path dataDir, long maxBodyBytes) throws Exception {
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of(
                "host", "127.0.0.1", "port", "0", "data-dir", dataDir.toString(),
                "jdbc-url", postgres.newDatabaseUrl(), "max-body-bytes", String.valueOf(maxBodyBytes)));
        return InfoDeskServer.start(config);
    }
}
