package org.infodesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.relay.status.Board;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.CellState;
import org.infodesk.app.relay.status.StatusBoard;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.app.storage.SqliteStatusRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.Reviewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, the district status board from the real server: an office sends its certified domains
 * directly, a reviewer accepts one and returns one; the district office's device pulls from the
 * server and its board shows, from the server, ACCEPTED, RETURNED and DELIVERED for the domains
 * sent and "not yet" for the rest, and says its figures come from the server.
 */
class DistrictStatusBoardTest {

    @TempDir
    Path serverData;
    @TempDir
    Path appData;
    @TempDir
    Path districtData;

    @Test
    void aDistrictDeviceThatPulledFromTheServerShowsDeliveredAcceptedAndReturnedFromTheServer() throws Exception {
        try (ServerAndApp world = new ServerAndApp(serverData, appData)) {
            List<String> certified = world.certify(3);
            ServerAccount office = world.enrol();
            ServerLink link = new ServerLink(new OkHttpClient(), world.serverUrl(), Clock.systemUTC());
            OutboxSender sender = new OutboxSender(new SqliteOutboxRepository(world.app.store), link, office,
                    world.app.keys.keyId(), new Backoff(Backoff.FIRST, Backoff.MOST, new Random(3)));
            assertThat(sender.sendBatch()).isInstanceOf(OutboxSender.Round.Sent.class);
            var reviewer = new Reviewers(world.server.database().dataSource(), Clock.systemUTC())
                    .add("wangthong", "ท้องถิ่นอำเภอวังทอง", "พิษณุโลก", "วังทอง").reviewer();
            Review review = new Review(world.server.database().dataSource(), Clock.systemUTC());
            review.decide(reviewer, UUID.fromString(certified.get(0)), Change.Verdict.ACCEPTED, null);
            review.decide(reviewer, UUID.fromString(certified.get(1)), Change.Verdict.RETURNED, "ตัวเลขไม่ตรงกับทะเบียน");
            List<String> domains = certified.stream().map(id -> domainOf(world, id)).toList();

            try (Store district = StoreFixture.open(Files.createDirectories(districtData))) {
                DeviceKeys keys = DeviceKeys.loadOrCreate(districtData, new SqliteDeviceRepository(district));
                String code = new Enrolment(world.server.database().dataSource(), Clock.systemUTC())
                        .issue(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"), Duration.ofDays(1)).code();
                ServerAccount account = RelayThroughTheDistrictTest.enrol(district, keys, world.serverUrl(), code, null, "6508");
                StatusBoard statusBoard = new StatusBoard(new SqliteStatusRepository(district),
                        year -> StoreFixture.DEFINITION.domains(), lao -> null, Clock.systemUTC());
                assertThat(statusBoard.board(2564).source()).isEqualTo(Board.Source.CARRIED_ONLY);
                assertThat(statusBoard.board(2564).rows()).isEmpty();

                assertThat(new Puller(link, account, new SqlitePullRepository(district)).pull())
                        .isInstanceOf(Puller.Result.Pulled.class);

                Board board = statusBoard.board(2564);
                assertThat(board.source()).isEqualTo(Board.Source.SERVER);
                assertThat(board.rows()).extracting(Board.Row::laoCode).containsExactly(ServerAndApp.LAO);
                Board.Row row = board.rows().get(0);
                assertThat(cell(board, row, domains.get(0))).satisfies(c -> {
                    assertThat(c.state()).isEqualTo(CellState.ACCEPTED);
                    assertThat(c.fromServer()).isTrue();
                    assertThat(c.revision()).isEqualTo(1);
                });
                assertThat(cell(board, row, domains.get(1)).state()).isEqualTo(CellState.RETURNED);
                assertThat(cell(board, row, domains.get(2))).satisfies(c -> {
                    assertThat(c.state()).isEqualTo(CellState.DELIVERED);
                    assertThat(c.fromServer()).isTrue();
                });
                // the sample certifies more domains than the three named: each one sent is DELIVERED, the rest not yet
                int sent = new SqliteOutboxRepository(world.app.store).entries(100).size();
                assertThat(sent).isBetween(3, 8);
                assertThat(row.cells().stream().filter(c -> c.state() == CellState.DELIVERED && c.fromServer())).hasSize(sent - 2);
                assertThat(row.cells().stream().filter(c -> c.state() == CellState.NOT_YET)).hasSize(8 - sent);
                assertThat(row.done()).isEqualTo(sent - 1);
                BoardText text = new BoardText(Messages.thai(), ZoneId.of("Asia/Bangkok"));
                assertThat(text.source(board)).startsWith("ตามเซิร์ฟเวอร์ ดึงข้อมูลล่าสุดเมื่อ");
                assertThat(text.row(board, row)).contains((sent - 1) + "/8");
            }
        }
    }

    private static String domainOf(ServerAndApp world, String submissionId) {
        try {
            return world.app.certifications.snapshot(submissionId).orElseThrow().key().domain();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Board.Cell cell(Board board, Board.Row row, String domain) {
        List<String> ids = board.domains().stream().map(Domain::id).toList();
        assertThat(ids).contains(domain);
        return row.cells().get(ids.indexOf(domain));
    }
}
