package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.infodesk.app.sync.ProxySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy chosen on the enrolment screen, kept in the store across restarts. */
class SqliteProxyRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void beforeAnyChoiceTheSystemsProxyIsUsed() throws Exception {
        try (Store store = StoreFixture.open(folder, Clock.systemUTC())) {
            assertThat(new SqliteProxyRepository(store).current()).isEqualTo(ProxySettings.SYSTEM);
        }
    }

    @Test
    void aManualProxyWithItsUserSurvivesAReopenAndALaterChoiceReplacesIt() throws Exception {
        ProxySettings manual = new ProxySettings(ProxySettings.Mode.MANUAL, "proxy.amphoe.local", 3128, "somchai", "ลับมาก");
        try (Store store = StoreFixture.open(folder, Clock.systemUTC())) {
            new SqliteProxyRepository(store).save(manual);
        }
        try (Store store = StoreFixture.open(folder, Clock.systemUTC())) {
            SqliteProxyRepository proxies = new SqliteProxyRepository(store);
            assertThat(proxies.current()).isEqualTo(manual);

            proxies.save(ProxySettings.NONE);

            assertThat(proxies.current()).isEqualTo(ProxySettings.NONE);
        }
    }
}
