package org.infodesk.app.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.rules.Questionnaire;

/** Opens real stores in test folders, with the FY 2564 definition. */
public final class StoreFixture {

    public static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    public static final Definition DEFINITION = QUESTIONNAIRE.definition();

    private StoreFixture() {}

    public static Store open(Path folder) throws StoreException {
        return open(folder, Clock.systemUTC());
    }

    public static Store open(Path folder, Clock clock) throws StoreException {
        return Store.open(folder, clock, Map.of(DEFINITION.key(), DEFINITION));
    }
}
