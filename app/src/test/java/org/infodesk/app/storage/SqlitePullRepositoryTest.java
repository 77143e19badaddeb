package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.lastyear.UpdateWorkflow;
import org.infodesk.app.sync.PullRepository;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.wire.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulled last year's values and definition changes applied to a real store: the values stand beside
 * the next year's fields and start its drafts; a page applied again changes nothing; a newer revision
 * replaces an older one; a change that cannot be applied is kept with its problem and never holds
 * back the rest of its page; values whose definition is still to fetch wait for it.
 */
class SqlitePullRepositoryTest {

    static final String LAO = "5650801";
    static final DomainKey NEXT_YEAR = new DomainKey(LAO, 2565, "infrastructure");

    @TempDir
    Path folder;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    Store store;
    SqlitePullRepository pulls;
    UpdateWorkflow update;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(folder, clock);
        pulls = new SqlitePullRepository(store);
        update = new UpdateWorkflow(new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key()),
                new SqliteLastYearRepository(store, StoreFixture.DEFINITION), StoreFixture.DEFINITION);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static JsonNode infrastructure(String routes, String km) {
        Answers answers = Answers.builder().put("infrastructure", "road_routes_total", new BigDecimal(routes))
                .put("infrastructure", "road_km_total", new BigDecimal(km)).build();
        return AnswersJson.write(answers, StoreFixture.DEFINITION).get("infrastructure");
    }

    static Change.LastYearValues accepted(int revision, JsonNode values) {
        return new Change.LastYearValues(LAO, 2564, "infrastructure", revision, Bundled.ID, 1, values);
    }

    String column(String sql, String parameter) throws Exception {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, parameter);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    @Test
    void acceptedValuesStandBesideTheNextYearsFieldsAndStartItsDraft() throws Exception {
        pulls.apply(List.of(accepted(1, infrastructure("55", "40.1"))), "1.feed.1");

        assertThat(update.lastYear(NEXT_YEAR).domain("infrastructure"))
                .containsEntry("road_routes_total", new BigDecimal("55")).containsEntry("road_km_total", new BigDecimal("40.1"));
        DomainRecord draft = update.startFromLastYear(NEXT_YEAR, "somchai");
        assertThat(draft.values()).containsEntry("road_routes_total", new BigDecimal("55"));
        assertThat(pulls.problems()).isEmpty();
    }

    @Test
    void thePageAppliedTwiceChangesNothingTheSecondTime() throws Exception {
        List<Change> page = List.of(accepted(1, infrastructure("55", "40.1")));
        pulls.apply(page, "1.feed.1");
        String first = column("SELECT group_concat(imported_at) FROM last_year_value WHERE lao_code = ?", LAO);
        clock.now = clock.now.plus(Duration.ofHours(1));

        pulls.apply(page, "1.feed.1");

        assertThat(column("SELECT group_concat(imported_at) FROM last_year_value WHERE lao_code = ?", LAO)).isEqualTo(first);
        assertThat(column("SELECT count(*) FROM last_year_value WHERE lao_code = ?", LAO)).isEqualTo("2");
    }

    @Test
    void aNewerRevisionReplacesTheValuesAndTheOlderComingAgainChangesNothing() throws Exception {
        pulls.apply(List.of(accepted(1, infrastructure("55", "40.1"))), "1.feed.1");
        Answers onlyRoutes = Answers.builder().put("infrastructure", "road_routes_total", new BigDecimal("58")).build();

        pulls.apply(List.of(accepted(2, AnswersJson.write(onlyRoutes, StoreFixture.DEFINITION).get("infrastructure"))), "1.feed.2");
        pulls.forgetCursor();
        pulls.apply(List.of(accepted(1, infrastructure("55", "40.1"))), "1.feed.1");

        assertThat(update.lastYear(NEXT_YEAR).domain("infrastructure")).containsOnlyKeys("road_routes_total")
                .containsEntry("road_routes_total", new BigDecimal("58"));
    }

    @Test
    void valuesThatDoNotFitAreKeptWithTheirProblemAndTheRestOfThePageIsApplied() throws Exception {
        ObjectNode wrongType = (ObjectNode) infrastructure("55", "40.1");
        wrongType.put("road_routes_total", "many");
        Change.LastYearValues unknownDomain = new Change.LastYearValues(LAO, 2564, "space_programme", 1, Bundled.ID, 1,
                infrastructure("1", "1"));
        ObjectNode households = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        households.put("total_households", "3580");
        Change.LastYearValues good = new Change.LastYearValues(LAO, 2564, "internal_governance", 1, Bundled.ID, 1, households);
        ObjectNode unknownItem = households.deepCopy();
        unknownItem.put("retired_item", 3);
        Change.LastYearValues anotherDomainBad = new Change.LastYearValues(LAO, 2564, "health_environment", 1, Bundled.ID, 1,
                unknownItem);

        pulls.apply(List.of(accepted(1, wrongType), unknownDomain, good, anotherDomainBad), "1.feed.4");

        assertThat(pulls.cursor()).isEqualTo("1.feed.4");
        assertThat(update.lastYear(new DomainKey(LAO, 2565, "internal_governance")).domain("internal_governance"))
                .containsEntry("total_households", new BigDecimal("3580"));
        assertThat(update.lastYear(NEXT_YEAR).domain("infrastructure")).isEmpty();
        assertThat(pulls.problems()).extracting(PullRepository.Problem::identity).containsExactlyInAnyOrder(
                LAO + "/2564/infrastructure", LAO + "/2564/space_programme", LAO + "/2564/health_environment");
        assertThat(pulls.problems()).allSatisfy(p -> {
            assertThat(p.waiting()).isFalse();
            assertThat(p.problem()).startsWith("the values do not fit dla-lao-info/2564/1");
        });
        assertThat(pulls.problems()).filteredOn(p -> p.identity().endsWith("health_environment"))
                .singleElement().satisfies(p -> assertThat(p.problem()).contains("retired_item"));
    }

    @Test
    void aCorrectedChangeOfTheSameIdentityReplacesARefusedOne() throws Exception {
        ObjectNode wrongType = (ObjectNode) infrastructure("55", "40.1");
        wrongType.put("road_routes_total", "many");
        pulls.apply(List.of(accepted(1, wrongType)), "1.feed.1");

        pulls.apply(List.of(accepted(2, infrastructure("56", "40.1"))), "1.feed.2");

        assertThat(pulls.problems()).isEmpty();
        assertThat(update.lastYear(NEXT_YEAR).get("infrastructure", "road_routes_total")).isEqualTo(new BigDecimal("56"));
    }

    @Test
    void theDefinitionTheAppShipsIsHeldAlreadyAndAnotherIsToFetch() throws Exception {
        Change.NewDefinition shipped = new Change.NewDefinition(Bundled.ID, 2564, 1, Bundled.digest());
        ReceivedDefinition next = DefinitionDocuments.received(2565, 1);
        Change.NewDefinition fy2565 = new Change.NewDefinition(Bundled.ID, 2565, 1, next.digest());

        pulls.apply(List.of(shipped, fy2565), "1.feed.2");

        assertThat(pulls.definitionsToFetch()).containsExactly(fy2565);
        pulls.definitionFetched(next);
        assertThat(pulls.definitionsToFetch()).isEmpty();
        assertThat(new SqliteDefinitionRepository(store).find(Bundled.ID, 2565, 1)).contains(next);
        pulls.apply(List.of(shipped, fy2565), "1.feed.2");
        assertThat(pulls.definitionsToFetch()).isEmpty();
    }

    @Test
    void valuesOfADefinitionStillToFetchWaitAndAreAppliedWhenItIsStored() throws Exception {
        ReceivedDefinition next = DefinitionDocuments.received(2565, 1);
        Change.NewDefinition fy2565 = new Change.NewDefinition(Bundled.ID, 2565, 1, next.digest());
        Change.LastYearValues values = new Change.LastYearValues(LAO, 2565, "infrastructure", 1, Bundled.ID, 1,
                infrastructure("60", "42"));

        pulls.apply(List.of(fy2565, values), "1.feed.2");

        assertThat(pulls.problems()).extracting(PullRepository.Problem::kind, PullRepository.Problem::waiting)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("definition", true),
                        org.assertj.core.groups.Tuple.tuple("last_year_values", true));
        assertThat(update.lastYear(new DomainKey(LAO, 2566, "infrastructure")).domainIds()).isEmpty();

        pulls.definitionFetched(next);

        assertThat(pulls.problems()).isEmpty();
        assertThat(update.lastYear(new DomainKey(LAO, 2566, "infrastructure")).get("infrastructure", "road_routes_total"))
                .isEqualTo(new BigDecimal("60"));
    }

    @Test
    void aRefusedDefinitionComingAgainIsNotFetchedAgainButAnotherDigestIs() throws Exception {
        Change.NewDefinition bad = new Change.NewDefinition(Bundled.ID, 2565, 1, "ab".repeat(32));
        pulls.apply(List.of(bad), "1.feed.1");
        pulls.definitionRefused(bad, "its bytes have another SHA-256");

        pulls.apply(List.of(bad), "1.feed.1");
        assertThat(pulls.definitionsToFetch()).isEmpty();
        assertThat(pulls.problems()).singleElement().satisfies(p -> {
            assertThat(p.waiting()).isFalse();
            assertThat(p.problem()).isEqualTo("its bytes have another SHA-256");
        });

        Change.NewDefinition corrected = new Change.NewDefinition(Bundled.ID, 2565, 1, "cd".repeat(32));
        pulls.apply(List.of(corrected), "1.feed.2");
        assertThat(pulls.definitionsToFetch()).containsExactly(corrected);
    }

    @Test
    void valuesOfAnotherLaoThanTheEnrolledOneAreRefusedAndNotWritten() throws Exception {
        var serverKey = org.infodesk.protocol.submission.Ed25519Keys.generate().getPublic();
        new SqliteAccountRepository(store).save(new org.infodesk.app.sync.ServerAccount(okhttp3.HttpUrl.get("https://central.example/"),
                new org.infodesk.protocol.wire.EnrolmentResponse("dev-1", "A".repeat(43),
                        org.infodesk.protocol.submission.Ed25519Keys.encode(serverKey),
                        org.infodesk.protocol.submission.Ed25519Keys.keyId(serverKey), "6650805", null,
                        org.infodesk.protocol.wire.ProtocolLimits.DEFAULT), clock.now));

        pulls.apply(List.of(accepted(1, infrastructure("55", "40.1"))), "1.feed.1");

        assertThat(update.lastYear(NEXT_YEAR).domainIds()).isEmpty();
        assertThat(pulls.problems()).singleElement().satisfies(p ->
                assertThat(p.problem()).contains("LAO 5650801").contains("enrolled for 6650805"));
    }
}
