package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Gzip;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.support.Devices;
import org.infodesk.server.support.Devices.Device;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.support.Devices;
import org.infodesk.server.support.Devices.Device;
import org.infodesk.server.support.TestServers;
import static org.infodesk.server.support.Devices.CODEC;
import static org.infodesk.server.support.Devices.DEFINITION;
import static org.infodesk.server.support.Devices.batch;
import static org.infodesk.server.support.Devices.enrolmentBody;
import static org.infodesk.server.support.Devices.payload;
import static org.infodesk.server.support.Devices.sign;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolment and push over real HTTP against the real server on PostgreSQL (SPEC §4.4, §4.6;
 * issue 6, acceptance 1): each case asserts the answer and what the database holds afterwards.
 * The tests share one server: what one stores for an LAO is in a domain of the FY 2564 sample that no
 * other test stores in for that LAO (infrastructure, judged by the rule tests, stores nothing).
 */
class PushTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;

    static final int MAX_BODY = 256 * 1024;
    static final String LAO = "5650801";
    static final String NEIGHBOUR = "6650801";
    static final String ELSEWHERE = "3650101";
    /** The provincial administrative organisation: an LAO only one test pushes for. */
    static final String PROVINCE = "2650101";
    static InfoDeskServer server;
    static Devices devices;
    static Enrolment enrolment;
    static HttpClient client;
    static Device lao;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(postgres, dataDir, MAX_BODY);
        new Registry(server.database().dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        devices = new Devices(server);
        enrolment = devices.enrolment();
        client = devices.client();
        lao = enrol(new Enrolment.Target.OfLao(LAO));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ------------------------------------------------------------------ enrolment

    @Test
    void aCodeEnrolsOnceAndTheAnswerCarriesTheServerKeyWhatTheDeviceSpeaksForAndTheLimits() throws Exception {
        String code = enrolment.issue(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"), Duration.ofDays(1)).code();
        KeyPair keys = Ed25519Keys.generate();

        HttpResponse<byte[]> first = post(Routes.ENROL.path(), enrolmentBody(code, keys));
        HttpResponse<byte[]> again = post(Routes.ENROL.path(), enrolmentBody(code, Ed25519Keys.generate()));

        assertThat(first.statusCode()).isEqualTo(201);
        EnrolmentResponse response = WireCodec.read(first.body(), EnrolmentResponse.class);
        assertThat(response.serverPublicKey()).isEqualTo(server.keys().publicKeyText());
        assertThat(response.serverKeyId()).isEqualTo(server.keys().keyId());
        assertThat(response.laoCode()).isNull();
        assertThat(response.districtCode()).isEqualTo("6508");
        assertThat(response.office().name().th()).isEqualTo("ท้องถิ่นอำเภอวังทอง");
        assertThat(response.office().district()).isEqualTo("วังทอง");
        assertThat(response.office().province()).isEqualTo("พิษณุโลก");
        assertThat(response.limits().maxBodyBytes()).isEqualTo(MAX_BODY);
        assertThat(enrolment.authenticate(response.token())).hasValueSatisfying(device ->
                assertThat(device.publicKey()).isEqualTo(keys.getPublic()));
        assertProblem(again, 403, "BAD_ENROLMENT_CODE");
        String fresh = enrolment.issue(new Enrolment.Target.OfLao(LAO), Duration.ofDays(1)).code();
        String shortKey = "{\"enrolment_code\":\"" + fresh + "\",\"public_key\":\"AAAA\",\"device_label\":\"PC\"}";
        assertProblem(post(Routes.ENROL.path(), shortKey.getBytes(StandardCharsets.UTF_8)), 400, "BAD_VALUE");
        assertProblem(post(Routes.ENROL.path(), "{\"enrolment_code\":".getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_JSON");
        assertThat(count("SELECT count(*) FROM enrolment_code WHERE used_at IS NULL AND lao_code = ?", LAO)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM device WHERE id::text = ?", response.deviceId())).isEqualTo(1);
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void aSignedEnvelopeIsAcceptedWithAReceiptThatVerifiesAndAgainIsADuplicateWithTheSameReceipt() throws Exception {
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, domain(0), 1, null));
        UUID id = envelope.payload().submissionId();

        ItemOutcome first = pushOne(lao, envelope);
        ItemOutcome again = pushOne(lao, envelope);

        assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(first.receipt().confirms(lao.enrolled().serverKey(), id, envelope.digest())).isTrue();
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.receipt().confirms(lao.enrolled().serverKey(), id, envelope.digest())).isTrue();
        assertThat(again.receipt().receivedAt()).isEqualTo(first.receipt().receivedAt());
        assertThat(rows(id)).isEqualTo(1);
        assertThat(timestamp("SELECT received_at FROM submission WHERE submission_id = ?", id))
                .isEqualTo(first.receipt().receivedAt());
        assertThat(count("SELECT count(*) FROM receipt WHERE submission_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM domain_head WHERE submission_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM submission WHERE submission_id = ? AND relay_device_id IS NULL"
                + " AND device_id::text = ?", id, lao.enrolled().deviceId())).isEqualTo(1);
        assertThat(storedEnvelope(id)).as("the envelope rebuilt from the stored row is the one sent")
                .isEqualTo(CODEC.write(envelope));
    }

    @Test
    void theReceiptAnsweredForAnAcceptedEnvelopeIsTheOneStoredWithIt() throws Exception {
        Device device = enrol(new Enrolment.Target.OfLao("6650803"));
        SubmissionEnvelope envelope = sign(device, payload(device, "6650803", domain(0), 1, null));
        UUID id = envelope.payload().submissionId();

        Receipt answered = pushOne(device, envelope).receipt();

        assertThat(answered.confirms(device.enrolled().serverKey(), id, envelope.digest())).isTrue();
        assertThat(count("SELECT count(*) FROM receipt WHERE submission_id = ? AND body = ? AND signature = ? AND key_id = ?",
                id, answered.canonicalBytes(), java.util.Base64.getUrlDecoder().decode(answered.signature()),
                answered.serverKeyId())).isEqualTo(1);
    }

    @Test
    void theSameIdWithOtherValuesIsAConflictAndTheFirstStaysStored() throws Exception {
        SubmissionPayload original = payload(lao, LAO, domain(1), 1, null);
        SubmissionEnvelope first = sign(lao, original);
        SubmissionEnvelope other = sign(lao, new SubmissionPayload(original.submissionId(), LAO, 2564, original.domainId(), 1,
                null, original.definitionId(), 1, original.values(), original.justifications(),
                original.certifier(), original.certifiedAt().plusSeconds(1), original.deviceId()));

        assertThat(pushOne(lao, first).outcome()).isEqualTo(Outcome.ACCEPTED);
        ItemOutcome reused = pushOne(lao, other);

        assertThat(reused.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(reused.problemCode()).isEqualTo("ID_REUSED");
        assertThat(reused.receipt()).isNull();
        assertThat(count("SELECT count(*) FROM submission WHERE submission_id = ? AND digest = decode(?, 'hex')",
                original.submissionId(), first.digest())).isEqualTo(1);
    }

    @Test
    void aRevisionThatDoesNotSupersedeTheHeadIsAConflictNamingTheHead() throws Exception {
        String domain = domain(2);
        SubmissionEnvelope r1 = sign(lao, payload(lao, LAO, domain, 1, null));
        SubmissionEnvelope r2 = sign(lao, payload(lao, LAO, domain, 2, 1));
        SubmissionEnvelope rival = sign(lao, payload(lao, LAO, domain, 3, 1));
        SubmissionEnvelope anotherFirst = sign(lao, payload(lao, LAO, domain, 1, null));

        List<ItemOutcome> outcomes = push(lao, r1, r2, rival, anotherFirst);

        assertThat(outcomes).extracting(ItemOutcome::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.CONFLICT, Outcome.CONFLICT);
        for (ItemOutcome conflict : outcomes.subList(2, 4)) {
            assertThat(conflict.problemCode()).isEqualTo("NOT_SUPERSEDING");
            assertThat(conflict.conflictHead().submissionId()).isEqualTo(r2.payload().submissionId());
            assertThat(conflict.conflictHead().revision()).isEqualTo(2);
        }
        assertThat(count("SELECT count(*) FROM submission WHERE lao_code = ? AND domain = ?", LAO, domain)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM domain_head WHERE lao_code = ? AND domain = ? AND revision = 2 AND submission_id = ?",
                LAO, domain, r2.payload().submissionId())).isEqualTo(1);
    }

    @Test
    void sixteenClientsPushingTheSameEnvelopeAtOnceStoreOneRowAndAllGetAReceiptOfTheSameTime() throws Exception {
        Device device = enrol(new Enrolment.Target.OfLao("6650802"));
        SubmissionEnvelope envelope = sign(device, payload(device, "6650802", domain(0), 1, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ItemOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return pushOne(device, envelope);
                }));
            }
            start.countDown();
            List<ItemOutcome> outcomes = new ArrayList<>();
            for (var future : futures) {
                outcomes.add(future.get());
            }

            String seen = outcomes.stream().map(o -> o.outcome() + " " + o.problemCode() + " " + o.detail()).toList().toString();
            assertThat(outcomes).as(seen).filteredOn(o -> o.outcome() == Outcome.ACCEPTED).hasSize(1);
            assertThat(outcomes).as(seen).filteredOn(o -> o.outcome() == Outcome.DUPLICATE).hasSize(15);
            assertThat(outcomes).extracting(o -> o.receipt().receivedAt()).containsOnly(outcomes.get(0).receipt().receivedAt());
            assertThat(rows(envelope.payload().submissionId())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ refused items

    @Test
    void oneChangedByteInThePayloadIsRejectedAndOnlyTheGoodEnvelopesOfTheBatchAreStored() throws Exception {
        SubmissionEnvelope good = sign(lao, payload(lao, LAO, domain(4), 1, null));
        SubmissionEnvelope victim = sign(lao, payload(lao, LAO, domain(5), 1, null));
        String text = new String(CODEC.write(victim), StandardCharsets.UTF_8);
        String changed = text.replace("\"certified_at\":\"2026-", "\"certified_at\":\"2025-");
        assertThat(changed).isNotEqualTo(text);

        HttpResponse<byte[]> response = post(Routes.PUSH.path(), lao.token(),
                WireCodec.writeBatch(new PushBatch(List.of(changed, new String(CODEC.write(good), StandardCharsets.UTF_8)))));

        List<ItemOutcome> outcomes = WireCodec.read(response.body(), PushResult.class).outcomes();
        assertThat(outcomes.get(0).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcomes.get(0).problemCode()).isEqualTo("DIGEST_MISMATCH");
        assertThat(outcomes.get(0).submissionId()).isEqualTo(victim.payload().submissionId());
        assertThat(outcomes.get(1).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(rows(victim.payload().submissionId())).isZero();
        assertThat(count("SELECT count(*) FROM domain_head WHERE lao_code = ? AND domain = ?", LAO, domain(5))).isZero();
        assertThat(rows(good.payload().submissionId())).isEqualTo(1);
    }

    @Test
    void anUnknownQuestionnaireVersionIsRejectedWithItsCode() throws Exception {
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, domain(5), 1, null));
        String text = new String(CODEC.write(envelope), StandardCharsets.UTF_8).replace("\"definition_version\":1", "\"definition_version\":2");

        ItemOutcome outcome = pushTexts(lao, text).get(0);

        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.problemCode()).isEqualTo("UNKNOWN_DEFINITION");
        assertThat(rows(envelope.payload().submissionId())).isZero();
    }

    @Test
    void valuesTheRulesRefuseAreRejectedWithTheFindings() throws Exception {
        Answers broken = Fy2564Fixtures.patched(DEFINITION, Fy2564Fixtures.ruleCases().get("road_km_sum").get("fail"));
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, "infrastructure", 1, null, broken));

        ItemOutcome outcome = pushOne(lao, envelope);

        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.problemCode()).isEqualTo("RULE_ERRORS");
        assertThat(outcome.findings()).extracting(f -> f.ruleId()).contains("road_km_sum");
        assertThat(rows(envelope.payload().submissionId())).isZero();
    }

    @Test
    void aWarningWithoutItsJustificationIsRejected() throws Exception {
        Answers warned = Fy2564Fixtures.patched(DEFINITION, Fy2564Fixtures.ruleCases().get("road_avg_length").get("fail"));
        SubmissionPayload justified = payload(lao, LAO, "infrastructure", 1, null, warned);
        assertThat(justified.justifications()).containsKey("rule:road_avg_length");
        SubmissionEnvelope unjustified = sign(lao, new SubmissionPayload(justified.submissionId(), LAO, 2564,
                "infrastructure", 1, null, justified.definitionId(), 1, justified.values(), Map.of(), justified.certifier(),
                justified.certifiedAt(), justified.deviceId()));

        ItemOutcome outcome = pushOne(lao, unjustified);

        assertThat(outcome.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(outcome.problemCode()).isEqualTo("UNJUSTIFIED_WARNINGS");
        assertThat(outcome.findings()).extracting(f -> f.ruleId()).contains("road_avg_length");
        assertThat(rows(unjustified.payload().submissionId())).isZero();
    }

    @Test
    void aPayloadCertifiedBeforeEnrolmentNamesItsDeviceByTheKeyIdAndIsAccepted() throws Exception {
        Device province = enrol(new Enrolment.Target.OfLao(PROVINCE));
        String keyId = Ed25519Keys.keyId(province.keys().getPublic());
        SubmissionEnvelope envelope = sign(province, naming(payload(province, PROVINCE, domain(3), 1, null), keyId));

        ItemOutcome outcome = pushOne(province, envelope);

        assertThat(outcome.outcome()).as(outcome.detail()).isEqualTo(Outcome.ACCEPTED);
        assertThat(count("SELECT count(*) FROM submission WHERE submission_id = ? AND device_id::text = ?",
                envelope.payload().submissionId(), province.enrolled().deviceId())).isEqualTo(1);
    }

    @Test
    void aPayloadNamingAnotherDeviceThanTheOneOfItsKeyOrAKeyNoDeviceHasIsAnUnknownKey() throws Exception {
        Device other = enrol(new Enrolment.Target.OfLao(LAO));
        SubmissionEnvelope namingOther = sign(lao, naming(payload(lao, LAO, domain(3), 9, 8), other.enrolled().deviceId()));
        KeyPair stranger = Ed25519Keys.generate();
        SubmissionPayload byStranger = payload(lao, LAO, domain(3), 9, 8);
        SubmissionEnvelope unpinned = CODEC.sign(byStranger, stranger.getPrivate(), Ed25519Keys.keyId(stranger.getPublic()));

        List<ItemOutcome> outcomes = push(lao, namingOther, unpinned);

        assertThat(outcomes).extracting(ItemOutcome::outcome).containsOnly(Outcome.UNAUTHORIZED);
        assertThat(outcomes).extracting(ItemOutcome::problemCode).containsOnly("UNKNOWN_KEY");
        assertThat(rows(namingOther.payload().submissionId()) + rows(unpinned.payload().submissionId())).isZero();
    }

    @Test
    void anLaoDevicePushingForAnotherLaoIsUnauthorizedAndNothingIsStored() throws Exception {
        SubmissionEnvelope envelope = sign(lao, payload(lao, NEIGHBOUR, domain(0), 1, null));

        ItemOutcome outcome = pushOne(lao, envelope);

        assertThat(outcome.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(outcome.problemCode()).isEqualTo("WRONG_LAO");
        assertThat(count("SELECT count(*) FROM submission WHERE lao_code = ?", NEIGHBOUR)).isZero();
    }

    @Test
    void aRevokedDeviceIsRefusedWith403AndWhatItSignedIsRefusedWhenRelayed() throws Exception {
        Device revoked = enrol(new Enrolment.Target.OfLao(NEIGHBOUR));
        Device district = enrol(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"));
        SubmissionEnvelope envelope = sign(revoked, payload(revoked, NEIGHBOUR, domain(1), 1, null));
        assertThat(enrolment.revoke(UUID.fromString(revoked.enrolled().deviceId()))).isTrue();

        HttpResponse<byte[]> direct = post(Routes.PUSH.path(), revoked.token(), WireCodec.writeBatch(batch(envelope)));
        ItemOutcome relayed = pushOne(district, envelope);

        assertProblem(direct, 403, "DEVICE_REVOKED");
        assertThat(relayed.outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(relayed.problemCode()).isEqualTo("ORIGIN_REVOKED");
        assertThat(rows(envelope.payload().submissionId())).isZero();
    }

    @Test
    void aDistrictDeviceRelaysForItsLaosOnlyAndBothDevicesAreRecorded() throws Exception {
        Device district = enrol(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"));
        Device far = enrol(new Enrolment.Target.OfLao(ELSEWHERE));
        SubmissionEnvelope inside = sign(lao, payload(lao, LAO, domain(6), 1, null));
        SubmissionEnvelope outside = sign(far, payload(far, ELSEWHERE, domain(6), 1, null));

        List<ItemOutcome> outcomes = push(district, inside, outside);

        assertThat(outcomes.get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(outcomes.get(1).outcome()).isEqualTo(Outcome.UNAUTHORIZED);
        assertThat(outcomes.get(1).problemCode()).isEqualTo("OUTSIDE_DISTRICT");
        assertThat(count("SELECT count(*) FROM submission WHERE submission_id = ? AND device_id::text = ? AND relay_device_id::text = ?",
                inside.payload().submissionId(), lao.enrolled().deviceId(), district.enrolled().deviceId())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM submission WHERE lao_code = ?", ELSEWHERE)).isZero();
    }

    // ------------------------------------------------------------------ refused requests

    @Test
    void oversizedBodiesZipBombsAndTooManyItemsAre413AndStoreNothing() throws Exception {
        long before = count("SELECT count(*) FROM submission");
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, domain(7), 1, null));
        byte[] random = new byte[MAX_BODY + 1];
        new java.util.Random(1).nextBytes(random);
        byte[] bomb = Gzip.compress(new byte[32 * 1024 * 1024]);
        PushBatch tooMany = new PushBatch(Collections.nCopies(101, new String(CODEC.write(envelope), StandardCharsets.UTF_8)));

        assertProblem(post(Routes.PUSH.path(), lao.token(), random), 413, "BODY_TOO_LARGE");
        assertProblem(post(Routes.PUSH.path(), lao.token(), bomb), 413, "INFLATED_TOO_LARGE");
        assertProblem(post(Routes.PUSH.path(), lao.token(), WireCodec.writeBatch(tooMany)), 413, "TOO_MANY_ITEMS");
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(before);
    }

    @Test
    void aClientStillSendingAnOversizedBodyReadsThe413InsteadOfAReset() throws Exception {
        // Far more than the socket buffers hold: were the server to answer and close at once, the
        // client would still be writing and get a reset instead of the answer.
        byte[] large = new byte[12 * 1024 * 1024];
        new java.util.Random(2).nextBytes(large);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertProblem(post(Routes.PUSH.path(), lao.token(), large), 413, "BODY_TOO_LARGE");
        }
    }

    @Test
    void aRefusedRequestLeavesItsConnectionFitForTheNextRequest() throws Exception {
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, domain(7), 1, null));
        byte[] good = WireCodec.writeBatch(batch(envelope));
        byte[] random = new byte[MAX_BODY + 1];
        new java.util.Random(3).nextBytes(random);

        for (int round = 0; round < 50; round++) {
            assertProblem(post(Routes.PUSH.path(), lao.token(), random), 413, "BODY_TOO_LARGE");
            assertThat(post(Routes.PUSH.path(), lao.token(), good).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void malformedJsonNotGzipAndNoGzipEncodingAreRefusedWithTheirCodes() throws Exception {
        long before = count("SELECT count(*) FROM submission");

        assertProblem(post(Routes.PUSH.path(), lao.token(), Gzip.compress("{\"envelopes\": [{".getBytes(StandardCharsets.UTF_8))),
                400, "MALFORMED_JSON");
        assertProblem(post(Routes.PUSH.path(), lao.token(), "{\"envelopes\":[]}".getBytes(StandardCharsets.UTF_8)), 400, "BAD_GZIP");
        HttpResponse<byte[]> plain = client.send(request(Routes.PUSH.path(), Routes.PROTOCOL_VERSION)
                .header("Authorization", "Bearer " + lao.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"envelopes\":[]}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(plain, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(before);
    }

    @Test
    void anUnknownProtocolVersionOrNoTokenIsRefusedBeforeAnythingIsRead() throws Exception {
        SubmissionEnvelope envelope = sign(lao, payload(lao, LAO, domain(7), 1, null));
        byte[] body = WireCodec.writeBatch(batch(envelope));

        HttpResponse<byte[]> version2 = client.send(request(Routes.PUSH.path(), "2")
                .header("Authorization", "Bearer " + lao.token()).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> noToken = client.send(request(Routes.PUSH.path(), Routes.PROTOCOL_VERSION)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertProblem(version2, 400, "UNSUPPORTED_PROTOCOL");
        assertProblem(noToken, 401, "UNAUTHENTICATED");
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(rows(envelope.payload().submissionId())).isZero();
    }

    // ------------------------------------------------------------------ helpers (support.Devices)

    static String domain(int index) {
        return Devices.domain(index);
    }

    static Device enrol(Enrolment.Target target) throws Exception {
        return devices.enrol(target);
    }

    /** The payload as certified by a device named {@code deviceId}. */
    static SubmissionPayload naming(SubmissionPayload p, String deviceId) {
        return new SubmissionPayload(p.submissionId(), p.laoCode(), p.fiscalYear(), p.domainId(), p.revision(), p.supersedes(),
                p.definitionId(), p.definitionVersion(), p.values(), p.justifications(), p.certifier(), p.certifiedAt(), deviceId);
    }

    static ItemOutcome pushOne(Device device, SubmissionEnvelope envelope) throws Exception {
        return push(device, envelope).get(0);
    }

    static List<ItemOutcome> push(Device device, SubmissionEnvelope... envelopes) throws Exception {
        return devices.push(device, envelopes);
    }

    static List<ItemOutcome> pushTexts(Device device, String... envelopes) throws Exception {
        return devices.pushTexts(device, envelopes);
    }

    static HttpRequest.Builder request(String path, String version) {
        return devices.request(path, version);
    }

    static HttpResponse<byte[]> post(String path, byte[] json) throws Exception {
        return devices.post(path, json);
    }

    static HttpResponse<byte[]> post(String path, String token, byte[] gzip) throws Exception {
        return devices.post(path, token, gzip);
    }

    static void assertProblem(HttpResponse<byte[]> response, int status, String code) throws Exception {
        Devices.assertProblem(response, status, code);
    }

    static long rows(UUID id) throws Exception {
        return count("SELECT count(*) FROM submission WHERE submission_id = ?", id);
    }

    static long count(String sql, Object... parameters) throws Exception {
        return devices.count(sql, parameters);
    }

    static byte[] storedEnvelope(UUID submissionId) throws Exception {
        return devices.storedEnvelope(submissionId);
    }

    static Instant timestamp(String sql, Object parameter) throws Exception {
        return devices.timestamp(sql, parameter);
    }
}
