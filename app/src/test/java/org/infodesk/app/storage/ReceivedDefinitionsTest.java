package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Received questionnaire definitions on a real store: kept with their digest, and the highest
 * version of a fiscal year chosen over the one the app ships, which stays the fallback.
 */
class ReceivedDefinitionsTest {

    @TempDir
    Path folder;

    @Test
    void withNothingReceivedTheShippedDefinitionIsTheQuestionnaire() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            Questionnaires questionnaires = new Questionnaires(new SqliteDefinitionRepository(store));

            assertThat(questionnaires.forFiscalYear(2564).definition().key()).isEqualTo(Bundled.key());
            assertThat(questionnaires.forFiscalYear(2565).definition().key()).isEqualTo(Bundled.key());
            assertThat(questionnaires.byKey()).containsOnlyKeys(Bundled.key());
        }
    }

    @Test
    void theHighestVersionReceivedForTheFiscalYearIsChosenAndSurvivesAReopen() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            SqliteDefinitionRepository received = new SqliteDefinitionRepository(store);
            received.store(DefinitionDocuments.received(2565, 1));
            received.store(DefinitionDocuments.received(2565, 3));
            received.store(DefinitionDocuments.received(2565, 2));
        }
        try (Store store = StoreFixture.open(folder)) {
            SqliteDefinitionRepository received = new SqliteDefinitionRepository(store);
            Questionnaires questionnaires = new Questionnaires(received);

            assertThat(received.ofFiscalYear(2565)).extracting(ReceivedDefinition::version).containsExactly(3, 2, 1);
            assertThat(received.find(Bundled.ID, 2565, 2)).hasValueSatisfying(d ->
                    assertThat(d.document()).isEqualTo(DefinitionDocuments.named(2565, 2)));
            assertThat(questionnaires.forFiscalYear(2565).definition().key()).isEqualTo("dla-lao-info/2565/3");
            assertThat(questionnaires.forFiscalYear(2564).definition().key()).isEqualTo(Bundled.key());
            assertThat(questionnaires.byKey()).containsOnlyKeys(Bundled.key(), "dla-lao-info/2565/1", "dla-lao-info/2565/2",
                    "dla-lao-info/2565/3");
        }
    }

    @Test
    void aStoredDocumentThatNoLongerCompilesIsPassedOverForTheNextVersion() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            SqliteDefinitionRepository received = new SqliteDefinitionRepository(store);
            received.store(DefinitionDocuments.received(2565, 1));
            byte[] notADefinition = "{\"format\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            received.store(new ReceivedDefinition(Bundled.ID, 2565, 2, ReceivedDefinition.sha256(notADefinition), notADefinition));

            assertThat(new Questionnaires(received).forFiscalYear(2565).definition().key()).isEqualTo("dla-lao-info/2565/1");
        }
    }
}
