package org.infodesk.app.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which questionnaire a fiscal year is entered with, over the in-memory repository. */
class QuestionnairesTest {

    @Test
    void aReceivedVersionOfTheShippedYearReplacesTheShippedOneAndOtherYearsDoNotCount() throws Exception {
        InMemoryDefinitionRepository received = new InMemoryDefinitionRepository();
        received.store(DefinitionDocuments.received(2564, 2));
        received.store(DefinitionDocuments.received(2566, 1));
        Questionnaires questionnaires = new Questionnaires(received);

        assertThat(questionnaires.forFiscalYear(2564).definition().key()).isEqualTo("dla-lao-info/2564/2");
        assertThat(questionnaires.forFiscalYear(2565).definition().key()).as("no version for 2565: the fallback")
                .isEqualTo(Bundled.key());
        assertThat(questionnaires.forFiscalYear(2564)).as("compiled once").isSameAs(questionnaires.forFiscalYear(2564));
    }

    @Test
    void definitionsReadAtStartUpChooseAsTheRepositoryDoesAndCannotBeStoredInto() throws Exception {
        Questionnaires questionnaires = Questionnaires.of(java.util.List.of(DefinitionDocuments.received(2564, 2),
                DefinitionDocuments.received(2564, 3), DefinitionDocuments.received(2566, 1)));

        assertThat(questionnaires.forFiscalYear(2564).definition().key()).isEqualTo("dla-lao-info/2564/3");
        assertThat(questionnaires.forFiscalYear(2565).definition().key()).isEqualTo(Bundled.key());
        assertThat(questionnaires.byKey()).containsOnlyKeys(Bundled.key(), "dla-lao-info/2564/2", "dla-lao-info/2564/3",
                "dla-lao-info/2566/1");
    }

    @Test
    void aReceivedDocumentThatNamesAnotherIdentityIsPassedOver() throws Exception {
        InMemoryDefinitionRepository received = new InMemoryDefinitionRepository();
        byte[] bytes = DefinitionDocuments.named(2565, 1);
        received.store(new ReceivedDefinition(Bundled.ID, 2565, 7, ReceivedDefinition.sha256(bytes), bytes));

        assertThat(new Questionnaires(received).forFiscalYear(2565).definition().key()).isEqualTo(Bundled.key());
        assertThat(new Questionnaires(received).byKey()).containsOnlyKeys(Bundled.key());
    }
}
