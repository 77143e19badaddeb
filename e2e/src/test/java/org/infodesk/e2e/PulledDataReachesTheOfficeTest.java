package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.lastyear.UpdateWorkflow;
import org.infodesk.app.storage.SqliteDefinitionRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.definitions.HeldDefinitions;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.Reviewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the office pulls besides decisions, made on the real server by its real paths: a reviewer's
 * acceptance gives the LAO its certified values as last year's for the next fiscal year (they stand
 * beside the fields and start the draft), and a questionnaire version the central administrator
 * published (a file in the server's {@code definitions} folder) is fetched, checked and chosen for
 * its fiscal year, while the version the app ships is not fetched again.
 */
class PulledDataReachesTheOfficeTest {

    @TempDir
    Path serverData;
    @TempDir
    Path appData;

    @Test
    void anAcceptedDomainsValuesBecomeLastYearsForTheNextYearsDraftAndAPullAgainChangesNothing() throws Exception {
        try (ServerAndApp world = new ServerAndApp(serverData, appData)) {
            List<String> certified = world.certify(2);
            ServerAccount account = world.enrol();
            ServerLink link = new ServerLink(new OkHttpClient(), world.serverUrl(), Clock.systemUTC());
            send(world, link, account);
            var reviewer = new Reviewers(world.server.database().dataSource(), Clock.systemUTC())
                    .add("wangthong", "ท้องถิ่นอำเภอวังทอง", "พิษณุโลก", "วังทอง").reviewer();
            Review review = new Review(world.server.database().dataSource(), Clock.systemUTC());
            review.decide(reviewer, UUID.fromString(certified.get(0)), Change.Verdict.ACCEPTED, null);
            review.decide(reviewer, UUID.fromString(certified.get(1)), Change.Verdict.RETURNED, "ตรวจสอบอีกครั้ง");
            DomainKey accepted = world.app.certifications.snapshot(certified.get(0)).orElseThrow().key();
            DomainKey returned = world.app.certifications.snapshot(certified.get(1)).orElseThrow().key();
            Map<String, Object> certifiedValues = world.app.answers.current(accepted).values();
            SqlitePullRepository pulls = new SqlitePullRepository(world.app.store);
            UpdateWorkflow update = new UpdateWorkflow(world.app.answers,
                    new SqliteLastYearRepository(world.app.store, StoreFixture.DEFINITION), StoreFixture.DEFINITION);
            DomainKey nextYear = new DomainKey(accepted.lao(), accepted.fiscalYear() + 1, accepted.domain());

            assertThat(new Puller(link, account, pulls).pull()).isInstanceOf(Puller.Result.Pulled.class);

            assertSameValues(update.lastYear(nextYear).domain(accepted.domain()), certifiedValues);
            assertThat(update.lastYear(new DomainKey(returned.lao(), returned.fiscalYear() + 1, returned.domain()))
                    .domain(returned.domain())).as("a returned domain gives no last year's values").isEmpty();
            assertThat(pulls.problems()).isEmpty();
            pulls.forgetCursor();
            assertThat(new Puller(link, account, pulls).pull()).isInstanceOf(Puller.Result.Pulled.class);
            assertSameValues(update.lastYear(nextYear).domain(accepted.domain()), certifiedValues);
            DomainRecord draft = update.startFromLastYear(nextYear, "somsri");
            assertSameValues(draft.values(), certifiedValues);
        }
    }

    @Test
    void aQuestionnaireVersionPublishedOnTheServerIsFetchedCheckedAndChosenForItsYear() throws Exception {
        Path published = Files.createDirectories(serverData.resolve(HeldDefinitions.PUBLISHED));
        Files.write(published.resolve("dla-lao-info-2565-v1.json"), DefinitionDocuments.named(2565, 1));
        try (ServerAndApp world = new ServerAndApp(serverData, appData)) {
            ServerAccount account = world.enrol();
            ServerLink link = new ServerLink(new OkHttpClient(), world.serverUrl(), Clock.systemUTC());
            SqlitePullRepository pulls = new SqlitePullRepository(world.app.store);
            SqliteDefinitionRepository received = new SqliteDefinitionRepository(world.app.store);

            assertThat(new Puller(link, account, pulls).pull()).isInstanceOf(Puller.Result.Pulled.class);

            assertThat(received.all()).extracting(ReceivedDefinition::key).containsExactly("dla-lao-info/2565/1");
            assertThat(received.find("dla-lao-info", 2565, 1)).hasValueSatisfying(d ->
                    assertThat(d.document()).isEqualTo(DefinitionDocuments.named(2565, 1)));
            Questionnaires questionnaires = new Questionnaires(received);
            assertThat(questionnaires.forFiscalYear(2565).definition().key()).isEqualTo("dla-lao-info/2565/1");
            assertThat(questionnaires.forFiscalYear(2564).definition().key()).isEqualTo(Bundled.key());
            assertThat(pulls.definitionsToFetch()).isEmpty();
            assertThat(pulls.problems()).isEmpty();
        }
    }

    private static void send(ServerAndApp world, ServerLink link, ServerAccount account) throws Exception {
        OutboxSender sender = new OutboxSender(new SqliteOutboxRepository(world.app.store), link, account,
                world.app.keys.keyId(), new Backoff(Backoff.FIRST, Backoff.MOST, new java.util.Random(2)));
        assertThat(sender.sendBatch()).isInstanceOf(OutboxSender.Round.Sent.class);
        assertThat(new SqliteOutboxRepository(world.app.store).undelivered()).isEmpty();
    }

    /** The same items with the same values (numbers compared by value: the payload writes them in their one form). */
    private static void assertSameValues(Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(actual).isNotEmpty().containsOnlyKeys(expected.keySet());
        expected.forEach((item, value) -> {
            Object got = actual.get(item);
            if (value instanceof BigDecimal number) {
                assertThat((BigDecimal) got).as(item).isEqualByComparingTo(number);
            } else {
                assertThat(got).as(item).isEqualTo(value);
            }
        });
    }
}
