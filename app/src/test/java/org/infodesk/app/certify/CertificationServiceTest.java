package org.infodesk.app.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.Edit;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteCertificationRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteUserRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.users.NewUser;
import org.infodesk.app.users.PasswordHasher;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.app.users.TestClock;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certification end to end below the screens: real SQLite, real Argon2id, the real device key. */
class CertificationServiceTest {

    private static final String PASSWORD = "มะม่วงสุกหวาน2564";
    private static final DomainKey INFRASTRUCTURE = new DomainKey("5650801", 2564, "infrastructure");
    private static final Answers SAMPLE = Fy2564Fixtures.complete(StoreFixture.DEFINITION);

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock(Instant.parse("2021-05-31T07:03:00Z"));
    private Store store;
    private SqliteAnswerRepository answers;
    private SqliteCertificationRepository certifications;
    private DeviceKeys keys;
    private CertificationService service;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(folder, clock);
        answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
        certifications = new SqliteCertificationRepository(store, answers);
        UserService users = new UserService(new SqliteUserRepository(store),
                new PasswordHasher(new PasswordHasher.Params(1024, 1, 1), new SecureRandom()), clock);
        User admin = users.createFirstAdmin("admin", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", PASSWORD);
        users.addUser(admin, new NewUser("malee", "นางมาลี รักษ์ถิ่น", "ปลัดเทศบาล", Set.of(Role.CERTIFIER)), PASSWORD);
        users.addUser(admin, new NewUser("somsri", "นางสมศรี ขยันดี", "เจ้าพนักงานธุรการ", Set.of(Role.DATA_ENTRY_OFFICER)),
                PASSWORD);
        keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
        service = new CertificationService(StoreFixture.QUESTIONNAIRE, answers, certifications, users, keys,
                keys.fingerprint().substring(0, 16), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void enterSample(DomainKey key) throws StoreException {
        for (Map.Entry<String, Object> e : SAMPLE.domain(key.domain()).entrySet()) {
            answers.save(new Edit(key, e.getKey(), e.getValue(), "somsri"));
        }
    }

    private CertificationService.Outcome.Refused refused(CertificationService.Outcome outcome) {
        assertThat(outcome).isInstanceOf(CertificationService.Outcome.Refused.class);
        return (CertificationService.Outcome.Refused) outcome;
    }

    @Test
    void aDataEntryOfficerCannotCertifyAndNothingIsStored() throws Exception {
        enterSample(INFRASTRUCTURE);

        var refusal = refused(service.certify(INFRASTRUCTURE, "somsri", PASSWORD, Answers.empty()));

        assertThat(refusal.reason()).isEqualTo(CertificationService.Reason.NOT_A_CERTIFIER);
        assertThat(certifications.snapshots(INFRASTRUCTURE)).isEmpty();
        assertThat(answers.current(INFRASTRUCTURE).state()).isEqualTo(DomainState.DRAFT);
    }

    @Test
    void aWrongPasswordIsASignInRefusalThatCountsTowardsTheLockOut() throws Exception {
        enterSample(INFRASTRUCTURE);

        var refusal = refused(service.certify(INFRASTRUCTURE, "malee", "not-her-password", Answers.empty()));

        assertThat(refusal.reason()).isEqualTo(CertificationService.Reason.NOT_SIGNED_IN);
        assertThat(refusal.signIn()).isEqualTo(new SignIn.WrongPassword(4));
        assertThat(certifications.snapshots(INFRASTRUCTURE)).isEmpty();
    }

    @Test
    void aDomainWithAnErrorIsRefused() throws Exception {
        enterSample(INFRASTRUCTURE);
        answers.save(new Edit(INFRASTRUCTURE, "road_km_total", null, "somsri")); // a required answer gone

        var refusal = refused(service.certify(INFRASTRUCTURE, "malee", PASSWORD, Answers.empty()));

        assertThat(refusal.reason()).isEqualTo(CertificationService.Reason.HAS_ERRORS);
        assertThat(refusal.readiness().errors()).anySatisfy(f -> assertThat(f.at().item()).isEqualTo("road_km_total"));
        assertThat(certifications.snapshots(INFRASTRUCTURE)).isEmpty();
    }

    @Test
    void aWarningNeedsItsJustificationBeforeCertifying() throws Exception {
        enterSample(INFRASTRUCTURE);
        // last year: far fewer street lights, a change beyond the item's threshold
        BigDecimal now = (BigDecimal) SAMPLE.get("infrastructure", "street_lights_total");
        Answers lastYear = SAMPLE.with("infrastructure", "street_lights_total", now.divide(BigDecimal.valueOf(4)));

        var refusal = refused(service.certify(INFRASTRUCTURE, "malee", PASSWORD, lastYear));
        assertThat(refusal.reason()).isEqualTo(CertificationService.Reason.UNJUSTIFIED_WARNINGS);
        assertThat(refusal.readiness().warnings()).extracting(Readiness.Warning::subject).contains("street_lights_total");

        answers.justify(INFRASTRUCTURE, "street_lights_total", "ติดตั้งโคมไฟถนนเพิ่มตามโครงการปี 2564", "somsri");
        var outcome = service.certify(INFRASTRUCTURE, "malee", PASSWORD, lastYear);

        assertThat(outcome).isInstanceOf(CertificationService.Outcome.Certified.class);
        SubmissionPayload payload = payloadOf(((CertificationService.Outcome.Certified) outcome).snapshot());
        assertThat(payload.justifications()).containsEntry("street_lights_total", "ติดตั้งโคมไฟถนนเพิ่มตามโครงการปี 2564");
    }

    @Test
    void certifyingSignsTheValuesAndTheCertifierAndFreezesTheRevisionInTheStore() throws Exception {
        enterSample(INFRASTRUCTURE);

        var outcome = service.certify(INFRASTRUCTURE, "malee", PASSWORD, Answers.empty());

        assertThat(outcome).isInstanceOf(CertificationService.Outcome.Certified.class);
        CertifiedSnapshot snapshot = ((CertificationService.Outcome.Certified) outcome).snapshot();
        // the signature verifies with the device's public key over the stored canonical bytes
        SubmissionCodec.verifyCanonical(snapshot.payload(), snapshot.digest(),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(snapshot.signature()), keys.publicKey());
        SubmissionPayload payload = payloadOf(snapshot);
        assertThat(payload.values()).isEqualTo(SAMPLE.domain("infrastructure"));
        assertThat(payload.certifier().name()).isEqualTo("นางมาลี รักษ์ถิ่น");
        assertThat(payload.certifier().position()).isEqualTo("ปลัดเทศบาล");
        assertThat(payload.certifiedAt()).isEqualTo(clock.instant());
        assertThat(payload.revision()).isEqualTo(1);
        assertThat(payload.supersedes()).isNull();
        assertThat(snapshot.digest()).isEqualTo(SubmissionCodec.digest(snapshot.payload()));
        // frozen below the screens: the store refuses any change, and it is queued to send
        assertThat(answers.current(INFRASTRUCTURE).state()).isEqualTo(DomainState.QUEUED); // certified, waiting in the outbox
        assertThatThrownBy(() -> answers.save(new Edit(INFRASTRUCTURE, "road_km_total", new BigDecimal("1"), "somsri")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.problem()).isEqualTo(StoreException.Problem.FROZEN));
        assertThat(new SqliteOutboxRepository(store).undelivered()).extracting(o -> o.submissionId())
                .containsExactly(snapshot.submissionId());
        // and certifying again is refused until it is amended
        assertThat(refused(service.certify(INFRASTRUCTURE, "malee", PASSWORD, Answers.empty())).reason())
                .isEqualTo(CertificationService.Reason.NOT_EDITABLE);
    }

    @Test
    void amendingOpensRevisionTwoWhoseCertificationSupersedesTheFirst() throws Exception {
        enterSample(INFRASTRUCTURE);
        CertifiedSnapshot first = ((CertificationService.Outcome.Certified) service.certify(INFRASTRUCTURE, "malee", PASSWORD,
                Answers.empty())).snapshot();

        certifications.amend(INFRASTRUCTURE, "somsri");
        answers.save(new Edit(INFRASTRUCTURE, "bridges_concrete", new BigDecimal("6"), "somsri"));
        clock.advance(java.time.Duration.ofDays(3));
        CertifiedSnapshot second = ((CertificationService.Outcome.Certified) service.certify(INFRASTRUCTURE, "malee", PASSWORD,
                Answers.empty())).snapshot();

        SubmissionPayload payload = payloadOf(second);
        assertThat(payload.revision()).isEqualTo(2);
        assertThat(payload.supersedes()).isEqualTo(1);
        assertThat(payload.values()).containsEntry("bridges_concrete", new BigDecimal("6"));
        assertThat(certifications.snapshots(INFRASTRUCTURE)).extracting(CertifiedSnapshot::revision).containsExactly(1, 2);
        assertThat(payloadOf(first).values()).isEqualTo(SAMPLE.domain("infrastructure")); // revision 1 as it was
    }

    private static SubmissionPayload payloadOf(CertifiedSnapshot snapshot) throws SubmissionException {
        return new SubmissionCodec(DefinitionLookup.of(StoreFixture.DEFINITION)).readPayload(snapshot.payload());
    }
}
