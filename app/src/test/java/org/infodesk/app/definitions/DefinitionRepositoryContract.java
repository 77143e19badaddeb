package org.infodesk.app.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every {@link DefinitionRepository} does; run against the in-memory fake and SQLite. */
public abstract class DefinitionRepositoryContract {

    protected abstract DefinitionRepository repository() throws Exception;

    static ReceivedDefinition document(int fiscalYear, int version, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ReceivedDefinition(Bundled.ID, fiscalYear, version, ReceivedDefinition.sha256(bytes), bytes);
    }

    @Test
    void aStoredDefinitionIsFoundWithItsExactBytesAndNothingElseIs() throws Exception {
        DefinitionRepository repo = repository();
        ReceivedDefinition stored = document(2565, 1, "{ \"a\": 1 }\n");

        assertThat(repo.find(Bundled.ID, 2565, 1)).isEmpty();
        repo.store(stored);

        assertThat(repo.find(Bundled.ID, 2565, 1)).hasValueSatisfying(d -> {
            assertThat(d).isEqualTo(stored);
            assertThat(d.document()).isEqualTo("{ \"a\": 1 }\n".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(repo.find(Bundled.ID, 2565, 2)).isEmpty();
        assertThat(repo.find("another-id", 2565, 1)).isEmpty();
    }

    @Test
    void aFiscalYearsDefinitionsComeHighestVersionFirstAndTheSameIdentityAgainReplaces() throws Exception {
        DefinitionRepository repo = repository();
        repo.store(document(2565, 1, "{\"v\": 1}"));
        repo.store(document(2565, 3, "{\"v\": 3}"));
        repo.store(document(2566, 1, "{\"v\": 1, \"y\": 2566}"));
        repo.store(document(2565, 2, "{\"v\": 2}"));
        ReceivedDefinition corrected = document(2565, 3, "{\"v\": 3, \"corrected\": true}");

        repo.store(corrected);

        assertThat(repo.ofFiscalYear(2565)).extracting(ReceivedDefinition::version).containsExactly(3, 2, 1);
        assertThat(repo.ofFiscalYear(2565).get(0)).isEqualTo(corrected);
        assertThat(repo.ofFiscalYear(2564)).isEmpty();
        assertThat(repo.all()).hasSize(4);
    }
}
