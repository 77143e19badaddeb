package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.server.support.Devices.domain;
import static org.infodesk.server.support.Devices.payload;
import static org.infodesk.server.support.Devices.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerMain;
import org.infodesk.server.support.Devices;
import org.infodesk.server.support.Devices.Device;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Review over real HTTP and by the command line against the real server on PostgreSQL: reviewer
 * accounts by command, decisions by command and by {@code POST /review/v1/...}, and what the LAO's
 * and its district's devices then pull (SPEC §4.8). Each test pushes for an LAO of its own.
 */
class ReviewTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;

    static final String PROVINCE = "พิษณุโลก";
    static final String WANG_THONG = "วังทอง";
    static final ObjectMapper JSON = new ObjectMapper();

    static String url;
    static InfoDeskServer server;
    static Devices devices;
    /** A reviewer of the whole country, one of the province, one of the district of Mueang Phitsanulok. */
    static String country;
    static String province;
    static String mueang;

    @BeforeAll
    static void start() throws Exception {
        url = postgres.newDatabaseUrl();
        server = TestServers.start(url, dataDir, Map.of());
        new Registry(server.database().dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        devices = new Devices(server);
        country = addReviewer("dla.central", "กรมส่งเสริมการปกครองท้องถิ่น");
        province = addReviewer("phitsanulok", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก", "--province", PROVINCE);
        mueang = addReviewer("mueang.phs", "ท้องถิ่นอำเภอเมืองพิษณุโลก", "--province", PROVINCE, "--district", "เมืองพิษณุโลก");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void addReviewerPrintsATokenOnceAndKeepsOnlyItsHash() throws Exception {
        Command added = command("add-reviewer", "--username", "wangthong.review", "--name", "ท้องถิ่นอำเภอวังทอง",
                "--province", PROVINCE, "--district", WANG_THONG);
        Command again = command("add-reviewer", "--username", "wangthong.review", "--name", "อีกคน");
        Command nowhere = command("add-reviewer", "--username", "nowhere", "--name", "X", "--province", "ไม่มีจังหวัดนี้");

        assertThat(added.exit()).isZero();
        String token = added.out().lines().findFirst().orElseThrow();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(added.out()).contains("district วังทอง, พิษณุโลก");
        assertThat(devices.count("SELECT count(*) FROM reviewer WHERE username = 'wangthong.review' AND token_hash = sha256(?::bytea)",
                token.getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
        assertThat(devices.count("SELECT count(*) FROM reviewer WHERE display_name LIKE '%' || ? || '%'", token)).isZero();
        assertThat(again.exit()).isEqualTo(ServerMain.REFUSED);
        assertThat(nowhere.exit()).isEqualTo(ServerMain.REFUSED);
        assertThat(nowhere.err()).contains("not in the registry");
    }

    @Test
    void aReturnByCommandAndAnAcceptanceOverHttpReachTheLaoAndItsDistrictByPullAndNoOtherLao() throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao("6650801"));
        Device district = devices.enrol(new Enrolment.Target.OfDistrict(WANG_THONG, PROVINCE));
        Device neighbour = devices.enrol(new Enrolment.Target.OfLao("6650803"));
        String neighbourCursor = PullTest.pullAll(devices, neighbour, null).cursor();
        String laoCursor = PullTest.pullAll(devices, lao, null).cursor();
        String districtCursor = PullTest.pullAll(devices, district, null).cursor();
        SubmissionEnvelope r1 = sign(lao, payload(lao, "6650801", domain(0), 1, null));
        SubmissionEnvelope r2 = sign(lao, payload(lao, "6650801", domain(0), 2, 1));
        UUID id1 = r1.payload().submissionId();
        assertThat(devices.push(lao, r1).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);

        Command returned = command("review", "return", id1.toString(), "--reviewer", "phitsanulok",
                "--comment", "กรุณาตรวจสอบระยะทางถนนลาดยางอีกครั้ง");

        assertThat(returned.exit()).as(returned.err()).isZero();
        var laoFeed = PullTest.pullAll(devices, lao, laoCursor);
        Change.Decision decision = (Change.Decision) laoFeed.changes().get(0);
        assertThat(laoFeed.changes()).hasSize(1);
        assertThat(decision.submissionId()).isEqualTo(id1);
        assertThat(decision.verdict()).isEqualTo(Change.Verdict.RETURNED);
        assertThat(decision.comment()).isEqualTo("กรุณาตรวจสอบระยะทางถนนลาดยางอีกครั้ง");
        assertThat(decision.reviewer()).isEqualTo("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก");
        var districtFeed = PullTest.pullAll(devices, district, districtCursor);
        assertThat(districtFeed.changes()).hasSize(3);
        assertThat(((Change.LaoStatus) districtFeed.changes().get(0)).state()).isEqualTo(Change.State.DELIVERED);
        assertThat(districtFeed.changes().get(1)).isEqualTo(decision);
        assertThat(((Change.LaoStatus) districtFeed.changes().get(2)).state()).isEqualTo(Change.State.RETURNED);
        assertThat(heads(country, "state=RETURNED&fiscal_year=2564")).contains(id1.toString());

        // The LAO corrects it: revision 2 makes the domain DELIVERED again, and is accepted over HTTP.
        assertThat(devices.push(lao, r2).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(heads(country, "state=DELIVERED")).contains(r2.payload().submissionId().toString()).doesNotContain(id1.toString());
        HttpResponse<String> accepted = decide(province, r2.payload().submissionId().toString(), "{\"verdict\":\"ACCEPTED\"}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.get("verdict").asText()).isEqualTo("ACCEPTED");
        assertThat(body.get("revision").asInt()).isEqualTo(2);
        assertThat(body.get("comment").isNull()).isTrue();
        assertThat(body.get("reviewer_username").asText()).isEqualTo("phitsanulok");
        List<Change> after = PullTest.pullAll(devices, lao, laoFeed.cursor()).changes();
        assertThat(after).hasSize(2);
        assertThat(((Change.Decision) after.get(0)).verdict()).isEqualTo(Change.Verdict.ACCEPTED);
        Change.LastYearValues values = (Change.LastYearValues) after.get(1);
        assertThat(values.fiscalYear()).isEqualTo(2564);
        assertThat(values.domainId()).isEqualTo(domain(0));
        assertThat(values.revision()).isEqualTo(2);
        assertThat(values.definitionId()).isEqualTo(Devices.DEFINITION.id());
        assertThat(values.values()).isEqualTo(JSON.readTree(Devices.CODEC.canonicalPayload(r2.payload())).get("values"));
        assertThat(PullTest.pullAll(devices, district, districtFeed.cursor()).changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("LaoStatus", "Decision", "LaoStatus");
        // Another LAO of the same district is told nothing of it.
        assertThat(PullTest.pullAll(devices, neighbour, neighbourCursor).changes()).isEmpty();
    }

    @Test
    void aReturnNeedsACommentAndARefusedDecisionStoresNothing() throws Exception {
        UUID id = delivered("6650802", 1);

        HttpResponse<String> noComment = decide(country, id.toString(), "{\"verdict\":\"RETURNED\"}");
        HttpResponse<String> blank = decide(country, id.toString(), "{\"verdict\":\"RETURNED\",\"comment\":\"  \"}");
        HttpResponse<String> tooLong = decide(country, id.toString(), "{\"verdict\":\"RETURNED\",\"comment\":\"" + "ก".repeat(2001) + "\"}");
        Command byCommand = command("review", "return", id.toString(), "--reviewer", "dla.central");

        assertProblem(noComment, 400, "BAD_VALUE");
        assertProblem(blank, 400, "BAD_VALUE");
        assertProblem(tooLong, 400, "BAD_VALUE");
        assertThat(byCommand.exit()).isEqualTo(2);
        assertThat(byCommand.err()).contains("--comment");
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id = ?", id)).isZero();
        assertThat(decide(country, id.toString(), "{\"verdict\":\"RETURNED\",\"comment\":\"" + "ก".repeat(2000) + "\"}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void aReviewerOutsideItsScopeIsForbiddenAndSeesOnlyItsScope() throws Exception {
        UUID wangThong = delivered("6650805", 1);
        UUID mueangLao = delivered("6650103", 1);

        assertProblem(decide(mueang, wangThong.toString(), "{\"verdict\":\"ACCEPTED\"}"), 403, "NOT_IN_SCOPE");
        assertProblem(get(mueang, ReviewApi.SUBMISSIONS + "?province=" + enc(PROVINCE) + "&district=" + enc(WANG_THONG)), 403,
                "NOT_IN_SCOPE");
        assertProblem(get(province, ReviewApi.SUBMISSIONS + "?province=" + enc("สุโขทัย")), 403, "NOT_IN_SCOPE");
        assertThat(heads(mueang, "")).contains(mueangLao.toString()).doesNotContain(wangThong.toString());
        assertThat(heads(province, "")).contains(mueangLao.toString(), wangThong.toString());
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id = ?", wangThong)).isZero();
        assertThat(decide(mueang, mueangLao.toString(), "{\"verdict\":\"ACCEPTED\",\"comment\":null}").statusCode()).isEqualTo(201);
    }

    @Test
    void aRevokedOrUnknownReviewerIsUnauthenticated() throws Exception {
        String token = addReviewer("leaving", "ผู้ตรวจที่ย้ายไป");
        UUID id = delivered("6650806", 1);
        assertThat(get(token, ReviewApi.SUBMISSIONS).statusCode()).isEqualTo(200);

        assertThat(command("revoke-reviewer", "leaving").exit()).isZero();

        HttpResponse<String> revoked = decide(token, id.toString(), "{\"verdict\":\"ACCEPTED\"}");
        assertProblem(revoked, 401, "UNAUTHENTICATED");
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(get(token, ReviewApi.SUBMISSIONS), 401, "UNAUTHENTICATED");
        assertProblem(get("A".repeat(43), ReviewApi.SUBMISSIONS), 401, "UNAUTHENTICATED");
        assertProblem(send(HttpRequest.newBuilder(uri(ReviewApi.SUBMISSIONS)).GET()), 401, "UNAUTHENTICATED");
        assertThat(command("review", "accept", id.toString(), "--reviewer", "leaving").exit()).isEqualTo(ServerMain.REFUSED);
        assertThat(command("revoke-reviewer", "leaving").exit()).isEqualTo(ServerMain.REFUSED);
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id = ?", id)).isZero();
    }

    @Test
    void onlyTheHeadIsDecidedAndADecisionIsFinal() throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao("5650801"));
        SubmissionEnvelope r1 = sign(lao, payload(lao, "5650801", domain(1), 1, null));
        SubmissionEnvelope r2 = sign(lao, payload(lao, "5650801", domain(1), 2, 1));
        assertThat(devices.push(lao, r1, r2)).extracting(o -> o.outcome()).containsOnly(Outcome.ACCEPTED);
        String id1 = r1.payload().submissionId().toString();
        String id2 = r2.payload().submissionId().toString();

        assertProblem(decide(country, id1, "{\"verdict\":\"ACCEPTED\"}"), 409, "NOT_HEAD");
        Command notHead = command("review", "accept", id1, "--reviewer", "dla.central");
        assertThat(notHead.exit()).isEqualTo(ServerMain.REFUSED);
        assertThat(notHead.err()).contains("NOT_HEAD");
        assertThat(decide(country, id2, "{\"verdict\":\"ACCEPTED\"}").statusCode()).isEqualTo(201);
        assertProblem(decide(country, id2, "{\"verdict\":\"ACCEPTED\"}"), 409, "ALREADY_DECIDED");
        assertProblem(decide(country, id2, "{\"verdict\":\"RETURNED\",\"comment\":\"ผิด\"}"), 409, "ALREADY_DECIDED");
        assertThat(command("review", "return", id2, "--reviewer", "dla.central", "--comment", "ผิด").exit()).isEqualTo(ServerMain.REFUSED);
        assertProblem(decide(country, UUID.randomUUID().toString(), "{\"verdict\":\"ACCEPTED\"}"), 404, "NOT_FOUND");
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id::text IN (?, ?)", id1, id2)).isEqualTo(1);
        assertThat(devices.count("SELECT count(*) FROM change_log WHERE kind = 'decision' AND convert_from(body, 'UTF8') LIKE '%' || ? || '%'",
                id2)).isEqualTo(2);
    }

    @Test
    void aDecisionAndItsChangesAreWrittenAtomically() throws Exception {
        UUID id = delivered("6650101", 1);
        long changesBefore = devices.count("SELECT count(*) FROM change_log");
        // The last change of an acceptance cannot be written: the decision must not be either.
        execute("ALTER TABLE change_log ADD CONSTRAINT test_no_last_year CHECK (kind <> 'last_year_values') NOT VALID");
        HttpResponse<String> failed;
        try {
            failed = decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\"}");
        } finally {
            execute("ALTER TABLE change_log DROP CONSTRAINT test_no_last_year");
        }

        assertProblem(failed, 503, "UNAVAILABLE");
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id = ?", id)).isZero();
        assertThat(devices.count("SELECT count(*) FROM change_log")).isEqualTo(changesBefore);
        assertThat(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\"}").statusCode()).isEqualTo(201);
        assertThat(devices.count("SELECT count(*) FROM change_log")).isEqualTo(changesBefore + 4);
    }

    @Test
    void badInputIsAProblemWithItsCodeNeverAServerError() throws Exception {
        UUID id = delivered("6650104", 1);
        String path = ReviewApi.DECISION.replace("{submission_id}", id.toString());

        assertProblem(decide(country, "not-a-uuid", "{\"verdict\":\"ACCEPTED\"}"), 400, "BAD_VALUE");
        assertProblem(decide(country, id.toString().toUpperCase(), "{\"verdict\":\"ACCEPTED\"}"), 400, "BAD_VALUE");
        assertProblem(decide(country, id.toString(), "{\"verdict\":"), 400, "MALFORMED_JSON");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\"} []"), 400, "MALFORMED_JSON");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\",\"verdict\":\"RETURNED\"}"), 400, "MALFORMED_JSON");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\",\"by\":\"me\"}"), 400, "UNKNOWN_FIELD");
        assertProblem(decide(country, id.toString(), "{\"verdict\":1}"), 400, "WRONG_TYPE");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"accepted\"}"), 400, "BAD_VALUE");
        assertProblem(decide(country, id.toString(), "{}"), 400, "MISSING_FIELD");
        assertProblem(decide(country, id.toString(), "[]"), 400, "MALFORMED_JSON");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\",\"comment\":5}"), 400, "WRONG_TYPE");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\",\"comment\":\"two\\nlines\"}"), 400, "BAD_VALUE");
        assertProblem(send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + country)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"verdict\":\"ACCEPTED\"}"))), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(decide(country, id.toString(), "{\"verdict\":\"ACCEPTED\",\"comment\":\"" + "x".repeat(20_000) + "\"}"), 413,
                "BODY_TOO_LARGE");
        for (String query : List.of("state=OPEN", "fiscal_year=64", "limit=0", "limit=501", "after=xyz", "district=" + enc(WANG_THONG),
                "colour=red", "state=DELIVERED&state=ACCEPTED", "province=" + "ก".repeat(101))) {
            assertProblem(get(country, ReviewApi.SUBMISSIONS + "?" + query), 400, "BAD_VALUE");
        }
        assertProblem(get(country, ReviewApi.PREFIX + "/nothing"), 404, "NOT_FOUND");
        assertThat(devices.count("SELECT count(*) FROM review_decision WHERE submission_id = ?", id)).isZero();
    }

    @Test
    void theListIsPagedWithNextAfter() throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao("6650104"));
        for (int i = 2; i < 5; i++) {
            assertThat(devices.push(lao, sign(lao, payload(lao, "6650104", domain(i), 1, null))).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        }
        String query = "?province=" + enc(PROVINCE) + "&district=" + enc("เมืองพิษณุโลก") + "&fiscal_year=2564&limit=2";

        JsonNode first = JSON.readTree(get(country, ReviewApi.SUBMISSIONS + query).body());
        JsonNode second = JSON.readTree(get(country, ReviewApi.SUBMISSIONS + query + "&after=" + first.get("next_after").asText()).body());

        assertThat(first.get("submissions")).hasSize(2);
        assertThat(first.get("submissions").get(0).get("state").asText()).isIn("DELIVERED", "ACCEPTED", "RETURNED");
        assertThat(first.get("submissions").get(0).get("lao_name").asText()).isNotEmpty();
        List<String> seen = new java.util.ArrayList<>();
        first.get("submissions").forEach(h -> seen.add(h.get("submission_id").asText()));
        second.get("submissions").forEach(h -> seen.add(h.get("submission_id").asText()));
        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(second.get("submissions").get(0).get("submission_id").asText())
                .isGreaterThan(first.get("next_after").asText());
    }

    // ------------------------------------------------------------------ helpers

    record Command(int exit, String out, String err) {}

    static Command command(String... args) {
        CommandLine line = ServerMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--jdbc-url", url, "--data-dir", dataDir.toString())).toArray(String[]::new);
        return new Command(line.execute(all), out.toString(), err.toString());
    }

    /** Adds a reviewer by command: its token. */
    static String addReviewer(String username, String name, String... scope) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("add-reviewer", "--username", username, "--name", name),
                java.util.Arrays.stream(scope)).toArray(String[]::new);
        Command added = command(args);
        assertThat(added.exit()).as(added.err()).isZero();
        return added.out().lines().findFirst().orElseThrow();
    }

    /** A revision of a domain delivered for an LAO by its own new device: its id. */
    static UUID delivered(String laoCode, int domainIndex) throws Exception {
        Device lao = devices.enrol(new Enrolment.Target.OfLao(laoCode));
        SubmissionEnvelope envelope = sign(lao, payload(lao, laoCode, domain(domainIndex), 1, null));
        assertThat(devices.push(lao, envelope).get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
        return envelope.payload().submissionId();
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return devices.client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    static HttpResponse<String> decide(String token, String submissionId, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(ReviewApi.DECISION.replace("{submission_id}", submissionId)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** The submission ids of the first page of heads a reviewer lists with a query. */
    static List<String> heads(String token, String query) throws Exception {
        HttpResponse<String> response = get(token, ReviewApi.SUBMISSIONS + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(response.body()).get("submissions").forEach(h -> ids.add(h.get("submission_id").asText()));
        return ids;
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:infodesk:problem:" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("messages").get("th").asText()).isNotEmpty();
    }

    static void execute(String sql) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
