package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.Reviewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop of a domain on the real server: certified and sent by the office, returned by a
 * district reviewer with a comment, and the return pulled by the office: its domain is RETURNED
 * and shows the reviewer's comment; the other domain, accepted, is ACCEPTED.
 */
class ReviewReachesTheOfficeTest {

    @TempDir
    Path serverData;
    @TempDir
    Path appData;

    @Test
    void aReturnWithItsCommentAndAnAcceptanceReachTheOfficeByPull() throws Exception {
        try (ServerAndApp world = new ServerAndApp(serverData, appData)) {
            List<String> certified = world.certify(2);
            ServerAccount account = world.enrol();
            ServerLink link = new ServerLink(new OkHttpClient(), world.serverUrl(), Clock.systemUTC());
            OutboxSender sender = new OutboxSender(new SqliteOutboxRepository(world.app.store), link, account,
                    world.app.keys.keyId(), new Backoff(Backoff.FIRST, Backoff.MOST, new Random(2)));
            assertThat(sender.sendBatch()).isInstanceOf(OutboxSender.Round.Sent.class);
            assertThat(new SqliteOutboxRepository(world.app.store).undelivered()).isEmpty();

            var reviewer = new Reviewers(world.server.database().dataSource(), Clock.systemUTC())
                    .add("wangthong", "ท้องถิ่นอำเภอวังทอง", "พิษณุโลก", "วังทอง").reviewer();
            Review review = new Review(world.server.database().dataSource(), Clock.systemUTC());
            review.decide(reviewer, UUID.fromString(certified.get(0)), Change.Verdict.RETURNED, "จำนวนโคมไฟฟ้าไม่ตรงกับทะเบียนทรัพย์สิน");
            review.decide(reviewer, UUID.fromString(certified.get(1)), Change.Verdict.ACCEPTED, null);
            SqlitePullRepository pulls = new SqlitePullRepository(world.app.store);

            Puller.Result result = new Puller(link, account, pulls).pull();

            assertThat(result).isInstanceOf(Puller.Result.Pulled.class);
            assertThat(pulls.decision(certified.get(0))).hasValueSatisfying(d -> {
                assertThat(d.verdict()).isEqualTo(Change.Verdict.RETURNED);
                assertThat(d.comment()).isEqualTo("จำนวนโคมไฟฟ้าไม่ตรงกับทะเบียนทรัพย์สิน");
                assertThat(d.reviewer()).isEqualTo("ท้องถิ่นอำเภอวังทอง");
            });
            assertThat(world.app.answers.current(keyOf(world, certified.get(0))).state().name()).isEqualTo("RETURNED");
            assertThat(world.app.answers.current(keyOf(world, certified.get(1))).state().name()).isEqualTo("ACCEPTED");
        }
    }

    private static org.infodesk.app.form.DomainKey keyOf(ServerAndApp world, String submissionId) throws Exception {
        return world.app.certifications.snapshot(submissionId).orElseThrow().key();
    }
}
