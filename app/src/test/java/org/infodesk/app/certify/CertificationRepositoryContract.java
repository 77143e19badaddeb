package org.infodesk.app.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.Edit;
import org.junit.jupiter.api.Test;

/** What every {@link CertificationRepository} does; run against the in-memory fake and SQLite. */
public abstract class CertificationRepositoryContract {

    protected static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");

    /** A fresh pair of repositories over one store. */
    public record Repos(AnswerRepository answers, CertificationRepository certifications) {}

    protected abstract Repos repos() throws Exception;

    protected static Certification certification(DomainKey key, int revision, String payload) {
        return new Certification(key, revision, UUID.randomUUID().toString(), payload.getBytes(StandardCharsets.UTF_8),
                "digest-" + payload.hashCode(), new byte[] {1, 2, 3}, "นายสมชาย ใจดี", "ปลัดเทศบาล",
                Instant.parse("2021-06-10T03:00:00Z"));
    }

    @Test
    void certifyingFreezesTheRevisionAndQueuesIt() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));

        CertifiedSnapshot s = r.certifications().certify(certification(ROADS, 1, "{\"r\":58}"));

        assertThat(s.revision()).isEqualTo(1);
        assertThat(new String(s.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"r\":58}");
        assertThat(s.certifierName()).isEqualTo("นายสมชาย ใจดี");
        assertThat(r.answers().current(ROADS).state()).isEqualTo(DomainState.QUEUED);
        assertThat(r.certifications().snapshot(s.submissionId())).contains(s);
    }

    @Test
    void aCertifiedValueCannotBeChanged() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        r.certifications().certify(certification(ROADS, 1, "{}"));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("59"), "somchai")));

        assertThat(e.problem()).isEqualTo(StoreException.Problem.FROZEN);
        assertThat(r.answers().current(ROADS).values()).containsEntry("road_routes_total", new BigDecimal("58"));
    }

    @Test
    void aRevisionThatIsNotTheCurrentOneCannotBeCertified() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> r.certifications().certify(certification(ROADS, 2, "{}")));

        assertThat(e.problem()).isEqualTo(StoreException.Problem.CONFLICT);
        assertThat(r.certifications().snapshots(ROADS)).isEmpty();
    }

    @Test
    void certifyingTwiceIsRefused() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        r.certifications().certify(certification(ROADS, 1, "{}"));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> r.certifications().certify(certification(ROADS, 1, "{}")));

        assertThat(e.problem()).isEqualTo(StoreException.Problem.FROZEN);
        assertThat(r.certifications().snapshots(ROADS)).hasSize(1);
    }

    @Test
    void amendingOpensTheNextRevisionFromTheCertifiedValuesAndCertifyingItSupersedes() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        CertifiedSnapshot first = r.certifications().certify(certification(ROADS, 1, "{\"r\":58}"));

        var amended = r.certifications().amend(ROADS, "somchai");
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("61"), "somchai"));
        CertifiedSnapshot second = r.certifications().certify(certification(ROADS, 2, "{\"r\":61}"));

        assertThat(amended.revision()).isEqualTo(2);
        assertThat(amended.state()).isEqualTo(DomainState.DRAFT);
        assertThat(amended.values()).containsEntry("road_routes_total", new BigDecimal("58"));
        assertThat(r.certifications().snapshots(ROADS)).containsExactly(first, second);
        assertThat(r.answers().current(ROADS).revision()).isEqualTo(2);
    }

    @Test
    void aDraftCannotBeAmended() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));

        StoreException e = catchThrowableOfType(StoreException.class, () -> r.certifications().amend(ROADS, "somchai"));

        assertThat(e.problem()).isEqualTo(StoreException.Problem.CONFLICT);
    }

    @Test
    void aCertifiedRevisionsJustificationsAreFrozenAndCarriedIntoTheAmendment() throws Exception {
        Repos r = repos();
        r.answers().save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        r.answers().justify(ROADS, "road_routes_total", "รับโอนถนน", "somchai");
        r.certifications().certify(certification(ROADS, 1, "{}"));

        StoreException e = catchThrowableOfType(StoreException.class,
                () -> r.answers().justify(ROADS, "road_routes_total", "แก้", "somchai"));
        r.certifications().amend(ROADS, "somchai");

        assertThat(e.problem()).isEqualTo(StoreException.Problem.FROZEN);
        assertThat(r.answers().justifications(ROADS)).containsEntry("road_routes_total", "รับโอนถนน");
    }
}
