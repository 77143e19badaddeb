package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.lastyear.LastYearFile;
import org.infodesk.app.lastyear.UpdateWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last year's certified values come in from a file and start this year's drafts. */
class UpdateWorkflowTest {

    @TempDir
    Path folder;
    @TempDir
    Path files;

    private static final String LAST_YEAR = """
        {"lao": "5650801", "fiscalYear": 2563,
         "answers": {"infrastructure": {"road_routes_total": "55", "road_km_total": "40.1", "retired_item": 3},
                     "internal_governance": {"total_households": 3580}}}""";

    @Test
    void importedValuesStartTheNewYearsDraftAndUnknownItemsAreDropped() throws Exception {
        Path file = Files.writeString(files.resolve("fy2563.json"), LAST_YEAR);
        try (Store store = StoreFixture.open(folder)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            UpdateWorkflow update = new UpdateWorkflow(answers, new SqliteLastYearRepository(store, StoreFixture.DEFINITION),
                    StoreFixture.DEFINITION);

            LastYearFile.Contents contents = update.importFile(file);
            var draft = update.startFromLastYear(new DomainKey("5650801", 2564, "infrastructure"), "somchai");

            assertThat(contents.dropped()).containsExactly("infrastructure.retired_item");
            assertThat(draft.state()).isEqualTo(DomainState.DRAFT);
            assertThat(draft.revision()).isEqualTo(1);
            assertThat(draft.values()).containsEntry("road_routes_total", new BigDecimal("55"))
                    .containsEntry("road_km_total", new BigDecimal("40.1"));
            assertThat(update.lastYear(new DomainKey("5650801", 2564, "internal_governance"))
                    .get("internal_governance", "total_households")).isEqualTo(new BigDecimal("3580"));
            assertThat(answers.audit(draft.key())).hasSize(2);
        }
    }

    @Test
    void aFileWithAValueOfTheWrongTypeIsRefusedAndNothingIsStored() throws Exception {
        Path file = Files.writeString(files.resolve("bad.json"),
                LAST_YEAR.replace("\"road_routes_total\": \"55\"", "\"road_routes_total\": \"many\""));
        try (Store store = StoreFixture.open(folder)) {
            SqliteLastYearRepository lastYear = new SqliteLastYearRepository(store, StoreFixture.DEFINITION);
            UpdateWorkflow update = new UpdateWorkflow(new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key()),
                    lastYear, StoreFixture.DEFINITION);

            StoreException e = catchThrowableOfType(StoreException.class, () -> update.importFile(file));

            assertThat(e.problem()).isEqualTo(StoreException.Problem.BAD_FILE);
            assertThat(e.getMessage()).contains("infrastructure.road_routes_total");
            assertThat(lastYear.values("5650801", 2563).domainIds()).isEmpty();
        }
    }
}
