package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.server.support.Devices.assertProblem;
import static org.infodesk.server.support.Devices.domain;
import static org.infodesk.server.support.Devices.payload;
import static org.infodesk.server.support.Devices.sign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.changes.ChangeLog;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.support.Devices;
import org.infodesk.server.support.Devices.Device;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.storage.Transactions;
import org.infodesk.server.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull and the definition route over real HTTP against the real server on PostgreSQL (SPEC §4.8):
 * what each device's feed holds, paging by the cursor, refused cursors, and the definition bytes
 * that the {@code definition} change names. The server answers at most 3 changes a pull, so that
 * paging shows with few changes. Each test enrols its own devices, for LAOs no other test pushes for.
 */
class PullTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;

    static final int PAGE = 3;
    static final String WANG_THONG = "วังทอง";
    static final String MUEANG = "เมืองพิษณุโลก";
    static final String PROVINCE = "พิษณุโลก";

    static InfoDeskServer server;
    static Devices devices;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(postgres.newDatabaseUrl(), dataDir, Map.of("max-changes-per-pull", String.valueOf(PAGE)));
        new Registry(server.database().dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        devices = new Devices(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewDevicesFeedBeginsWithTheDefinitionHeldWhoseBytesTheDefinitionRouteServesWithThatDigest() throws Exception {
        Device device = devices.enrol(new Enrolment.Target.OfLao("6650806"));

        PullResponse first = pull(device, null);

        assertThat(first.changes()).hasSize(1);
        Change.NewDefinition named = (Change.NewDefinition) first.changes().get(0);
        assertThat(named.definitionId()).isEqualTo(Devices.DEFINITION.id());
        assertThat(named.fiscalYear()).isEqualTo(2564);
        assertThat(named.version()).isEqualTo(1);
        HttpResponse<byte[]> definition = devices.get(definitionPath(named.definitionId(), "2564", "1"), device.token());
        assertThat(definition.statusCode()).isEqualTo(200);
        assertThat(definition.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(definition.body()))).isEqualTo(named.digest());
        assertThat(definition.body()).isEqualTo(Devices.class.getResourceAsStream(
                org.infodesk.protocol.rules.Questionnaire.FY2564).readAllBytes());
        assertProblem(devices.get(definitionPath(named.definitionId(), "2564", "2"), device.token()), 404, "NOT_FOUND");
        assertProblem(devices.get(definitionPath(named.definitionId(), "2565", "1"), device.token()), 404, "NOT_FOUND");
        assertProblem(devices.get(definitionPath("Not-An-Id", "2564", "1"), device.token()), 400, "BAD_VALUE");
        assertProblem(devices.get(definitionPath(named.definitionId(), "25x4", "1"), device.token()), 400, "BAD_VALUE");
        assertProblem(devices.get(definitionPath(named.definitionId(), "2564", "1"), "A".repeat(43)), 401, "UNAUTHENTICATED");
    }

    @Test
    void aDeliveredSubmissionReachesItsDistrictOfficeAsDeliveredAndNoOtherDevice() throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao("6650803"));
        Device neighbour = devices.enrol(new Enrolment.Target.OfLao("6650804"));
        Device elsewhere = devices.enrol(new Enrolment.Target.OfLao("6650102"));
        Device wangThong = devices.enrol(new Enrolment.Target.OfDistrict(WANG_THONG, PROVINCE));
        Device mueang = devices.enrol(new Enrolment.Target.OfDistrict(MUEANG, PROVINCE));
        String laoCursor = pullAll(lao, null).cursor();
        String neighbourCursor = pullAll(neighbour, null).cursor();
        String elsewhereCursor = pullAll(elsewhere, null).cursor();
        String wangThongCursor = pullAll(wangThong, null).cursor();
        String mueangCursor = pullAll(mueang, null).cursor();

        SubmissionEnvelope mine = sign(lao, payload(lao, "6650803", domain(3), 1, null));
        SubmissionEnvelope theirs = sign(elsewhere, payload(elsewhere, "6650102", domain(3), 1, null));
        assertThat(devices.push(lao, mine).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(devices.push(elsewhere, theirs).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);

        List<Change> district = pullAll(wangThong, wangThongCursor).changes();
        assertThat(district).hasSize(1);
        Change.LaoStatus status = (Change.LaoStatus) district.get(0);
        assertThat(status.laoCode()).isEqualTo("6650803");
        assertThat(status.submissionId()).isEqualTo(mine.payload().submissionId());
        assertThat(status.state()).isEqualTo(Change.State.DELIVERED);
        assertThat(status.revision()).isEqualTo(1);
        assertThat(status.receivedAt()).isEqualTo(devices.timestamp("SELECT received_at FROM submission WHERE submission_id = ?",
                mine.payload().submissionId()));
        assertThat(pullAll(mueang, mueangCursor).changes()).singleElement()
                .satisfies(c -> assertThat(((Change.LaoStatus) c).laoCode()).isEqualTo("6650102"));
        // LAO devices are not told their own deliveries (the receipt does), nor anyone else's.
        assertThat(pullAll(lao, laoCursor).changes()).isEmpty();
        assertThat(pullAll(neighbour, neighbourCursor).changes()).isEmpty();
        assertThat(pullAll(elsewhere, elsewhereCursor).changes()).isEmpty();
    }

    @Test
    void aPullGivesAtMostTheLimitWithMoreAndTheRestAfterItsCursorThenNothingNew() throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao("6650807"));
        Device district = devices.enrol(new Enrolment.Target.OfDistrict(WANG_THONG, PROVINCE));
        String start = pullAll(district, null).cursor();
        List<UUID> pushed = new ArrayList<>();
        for (int i = 0; i < PAGE + 2; i++) {
            SubmissionEnvelope envelope = sign(lao, payload(lao, "6650807", domain(i), 1, null));
            assertThat(devices.push(lao, envelope).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
            pushed.add(envelope.payload().submissionId());
        }

        PullResponse first = pull(district, start);
        PullResponse second = pull(district, first.cursor());
        PullResponse again = pull(district, second.cursor());
        PullResponse firstAgain = pull(district, start);

        assertThat(first.changes()).hasSize(PAGE);
        assertThat(first.more()).isTrue();
        assertThat(second.changes()).hasSize(2);
        assertThat(second.more()).isFalse();
        List<Change> all = new ArrayList<>(first.changes());
        all.addAll(second.changes());
        assertThat(all).extracting(c -> ((Change.LaoStatus) c).submissionId()).containsExactlyElementsOf(pushed);
        assertThat(again.changes()).isEmpty();
        assertThat(again.more()).isFalse();
        assertThat(again.cursor()).isEqualTo(second.cursor());
        // Pulling again after a lost answer gives the same changes (SPEC §4.8: applied idempotently).
        assertThat(firstAgain).isEqualTo(first);
    }

    @Test
    void aChangeCommittedLateIsNotSkippedBecauseLaterChangesWaitForIt() throws Exception {
        Device district = devices.enrol(new Enrolment.Target.OfDistrict(WANG_THONG, PROVINCE));
        Device lao = devices.enrol(new Enrolment.Target.OfLao("6650805"));
        String cursor = pullAll(district, null).cursor();
        ChangeLog log = new ChangeLog(server.database().dataSource(), java.time.Clock.systemUTC());
        Change early = new Change.LaoStatus("6650801", 2564, domain(7), 1, UUID.randomUUID(), Change.State.DELIVERED,
                java.time.Instant.parse("2026-11-26T08:00:00.000Z"));
        SubmissionEnvelope late = sign(lao, payload(lao, "6650805", domain(7), 1, null));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Outcome> push;
        PullResponse meanwhile;
        try (Connection slow = server.database().dataSource().getConnection()) {
            // A transaction takes its change's id first and commits last.
            slow.setAutoCommit(false);
            log.forDistrictOf(slow, "6650801", early);
            push = pool.submit(() -> devices.push(lao, late).get(0).outcome());
            awaitAWaiterOnTheChangeLogLock();

            meanwhile = pull(district, cursor);
            slow.commit();
        } finally {
            pool.shutdown();
        }

        assertThat(push.get()).isEqualTo(Outcome.ACCEPTED);
        assertThat(meanwhile.changes()).isEmpty();
        assertThat(meanwhile.cursor()).isEqualTo(cursor);
        assertThat(pullAll(district, meanwhile.cursor()).changes()).containsExactly(early, new Change.LaoStatus("6650805", 2564,
                domain(7), 1, late.payload().submissionId(), Change.State.DELIVERED, devices.timestamp(
                        "SELECT received_at FROM submission WHERE submission_id = ?", late.payload().submissionId())));
    }

    /** Until a session waits for the change log's advisory lock (SPEC §4.8: appends commit in id order), at most 60 s. */
    static void awaitAWaiterOnTheChangeLogLock() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND ((classid::bigint << 32) | objid::bigint) = " + ChangeLog.LOCK;
        while (devices.count(waiting) == 0) {
            assertThat(System.nanoTime()).as("a push waiting for the change log's lock").isLessThan(deadline);
        }
    }

    @Test
    void anAnswerEndsBeforeTheSizeAReaderAcceptsWithMore() throws Exception {
        Device device = devices.enrol(new Enrolment.Target.OfLao("2650101"));
        String start = pullAll(device, null).cursor();
        ChangeLog log = new ChangeLog(server.database().dataSource(), java.time.Clock.systemUTC());
        ObjectNode values = JsonNodeFactory.instance.objectNode().put("note", "ก".repeat(500_000));
        for (int year = 2561; year < 2564; year++) {
            Change change = new Change.LastYearValues("2650101", year, domain(0), 1, Devices.DEFINITION.id(), 1, values);
            Transactions.commitIf(server.database().dataSource(), c -> {
                log.forLao(c, "2650101", change);
                return null;
            }, done -> true);
        }

        PullResponse first = pull(device, start);
        PullResponse rest = pull(device, first.cursor());

        // Each change is 1.5 MB of UTF-8: two fit under 4 MiB, the third waits though the count limit is 3.
        assertThat(first.changes()).hasSize(2);
        assertThat(first.more()).isTrue();
        assertThat(rest.changes()).hasSize(1);
        assertThat(rest.more()).isFalse();
    }

    @Test
    void aCursorTheServerDidNotGiveIsBadCursor() throws Exception {
        Device device = devices.enrol(new Enrolment.Target.OfLao("5650101"));
        String given = pull(device, null).cursor();
        String[] parts = given.split("\\.");
        String otherLog = "1." + (parts[1].startsWith("0") ? "1" : "0") + parts[1].substring(1) + "." + parts[2];
        String pastTheEnd = "1." + parts[1] + ".999999999";

        for (String cursor : List.of("abc", "", otherLog, pastTheEnd, "2." + parts[1] + "." + parts[2], given + "0", "1." + parts[1] + ".-1")) {
            assertProblem(devices.get(Routes.PULL.path() + "?since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    device.token()), 400, "BAD_CURSOR");
        }
        assertProblem(devices.get(Routes.PULL.path() + "?since=" + given + "&since=" + given, device.token()), 400, "BAD_CURSOR");
        assertThat(pull(device, given).changes()).isEmpty();
    }

    @Test
    void pullNeedsTheProtocolHeaderAndAnUnrevokedDevicesToken() throws Exception {
        Device device = devices.enrol(new Enrolment.Target.OfLao("4650101"));
        HttpResponse<byte[]> noVersion = devices.client().send(devices.request(Routes.PULL.path(), "2")
                .header("Authorization", "Bearer " + device.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(noVersion, 400, "UNSUPPORTED_PROTOCOL");
        assertProblem(devices.get(Routes.PULL.path(), "A".repeat(43)), 401, "UNAUTHENTICATED");

        devices.enrolment().revoke(UUID.fromString(device.enrolled().deviceId()));

        assertProblem(devices.get(Routes.PULL.path(), device.token()), 403, "DEVICE_REVOKED");
    }

    // ------------------------------------------------------------------ helpers

    static String definitionPath(String id, String year, String version) {
        return Routes.DEFINITION.path().replace("{definition_id}", id).replace("{fiscal_year}", year).replace("{version}", version);
    }

    static PullResponse pull(Device device, String since) throws Exception {
        return pull(devices, device, since);
    }

    static PullResponse pull(Devices devices, Device device, String since) throws Exception {
        HttpResponse<byte[]> response = devices.get(Routes.PULL.path() + (since == null ? "" : "?since=" + since), device.token());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        PullResponse answer = WireCodec.read(response.body(), PullResponse.class);
        assertThat(answer.changes().size()).isLessThanOrEqualTo(device.enrolled().limits().maxChangesPerPull());
        return answer;
    }

    static PullResponse pullAll(Device device, String since) throws Exception {
        return pullAll(devices, device, since);
    }

    /** Pulls until nothing more waits: every change after {@code since}, and the last cursor. */
    static PullResponse pullAll(Devices devices, Device device, String since) throws Exception {
        List<Change> changes = new ArrayList<>();
        PullResponse answer;
        String cursor = since;
        do {
            answer = pull(devices, device, cursor);
            changes.addAll(answer.changes());
            cursor = answer.cursor();
        } while (answer.more());
        return new PullResponse(cursor, false, changes);
    }
}
