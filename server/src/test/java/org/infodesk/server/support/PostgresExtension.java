package org.infodesk.server.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.infodesk.server.storage.Database;
import org.infodesk.server.storage.DatabaseException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL for the whole test run (started by the first class that needs it,
 * stopped when the run ends), and a new empty database in it for each caller. Tests reach it by
 * JDBC URL, the path an external PostgreSQL takes, so the server's code under test is the
 * deployment's. Register with {@code @RegisterExtension static PostgresExtension postgres = new PostgresExtension();}.
 *
 * <p>With {@code INFODESK_TEST_POSTGRES_URL} set (a JDBC URL of a PostgreSQL database whose user
 * may create databases, for example Debian's PostgreSQL started by {@code .ci/run}), the same
 * tests run on that server instead of the embedded one.
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Cluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(), Cluster.class);
    }

    /** The JDBC URL of a new, empty database. */
    public String newDatabaseUrl() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(cluster.adminUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return cluster.adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /** A new, empty, migrated database opened as the server opens an external one. */
    public Database newDatabase(Path dataDir) throws DatabaseException {
        return Database.open(new Database.Settings(Optional.of(newDatabaseUrl()), Optional.empty(), Optional.empty(), dataDir, 4));
    }

    static final class Cluster implements AutoCloseable {
        final EmbeddedPostgres embedded;
        final String adminUrl;

        private Cluster(EmbeddedPostgres embedded, String adminUrl) {
            this.embedded = embedded;
            this.adminUrl = adminUrl;
        }

        static Cluster start() {
            String external = System.getenv("INFODESK_TEST_POSTGRES_URL");
            if (external != null && !external.isBlank()) {
                return new Cluster(null, external);
            }
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                return new Cluster(embedded, embedded.getJdbcUrl("postgres", "postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
