package org.infodesk.server.shell;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infodesk.server.http.Api;
import org.infodesk.server.keys.ServerKeyException;
import org.infodesk.server.keys.ServerKeys;
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
            Javalin http = Api.create(new Api.Services(database::answers, keys), config.maxBodyBytes());
            http.start(config.host(), config.port());
            return new InfoDeskServer(database, keys, http);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        http.stop();
        database.close();
    }
}
