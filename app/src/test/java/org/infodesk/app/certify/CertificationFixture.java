package org.infodesk.app.certify;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteCertificationRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteUserRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.users.NewUser;
import org.infodesk.app.users.PasswordHasher;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.TestClock;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.submission.SubmissionPayload;

/**
 * Certification's world, real throughout: a SQLite store in a test folder with the FY 2564
 * definition, three users (admin {@code admin}, certifier {@code malee}, data-entry officer
 * {@code somsri}; Argon2id with small parameters), the device key in the folder, and the service.
 */
public final class CertificationFixture implements AutoCloseable {

    public static final String PASSWORD = "มะม่วงสุกหวาน2564";
    /** The first password an admin gives a user, before they choose their own. */
    public static final String ADMIN_SET = "ผู้ดูแลตั้งให้2564";
    public static final DomainKey INFRASTRUCTURE = new DomainKey("5650801", 2564, "infrastructure");
    public static final Answers SAMPLE = Fy2564Fixtures.complete(StoreFixture.DEFINITION);

    public final TestClock clock = new TestClock(Instant.parse("2021-05-31T07:03:00Z"));
    public final Store store;
    public final SqliteAnswerRepository answers;
    public final SqliteCertificationRepository certifications;
    public final UserService users;
    public final DeviceKeys keys;
    public final CertificationService service;

    public CertificationFixture(Path folder) throws Exception {
        store = StoreFixture.open(folder, clock);
        answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
        certifications = new SqliteCertificationRepository(store, answers);
        users = userService(store, clock);
        User admin = users.createFirstAdmin("admin", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", PASSWORD);
        // the admin sets a first password; the certifier then chooses her own, as at her first sign-in
        users.addUser(admin, new NewUser("malee", "นางมาลี รักษ์ถิ่น", "ปลัดเทศบาล", Set.of(Role.CERTIFIER)), ADMIN_SET);
        users.changePassword("malee", ADMIN_SET, PASSWORD);
        users.addUser(admin, new NewUser("somsri", "นางสมศรี ขยันดี", "เจ้าพนักงานธุรการ", Set.of(Role.DATA_ENTRY_OFFICER)),
                PASSWORD);
        keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
        service = new CertificationService(StoreFixture.QUESTIONNAIRE, answers, certifications, users, keys,
                keys.keyId(), clock);
    }

    /** Users on the store with Argon2id's real code and small parameters (1 MiB, one pass), so that tests run fast. */
    public static UserService userService(Store store, Clock clock) {
        return new UserService(new SqliteUserRepository(store),
                new PasswordHasher(new PasswordHasher.Params(1024, 1, 1), new SecureRandom()), clock);
    }

    /** Enters the FY 2564 sample's values of a domain, one saved edit each, as the officer. */
    public void enterSample(DomainKey key) throws StoreException {
        for (Map.Entry<String, Object> e : SAMPLE.domain(key.domain()).entrySet()) {
            answers.save(new Edit(key, e.getKey(), e.getValue(), "somsri"));
        }
    }

    /** Last year as the sample, but with a quarter of the street lights: one change beyond its threshold. */
    public static Answers lastYearWithFewerStreetLights() {
        BigDecimal now = (BigDecimal) SAMPLE.get("infrastructure", "street_lights_total");
        return SAMPLE.with("infrastructure", "street_lights_total", now.divide(BigDecimal.valueOf(4)));
    }

    public static SubmissionPayload payloadOf(CertifiedSnapshot snapshot) throws SubmissionException {
        return new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION)).readPayload(snapshot.payload());
    }

    /** Checks the stored signature over the stored canonical bytes with the device's public key. */
    public void verify(CertifiedSnapshot snapshot) throws SubmissionException {
        SubmissionCodec.verifyCanonical(snapshot.payload(), snapshot.digest(),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(snapshot.signature()), keys.publicKey());
    }

    @Override
    public void close() {
        store.close();
    }
}
