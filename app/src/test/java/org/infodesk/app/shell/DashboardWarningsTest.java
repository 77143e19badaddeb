package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.infodesk.app.lastyear.DemoSample;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard counts warnings as the form does: a large change from last year is one until it has its reason. */
class DashboardWarningsTest {

    @TempDir
    Path folder;

    private static long warnings(Store store, String domain) throws Exception {
        return Startup.dashboard(store, StoreFixture.QUESTIONNAIRE, LaoProfile.demo()).stream()
                .filter(s -> s.id().equals(domain)).mapToLong(DomainProgress.Summary::warnings).sum();
    }

    @Test
    void aLargeChangeFromLastYearIsAWarningUntilItHasItsReason() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            LaoProfile lao = LaoProfile.demo();
            DemoSample.installIfAbsent(new SqliteLastYearRepository(store, StoreFixture.DEFINITION), StoreFixture.DEFINITION, lao.code());
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            DomainKey roads = new DomainKey(lao.code(), StoreFixture.DEFINITION.fiscalYear(), "infrastructure");
            answers.save(new Edit(roads, "road_routes_total", new BigDecimal("58"), "somsri")); // as last year
            long before = warnings(store, "infrastructure");

            answers.save(new Edit(roads, "road_routes_total", new BigDecimal("580"), "somsri")); // ten times last year
            assertThat(warnings(store, "infrastructure")).isEqualTo(before + 1);

            answers.justify(roads, "road_routes_total", "รวมถนนที่รับโอนจากกรมทางหลวงชนบท", "somsri");
            assertThat(warnings(store, "infrastructure")).isEqualTo(before);
        }
    }
}
