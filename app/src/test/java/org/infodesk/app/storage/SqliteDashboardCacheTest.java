package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.infodesk.app.dashboard.DashboardCache;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.form.DomainState;
import org.infodesk.protocol.answers.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDashboardCacheTest {

    @TempDir
    Path folder;

    @Test
    void theSavedDashboardComesBackAfterReopeningTheStoreForTheLatestYear() throws Exception {
        List<DomainProgress.Summary> computed = new java.util.ArrayList<>(DomainProgress.of(StoreFixture.QUESTIONNAIRE, Answers.empty()));
        DomainProgress.Summary first = computed.get(0);
        computed.set(0, new DomainProgress.Summary(first.id(), first.order(), first.label(), first.required(), 3, 2, 1,
                DomainState.DRAFT, Instant.parse("2021-05-31T07:03:00Z")));
        try (Store store = StoreFixture.open(folder)) {
            new SqliteDashboardCache(store).save("5650801", 2563, StoreFixture.DEFINITION.key(), computed.subList(0, 1));
            new SqliteDashboardCache(store).save("5650801", 2564, StoreFixture.DEFINITION.key(), computed);
        }
        try (Store store = StoreFixture.open(folder)) {
            DashboardCache.Saved saved = new SqliteDashboardCache(store).latest("5650801").orElseThrow();

            assertThat(saved.fiscalYear()).isEqualTo(2564);
            assertThat(saved.summaries()).isEqualTo(computed);
            assertThat(new SqliteDashboardCache(store).latest("1234567")).isEmpty();
        }
    }

    @Test
    void aRowThisVersionCannotReadMeansComputingInsteadNotFailingTheStart() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            new SqliteDashboardCache(store).save("5650801", 2564, StoreFixture.DEFINITION.key(),
                    DomainProgress.of(StoreFixture.QUESTIONNAIRE, Answers.empty()));
            store.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE dashboard_summary SET state = 'A_STATE_FROM_THE_FUTURE' WHERE domain_order = 3");
                }
                return null;
            });

            assertThat(new SqliteDashboardCache(store).latest("5650801")).isEmpty();
        }
    }
}
