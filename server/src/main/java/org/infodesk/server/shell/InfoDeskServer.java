package org.infodesk.server.shell;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.server.changes.ChangeLog;
import org.infodesk.server.definitions.HeldDefinitions;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.http.RateLimiter;
import org.infodesk.server.ingest.Ingest;
import org.infodesk.server.ingest.SubmissionStore;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.http.Api;
import org.infodesk.server.keys.ServerKeyException;
import org.infodesk.server.keys.ServerKeys;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.Reviewers;
import org.infodesk.server.status.StatusService;
import org.infodesk.server.status.StoredPayloads;
import org.infodesk.server.export.Exports;
import org.infodesk.server.storage.Database;
import org.infodesk.server.storage.DatabaseException;

/** The running server: its database, its key and its HTTP API, started in that order and stopped in reverse. */
public final class InfoDeskServer implements AutoCloseable {

    private final Database database;
    private final ServerKeys keys;
    private final Javalin http;

    private InfoDeskServer(Database database, ServerKeys keys, Javalin http) {
        this.database = database;
        this.keys = keys;
        this.http = http;
    }

    public static InfoDeskServer start(ServerConfig config) throws DatabaseException, ServerKeyException, java.io.IOException {
        Files.createDirectories(config.dataDir());
        ServerKeys keys = ServerKeys.loadOrCreate(config.dataDir());
        Database database = openDatabase(config);
        try {
            Javalin http = Api.create(services(config, database, keys, Clock.systemUTC()));
            http.start(config.host(), config.port());
            return new InfoDeskServer(database, keys, http);
        } catch (SQLException e) {
            database.close();
            throw new DatabaseException("the change log could not be prepared: " + e.getMessage(), e);
        } catch (RuntimeException | java.io.IOException e) {
            database.close();
            throw e;
        }
    }

    /** The limits devices are held to (SPEC §4.10): the reference's defaults, with the body and pull limits of the configuration. */
    static ProtocolLimits limits(ServerConfig config) {
        ProtocolLimits defaults = ProtocolLimits.DEFAULT;
        return new ProtocolLimits(config.maxBodyBytes(), Math.max(defaults.maxInflatedBytes(), config.maxBodyBytes()),
                defaults.maxItemsPerBatch(), defaults.maxEnvelopeBytes(), defaults.requestsPerMinute(), config.maxChangesPerPull());
    }

    private static Api.Services services(ServerConfig config, Database database, ServerKeys keys, Clock clock)
            throws SQLException, java.io.IOException {
        ProtocolLimits limits = limits(config);
        Enrolment enrolment = new Enrolment(database.dataSource(), clock);
        HeldDefinitions definitions = HeldDefinitions.published(config.dataDir().resolve(HeldDefinitions.PUBLISHED));
        ChangeLog changes = new ChangeLog(database.dataSource(), clock);
        StoredPayloads payloads = new StoredPayloads(definitions.questionnaires().stream().map(Questionnaire::definition).toList());
        StatusService status = new StatusService(database.dataSource(), payloads);
        // Every device's feed names each definition held (SPEC §4.8), once per definition and digest.
        changes.recordDefinitions(definitions);
        Ingest ingest = new Ingest(enrolment, new Registry(database.dataSource()),
                new SubmissionStore(database.dataSource(), clock), keys, definitions.questionnaires());
        RateLimiter devices = new RateLimiter(limits.requestsPerMinute(), limits.requestsPerMinute() / 60.0, 100_000, clock);
        // Enrolment by client address (SPEC §4.4): 20 at once, then one every 10 seconds.
        RateLimiter enrolments = new RateLimiter(20, 0.1, 10_000, clock);
        return new Api.Services(database::answers, keys, enrolment, ingest, limits, devices, enrolments, definitions, changes,
                new Reviewers(database.dataSource(), clock), new Review(database.dataSource(), clock), status,
                new Exports(database.dataSource(), payloads, status));
    }

    /** The questionnaire definitions the server judges, reports and exports with. */
    static List<Questionnaire> questionnaires() {
        return HeldDefinitions.shipped().questionnaires();
    }

    static Database openDatabase(ServerConfig config) throws DatabaseException, java.io.IOException {
        Path dataDir = config.dataDir();
        Files.createDirectories(dataDir);
        return Database.open(new Database.Settings(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword(), dataDir, config.poolSize()));
    }

    /** The port the HTTP API listens on (the one chosen when the configuration said 0). */
    public int port() {
        return http.port();
    }

    public ServerKeys keys() {
        return keys;
    }

    /** The routes the HTTP API answers ({@link Api#routes}). */
    public List<String> routes() {
        return Api.routes(http);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        http.stop();
        database.close();
    }
}
