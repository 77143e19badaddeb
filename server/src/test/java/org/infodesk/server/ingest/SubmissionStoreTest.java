package org.infodesk.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.storage.Database;
import org.infodesk.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once by the database: the same submission, or rival revisions, stored from many connections at once. */
class SubmissionStoreTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;
    static Database database;
    static UUID device;
    static SubmissionStore store;

    static final Instant CERTIFIED_AT = Instant.parse("2025-09-01T03:00:00.250Z");
    static final SubmissionStore.ReceiptMaker RECEIPTS = (incoming, receivedAt) -> new SubmissionStore.Receipt(
            receivedAt, ("receipt " + incoming.submissionId()).getBytes(StandardCharsets.UTF_8), new byte[64], "test-key");

    @BeforeAll
    static void laoAndDevice() throws Exception {
        database = Database.open(new Database.Settings(java.util.Optional.of(postgres.newDatabaseUrl()),
                java.util.Optional.empty(), java.util.Optional.empty(), dataDir, 20));
        new Registry(database.dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        Enrolment enrolment = new Enrolment(database.dataSource(), Clock.systemUTC());
        device = ((Enrolment.Redemption.Enrolled) enrolment.redeem(
                enrolment.issue(new Enrolment.Target.OfLao("5650801"), Duration.ofDays(1)).code(),
                Ed25519Keys.generate().getPublic())).deviceId();
        store = new SubmissionStore(database.dataSource(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static SubmissionStore.Incoming submission(UUID id, String domain, int revision, String content) throws Exception {
        byte[] payload = content.getBytes(StandardCharsets.UTF_8);
        return new SubmissionStore.Incoming(id, "5650801", 2568, domain, revision, revision == 1 ? null : revision - 1, "fy2568-v1",
                MessageDigest.getInstance("SHA-256").digest(payload), payload, CERTIFIED_AT, new byte[64], "test-key", device,
                null);
    }

    @Test
    void theSameSubmissionAgainIsADuplicateWithTheFirstReceiptAndTheSameIdForOtherContentIsRefused() throws Exception {
        UUID id = UUID.randomUUID();
        var first = (SubmissionStore.Outcome.Accepted) store.store(submission(id, "finance", 1, "a"), RECEIPTS);

        var again = store.store(submission(id, "finance", 1, "a"), RECEIPTS);
        var changed = store.store(submission(id, "finance", 1, "b"), RECEIPTS);

        assertThat(again).isInstanceOfSatisfying(SubmissionStore.Outcome.Duplicate.class, duplicate -> {
            assertThat(duplicate.receivedAt()).isEqualTo(first.receivedAt());
            assertThat(duplicate.receipt().body()).isEqualTo(first.receipt().body());
        });
        assertThat(changed).isEqualTo(new SubmissionStore.Outcome.IdReused(id));
        assertThat(rows("finance")).isEqualTo(1);
    }

    @Test
    void aRevisionThatDoesNotSupersedeTheHeadIsAConflictNamingTheHead() throws Exception {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        store.store(submission(one, "education", 1, "r1"), RECEIPTS);
        assertThat(store.store(submission(two, "education", 2, "r2"), RECEIPTS)).isInstanceOf(SubmissionStore.Outcome.Accepted.class);

        assertThat(store.store(submission(UUID.randomUUID(), "education", 1, "r1 again"), RECEIPTS))
                .isEqualTo(new SubmissionStore.Outcome.Conflict(two, 2));
        assertThat(store.store(submission(UUID.randomUUID(), "education", 2, "rival r2"), RECEIPTS))
                .isEqualTo(new SubmissionStore.Outcome.Conflict(two, 2));
        assertThat(rows("education")).isEqualTo(2);
    }

    @Test
    void aRevisionMustNameTheHeadsRevisionButTheFirstRevisionHeldNeedNotBeOne() throws Exception {
        UUID two = UUID.randomUUID();
        var base = submission(UUID.randomUUID(), "solid_waste", 4, "r4 skipping r3");
        var skipping = new SubmissionStore.Incoming(base.submissionId(), base.laoCode(), base.fiscalYear(), base.domain(), 4, 3,
                base.definitionVersion(), base.digest(), base.payload(), base.certifiedAt(), base.signature(), base.keyId(), base.deviceId(), null);

        assertThat(store.store(submission(two, "solid_waste", 2, "r2, its r1 never arrived"), RECEIPTS))
                .isInstanceOf(SubmissionStore.Outcome.Accepted.class);
        assertThat(store.precheck(skipping)).contains(new SubmissionStore.Outcome.Conflict(two, 2));
        assertThat(store.store(skipping, RECEIPTS)).isEqualTo(new SubmissionStore.Outcome.Conflict(two, 2));
        assertThat(store.store(submission(UUID.randomUUID(), "solid_waste", 1, "r1, late"), RECEIPTS))
                .isEqualTo(new SubmissionStore.Outcome.Conflict(two, 2));
        assertThat(store.precheck(submission(UUID.randomUUID(), "solid_waste", 3, "r3"))).isEmpty();
        assertThat(rows("solid_waste")).isEqualTo(1);
    }

    @Test
    void thePrecheckFindsADomainsHeadByTheIndexNotByReadingEveryHead() throws Exception {
        var batch = List.of(submission(UUID.randomUUID(), "planning", 1, "p"), submission(UUID.randomUUID(), "parks", 1, "q"));
        StringBuilder plan = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var off = connection.createStatement()) {
                off.execute("SET LOCAL enable_seqscan = off"); // a table scan then only where no index can serve
            }
            try (PreparedStatement explain = SubmissionStore.headsQuery(connection, "EXPLAIN ", batch);
                 ResultSet line = explain.executeQuery()) {
                while (line.next()) {
                    plan.append(line.getString(1)).append('\n');
                }
            }
            connection.rollback();
        }

        assertThat(plan.toString()).as(plan::toString).contains("domain_head_pkey").containsPattern("Index Cond: \\(+lao_code = ANY")
                .doesNotContain("Seq Scan");
    }

    @Test
    void sixteenClientsPushingTheSameSubmissionAtOnceStoreOneRow() throws Exception {
        SubmissionStore.Incoming same = submission(UUID.randomUUID(), "health", 1, "same");

        List<SubmissionStore.Outcome> outcomes = atOnce(16, i -> same);

        assertThat(outcomes).filteredOn(SubmissionStore.Outcome.Accepted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(SubmissionStore.Outcome.Duplicate.class::isInstance).hasSize(15);
        assertThat(rows("health")).isEqualTo(1);
    }

    @Test
    void sixteenRivalSubmissionsOfOneRevisionStoreOneAndTheOthersNameIt() throws Exception {
        List<SubmissionStore.Outcome> outcomes = atOnce(16, i -> submission(UUID.randomUUID(), "infrastructure", 1, "rival " + i));

        assertThat(outcomes).filteredOn(SubmissionStore.Outcome.Accepted.class::isInstance).hasSize(1);
        UUID winner = ((SubmissionStore.Outcome.Accepted) outcomes.stream()
                .filter(SubmissionStore.Outcome.Accepted.class::isInstance).findFirst().orElseThrow()).submissionId();
        assertThat(outcomes).filteredOn(SubmissionStore.Outcome.Conflict.class::isInstance).hasSize(15)
                .allSatisfy(conflict -> assertThat(conflict).isEqualTo(new SubmissionStore.Outcome.Conflict(winner, 1)));
        assertThat(rows("infrastructure")).isEqualTo(1);
    }

    @Test
    void deliveriesRacingThroughPrecheckAndStoreAreDuplicatesNeverAConflictWithThemselves() throws Exception {
        for (int round = 0; round < 20; round++) {
            SubmissionStore.Incoming same = submission(UUID.randomUUID(), "race_" + round, 1, "same " + round);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SubmissionStore.Outcome>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        // What ingest does: the precheck, then (if it says nothing) the store.
                        var early = store.precheck(same);
                        return early.isPresent() ? early.get() : store.store(same, RECEIPTS);
                    }));
                }
                start.countDown();
                for (Future<SubmissionStore.Outcome> future : futures) {
                    assertThat(future.get()).isInstanceOfAny(SubmissionStore.Outcome.Accepted.class, SubmissionStore.Outcome.Duplicate.class);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    interface Maker {
        SubmissionStore.Incoming make(int i) throws Exception;
    }

    static List<SubmissionStore.Outcome> atOnce(int clients, Maker maker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SubmissionStore.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                SubmissionStore.Incoming incoming = maker.make(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return store.store(incoming, RECEIPTS);
                }));
            }
            start.countDown();
            List<SubmissionStore.Outcome> outcomes = new ArrayList<>();
            for (Future<SubmissionStore.Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static int rows(String domain) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM submission WHERE domain = ?")) {
            select.setString(1, domain);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
