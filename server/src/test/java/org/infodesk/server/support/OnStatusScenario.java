package org.infodesk.server.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A test class on {@link StatusScenario}: played once for the class on a new database, its server stopped after. */
public abstract class OnStatusScenario {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path scenarioDir;

    protected static StatusScenario scenario;

    @BeforeAll
    static void playScenario() throws Exception {
        scenario = StatusScenario.play(postgres.newDatabaseUrl(), scenarioDir.resolve("server"));
    }

    @AfterAll
    static void stopScenario() {
        scenario.server.close();
    }
}
