package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.LocalText;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrolment survives a restart exactly as the server gave it, and a new enrolment replaces the old. */
class SqliteAccountRepositoryTest {

    @TempDir
    Path folder;

    static final EnrolmentResponse.Office WANG_THONG = new EnrolmentResponse.Office(
            new LocalText("เทศบาลตำบลวังทอง", "Wang Thong Subdistrict Municipality"), "วังทอง", "พิษณุโลก");

    static ServerAccount account(String deviceId, KeyPair serverKey, String lao, String district) {
        return account(deviceId, serverKey, lao, district, null);
    }

    static ServerAccount account(String deviceId, KeyPair serverKey, String lao, String district, EnrolmentResponse.Office office) {
        EnrolmentResponse enrolment = new EnrolmentResponse(deviceId, "tok_" + "x".repeat(39), Ed25519Keys.encode(serverKey.getPublic()),
                Ed25519Keys.keyId(serverKey.getPublic()), lao, district, office,
                new ProtocolLimits(1 << 20, 8 << 20, 50, 1 << 19, 60, 500));
        return new ServerAccount(HttpUrl.get("https://infodesk.example.go.th/central/"), enrolment, Instant.parse("2026-11-26T03:04:05Z"));
    }

    @Test
    void anEnrolmentReadsBackAfterTheStoreIsOpenedAgain() throws Exception {
        ServerAccount saved = account("3f2a9c4e-0b7d-4e1a-9c55-6b1f0d2e8a41", Ed25519Keys.generate(), "5650801", null, WANG_THONG);
        try (Store store = StoreFixture.open(folder)) {
            assertThat(new SqliteAccountRepository(store).current()).isEmpty();
            new SqliteAccountRepository(store).save(saved);
        }

        try (Store store = StoreFixture.open(folder)) {
            ServerAccount read = new SqliteAccountRepository(store).current().orElseThrow();
            assertThat(read).isEqualTo(saved);
            assertThat(read.enrolment().serverKey()).isEqualTo(saved.enrolment().serverKey());
            assertThat(read.enrolment().office().name().th()).isEqualTo("เทศบาลตำบลวังทอง");
        }
    }

    @Test
    void enrollingAgainReplacesTheEarlierEnrolment() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            SqliteAccountRepository accounts = new SqliteAccountRepository(store);
            accounts.save(account("first-device", Ed25519Keys.generate(), "5650801", null));
            ServerAccount district = account("district-device", Ed25519Keys.generate(), null, "6509");

            accounts.save(district);

            assertThat(accounts.current()).contains(district);
        }
    }
}
