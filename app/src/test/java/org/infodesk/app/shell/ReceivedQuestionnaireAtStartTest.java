package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteDefinitionRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newer version of the year's questionnaire, pulled from the server, is the one the app enters with from the next start. */
class ReceivedQuestionnaireAtStartTest {

    @TempDir
    Path folder;

    @Test
    void theNextStartEntersWithTheReceivedVersionAndStillReadsWhatTheBundledOneEntered() throws Exception {
        DomainKey roads = new DomainKey(LaoProfile.demo().code(), Bundled.FISCAL_YEAR, "infrastructure");
        try (Store store = StoreFixture.open(folder)) {
            new SqliteAnswerRepository(store, Bundled.key())
                    .save(new Edit(roads, "road_routes_total", new BigDecimal("58"), "somsri"));
            new SqliteDefinitionRepository(store).store(DefinitionDocuments.received(Bundled.FISCAL_YEAR, 2));
        }

        Startup.Loaded loaded = Startup.await(new String[] {"--data-dir=" + folder});
        try (Store store = loaded.store()) {
            assertThat(loaded.storeProblem()).isNull();
            assertThat(loaded.questionnaire().join().definition().key()).isEqualTo("dla-lao-info/2564/2");
            assertThat(new SqliteAnswerRepository(store, Bundled.key()).answers(roads.lao(), Bundled.FISCAL_YEAR)
                    .get("infrastructure", "road_routes_total")).isEqualTo(new BigDecimal("58"));
        }
    }

    @Test
    void withNoReceivedVersionTheBundledQuestionnaireIsEnteredWith() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            assertThat(new SqliteDefinitionRepository(store).all()).isEmpty();
        }

        Startup.Loaded loaded = Startup.await(new String[] {"--data-dir=" + folder});
        try (Store store = loaded.store()) {
            assertThat(loaded.questionnaire().join().definition().key()).isEqualTo(Bundled.key());
        }
    }
}
