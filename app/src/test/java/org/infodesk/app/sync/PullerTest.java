package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.app.storage.SqliteDefinitionRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull against a scripted server, on a real store of certified domains: decisions reach the
 * domains they are about, pages are applied with their cursors, a change that comes again changes
 * nothing, and a cursor the server does not know starts the pull over.
 */
class PullerTest {

    static final Instant DECIDED = Instant.parse("2026-12-01T04:00:00.000Z");

    @TempDir
    Path folder;
    SyncFixture world;
    SqlitePullRepository pulls;
    Puller puller;
    List<String> certified;

    @BeforeEach
    void setUp() throws Exception {
        world = new SyncFixture(folder);
        certified = SyncFixture.certified();
        pulls = new SqlitePullRepository(world.store);
        puller = new Puller(world.link(new MutableClock(SyncFixture.RECEIVED)), world.account(ProtocolLimits.DEFAULT), pulls);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    Change.Decision decision(String id, Change.Verdict verdict, String comment) throws Exception {
        String domain = world.column("""
                SELECT r.domain FROM domain_revision r JOIN certified_snapshot s ON s.revision_id = r.id
                WHERE s.submission_id = ?""", id);
        return new Change.Decision(UUID.fromString(id), "5650801", 2564, domain, 1, verdict, comment, "สนง.ท้องถิ่นจังหวัดพิษณุโลก",
                DECIDED);
    }

    static MockResponse page(String cursor, boolean more, Change... changes) {
        return SyncFixture.protocol(200, "application/json",
                new String(WireCodec.write(new PullResponse(cursor, more, List.of(changes))), StandardCharsets.UTF_8));
    }

    String state(String id) throws Exception {
        return world.column("""
                SELECT r.state FROM domain_revision r JOIN certified_snapshot s ON s.revision_id = r.id
                WHERE s.submission_id = ?""", id);
    }

    @Test
    void aReturnReachesItsDomainWithTheCommentAndEachPageIsKeptWithItsCursor() throws Exception {
        Change.NewDefinition definition = new Change.NewDefinition("dla-lao-info", 2564, 1, Bundled.digest());
        server().enqueue(page("1.feed.7", true, decision(certified.get(0), Change.Verdict.RETURNED, "กรุณาตรวจสอบระยะทางถนนอีกครั้ง"),
                definition));
        server().enqueue(page("1.feed.9", false, decision(certified.get(1), Change.Verdict.ACCEPTED, null)));

        Puller.Result result = puller.pull();

        assertThat(result).isEqualTo(new Puller.Result.Pulled(3, false));
        assertThat(state(certified.get(0))).isEqualTo("RETURNED");
        assertThat(pulls.decision(certified.get(0))).hasValueSatisfying(d -> assertThat(d.comment()).isEqualTo("กรุณาตรวจสอบระยะทางถนนอีกครั้ง"));
        assertThat(state(certified.get(1))).isEqualTo("ACCEPTED");
        assertThat(server().takeRequest().getUrl().queryParameter("since")).isNull();
        assertThat(server().takeRequest().getUrl().queryParameter("since")).isEqualTo("1.feed.7");
        assertThat(pulls.cursor()).isEqualTo("1.feed.9");
        assertThat(world.column("SELECT state FROM pulled_change WHERE kind = ?", "definition")).isEqualTo("APPLIED");
        assertThat(server().getRequestCount()).as("the definition the app ships is not fetched").isEqualTo(2);
    }

    @Test
    void aChangeThatComesAgainChangesNothing() throws Exception {
        Change.Decision returned = decision(certified.get(0), Change.Verdict.RETURNED, "แก้ไขจำนวนโคมไฟ");
        server().enqueue(page("1.feed.1", false, returned));
        server().enqueue(page("1.feed.1", false, returned));

        puller.pull();
        puller.pull();

        assertThat(world.column("SELECT count(*) FROM review_decision WHERE submission_id = ?", certified.get(0))).isEqualTo("1");
        assertThat(state(certified.get(0))).isEqualTo("RETURNED");
    }

    @Test
    void aCursorTheServerDoesNotKnowStartsThePullOverOnceThenStops() throws Exception {
        pulls.apply(List.of(), "1.old.99");
        server().enqueue(SyncFixture.problem(ProblemCode.BAD_CURSOR));
        server().enqueue(page("1.feed.2", false));
        server().enqueue(SyncFixture.problem(ProblemCode.BAD_CURSOR));
        server().enqueue(SyncFixture.problem(ProblemCode.BAD_CURSOR));

        assertThat(puller.pull()).isEqualTo(new Puller.Result.Pulled(0, false));
        assertThat(server().takeRequest().getUrl().queryParameter("since")).isEqualTo("1.old.99");
        assertThat(server().takeRequest().getUrl().queryParameter("since")).isNull();
        pulls.apply(List.of(), "1.old.100");
        assertThat(puller.pull()).isInstanceOfSatisfying(Puller.Result.Refused.class, refused ->
                assertThat(refused.action()).isEqualTo(Exchange.Action.PULL_FROM_START));
    }

    @Test
    void aServerThatSaysLaterLeavesTheCursorWhereItWas() throws Exception {
        pulls.apply(List.of(), "1.feed.4");
        server().enqueue(new MockResponse.Builder(SyncFixture.problem(ProblemCode.UNAVAILABLE)).setHeader("Retry-After", "30").build());

        assertThat(puller.pull()).isInstanceOfSatisfying(Puller.Result.Later.class, later ->
                assertThat(later.trouble()).isEqualTo(Exchange.Trouble.SERVER_BUSY));
        assertThat(pulls.cursor()).isEqualTo("1.feed.4");
    }

    static MockResponse document(byte[] bytes) {
        return new MockResponse.Builder(SyncFixture.protocol(200, "application/json", "")).body(new okio.Buffer().write(bytes)).build();
    }

    static Change.NewDefinition named(ReceivedDefinition d) {
        return new Change.NewDefinition(d.definitionId(), d.fiscalYear(), d.version(), d.digest());
    }

    @Test
    void aNewDefinitionIsFetchedCheckedAndStoredAndTheValuesThatWaitedForItAreApplied() throws Exception {
        ReceivedDefinition fy2565 = DefinitionDocuments.received(2565, 1);
        var values = new Change.LastYearValues("5650801", 2565, "infrastructure", 1, "dla-lao-info", 1,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("road_routes_total", "61"));
        server().enqueue(page("1.feed.2", false, named(fy2565), values));
        server().enqueue(document(DefinitionDocuments.named(2565, 1)));

        assertThat(puller.pull()).isEqualTo(new Puller.Result.Pulled(2, false));

        server().takeRequest();
        assertThat(server().takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/definitions/dla-lao-info/2565/1");
        assertThat(new SqliteDefinitionRepository(world.store).find("dla-lao-info", 2565, 1)).contains(fy2565);
        assertThat(new Questionnaires(new SqliteDefinitionRepository(world.store)).forFiscalYear(2565).definition().key())
                .isEqualTo("dla-lao-info/2565/1");
        assertThat(new SqliteLastYearRepository(world.store, StoreFixture.DEFINITION).values("5650801", 2565)
                .get("infrastructure", "road_routes_total")).isEqualTo(new java.math.BigDecimal("61"));
        assertThat(pulls.problems()).isEmpty();
    }

    @Test
    void aDefinitionWhoseBytesDoNotHaveTheDigestOrDoNotReadIsSetAsideAndTheNextIsStillFetched() throws Exception {
        ReceivedDefinition fy2566 = DefinitionDocuments.received(2566, 1);
        byte[] notADefinition = "{\"format\": 1}".getBytes(StandardCharsets.UTF_8);
        Change.NewDefinition unreadable = new Change.NewDefinition("dla-lao-info", 2565, 1, ReceivedDefinition.sha256(notADefinition));
        Change.NewDefinition otherBytes = new Change.NewDefinition("dla-lao-info", 2565, 2, "ab".repeat(32));
        server().enqueue(page("1.feed.3", false, unreadable, otherBytes, named(fy2566)));
        server().enqueue(document(notADefinition));
        server().enqueue(document(DefinitionDocuments.named(2565, 2)));
        server().enqueue(document(DefinitionDocuments.named(2566, 1)));

        assertThat(puller.pull()).isEqualTo(new Puller.Result.Pulled(3, false));

        assertThat(new SqliteDefinitionRepository(world.store).all()).containsExactly(fy2566);
        assertThat(pulls.problems()).extracting(PullRepository.Problem::identity, PullRepository.Problem::waiting)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dla-lao-info/2565/1", false),
                        org.assertj.core.groups.Tuple.tuple("dla-lao-info/2565/2", false));
        assertThat(pulls.problems()).extracting(PullRepository.Problem::problem).anySatisfy(p ->
                assertThat(p).startsWith("it is not a valid definition")).anySatisfy(p -> assertThat(p).contains("not " + "ab".repeat(32)));
        assertThat(pulls.definitionsToFetch()).isEmpty();
    }

    @Test
    void noAnswerForADefinitionLeavesItToFetchAtTheNextPull() throws Exception {
        ReceivedDefinition fy2565 = DefinitionDocuments.received(2565, 1);
        server().enqueue(page("1.feed.1", false, named(fy2565)));
        server().enqueue(SyncFixture.problem(ProblemCode.UNAVAILABLE));

        assertThat(puller.pull()).isInstanceOfSatisfying(Puller.Result.Later.class, later ->
                assertThat(later.trouble()).isEqualTo(Exchange.Trouble.SERVER_BUSY));
        assertThat(pulls.cursor()).isEqualTo("1.feed.1");
        assertThat(pulls.definitionsToFetch()).containsExactly(named(fy2565));

        server().enqueue(page("1.feed.1", false));
        server().enqueue(document(DefinitionDocuments.named(2565, 1)));
        assertThat(puller.pull()).isEqualTo(new Puller.Result.Pulled(0, false));
        assertThat(pulls.definitionsToFetch()).isEmpty();
        assertThat(new SqliteDefinitionRepository(world.store).find("dla-lao-info", 2565, 1)).contains(fy2565);
    }

    @Test
    void aDefinitionTheServerNoLongerServesIsSetAsideAndARevokedDeviceStops() throws Exception {
        Change.NewDefinition gone = named(DefinitionDocuments.received(2565, 1));
        Change.NewDefinition next = named(DefinitionDocuments.received(2566, 1));
        server().enqueue(page("1.feed.2", false, gone, next));
        server().enqueue(SyncFixture.problem(ProblemCode.NOT_FOUND));
        server().enqueue(SyncFixture.problem(ProblemCode.DEVICE_REVOKED));

        assertThat(puller.pull()).isInstanceOfSatisfying(Puller.Result.Refused.class, refused ->
                assertThat(refused.action()).isEqualTo(Exchange.Action.ENROL_AGAIN));
        assertThat(pulls.definitionsToFetch()).containsExactly(next);
        assertThat(pulls.problems()).filteredOn(p -> !p.waiting()).singleElement().satisfies(p ->
                assertThat(p.problem()).startsWith("the server does not serve it"));
    }

    mockwebserver3.MockWebServer server() {
        return world.server;
    }
}
