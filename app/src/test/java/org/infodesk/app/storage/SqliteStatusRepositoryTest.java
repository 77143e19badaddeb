package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.relay.status.Board;
import org.infodesk.app.relay.status.Carrying;
import org.infodesk.app.relay.status.CellState;
import org.infodesk.app.relay.status.StatusBoard;
import org.infodesk.app.relay.status.StatusRepository;
import org.infodesk.app.users.TestClock;
import org.infodesk.protocol.wire.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The district status board read from a real SQLite store: the {@code lao_status} changes applied
 * by the pull repository, what the relay repository carried (delivered, refused, waiting), and the
 * merge of the two.
 */
class SqliteStatusRepositoryTest {

    static final String A = "6650805";
    static final String B = "5650801";
    static final String SERVER_ONLY_2565 = "6650806";
    static final String CARRIED_ONLY_2565 = "6650807";
    static final Instant NOW = Instant.parse("2021-06-01T10:00:00Z");

    @TempDir
    Path folder;

    TestClock clock = new TestClock(NOW);
    Store store;
    SqlitePullRepository pulls;
    SqliteRelayRepository carried;
    StatusBoard board;

    @BeforeEach
    void open() throws Exception {
        store = StoreFixture.open(folder, clock);
        pulls = new SqlitePullRepository(store);
        carried = new SqliteRelayRepository(store);
        board = new StatusBoard(new SqliteStatusRepository(store),
                StatusBoard.domainsOf(Questionnaires.of(List.of(DefinitionDocuments.received(2565, 1)))),
                code -> null, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theServersStatusWinsACellUnlessWhatWasCarriedIsNewerAndCarriedFillsTheRest() throws Exception {
        Carrying a = new Carrying(A);
        String infra = a.certified(2564, "infrastructure", 1);
        String governance1 = a.certified(2564, "internal_governance", 1);
        a.certified(2564, "internal_governance", 2);
        String water = a.certified(2564, "water_management", 1);
        String health = a.certified(2564, "public_health", 1);
        carried.hold(a.bundle());
        Instant delivered = Instant.parse("2021-06-01T02:00:00.250Z");
        carried.markDelivered(infra, a.receipt(infra, delivered));
        carried.markDelivered(governance1, a.receipt(governance1, delivered));
        carried.markDelivered(health, a.receipt(health, Instant.parse("2021-06-01T04:30:00Z")));
        carried.markRefused(water, "{\"outcome\":\"REJECTED\"}");
        Carrying later = new Carrying(CARRIED_ONLY_2565);
        later.certified(2565, "infrastructure", 1);
        carried.hold(later.bundle());

        Instant received = Instant.parse("2021-06-01T02:00:00.250Z");
        pulls.apply(List.of(
                Carrying.status(A, 2564, "infrastructure", 1, Change.State.DELIVERED, received),
                Carrying.status(A, 2564, "internal_governance", 1, Change.State.DELIVERED, received),
                Carrying.status(B, 2564, "health_environment", 1, Change.State.RETURNED, received),
                Carrying.status(B, 2564, "economy_tourism", 2, Change.State.DELIVERED, received),
                Carrying.status(SERVER_ONLY_2565, 2565, "water_management", 1, Change.State.DELIVERED, received)), "1.LOG.5");
        clock.advance(Duration.ofMinutes(1));
        pulls.apply(List.of(
                Carrying.status(A, 2564, "infrastructure", 1, Change.State.ACCEPTED, received),
                // an older revision coming later changes nothing
                Carrying.status(B, 2564, "economy_tourism", 1, Change.State.ACCEPTED, received)), "1.LOG.7");

        Board fy2564 = board.board(2564);

        assertThat(fy2564.rows()).extracting(Board.Row::laoCode).containsExactly(B, A, SERVER_ONLY_2565, CARRIED_ONLY_2565);
        assertThat(cell(fy2564, A, "infrastructure")).isEqualTo(new Board.Cell(CellState.ACCEPTED, 1, received, true));
        assertThat(cell(fy2564, A, "internal_governance")).as("a newer revision carried than the server reported")
                .isEqualTo(new Board.Cell(CellState.CARRIED, 2, NOW, false));
        assertThat(cell(fy2564, A, "water_management")).isEqualTo(new Board.Cell(CellState.REFUSED, 1, NOW, false));
        assertThat(cell(fy2564, A, "public_health")).as("delivered by the receipt, at the receipt's time")
                .isEqualTo(new Board.Cell(CellState.DELIVERED, 1, Instant.parse("2021-06-01T04:30:00Z"), false));
        assertThat(cell(fy2564, A, "economy_tourism")).isEqualTo(Board.Cell.NOT_YET);
        assertThat(cell(fy2564, B, "health_environment")).isEqualTo(new Board.Cell(CellState.RETURNED, 1, received, true));
        assertThat(cell(fy2564, B, "economy_tourism")).isEqualTo(new Board.Cell(CellState.DELIVERED, 2, received, true));
        assertThat(row(fy2564, A).done()).isEqualTo(2);
        assertThat(row(fy2564, B).done()).isEqualTo(1);
        assertThat(row(fy2564, SERVER_ONLY_2565).cells()).containsOnly(Board.Cell.NOT_YET).hasSize(8);
        assertThat(row(fy2564, CARRIED_ONLY_2565).done()).isZero();
        assertThat(fy2564.source()).isEqualTo(Board.Source.SERVER);
        assertThat(fy2564.pulledAt()).contains(NOW.plus(Duration.ofMinutes(1)));

        Board fy2565 = board.board(2565);
        assertThat(cell(fy2565, CARRIED_ONLY_2565, "infrastructure").state()).isEqualTo(CellState.CARRIED);
        assertThat(cell(fy2565, SERVER_ONLY_2565, "water_management").state()).isEqualTo(CellState.DELIVERED);
        assertThat(cell(fy2565, A, "infrastructure")).isEqualTo(Board.Cell.NOT_YET);
        assertThat(board.years()).containsExactly(2565, 2564);
    }

    @Test
    void theBoardSaysItIsFromWhatWasCarriedWhenTheServerWasNeverOrNotLatelyReached() throws Exception {
        Carrying a = new Carrying(A);
        a.certified(2564, "infrastructure", 1);
        carried.hold(a.bundle());
        StatusRepository repository = new SqliteStatusRepository(store);
        assertThat(repository.lastPulled()).isEmpty();
        assertThat(board.board(2564).source()).isEqualTo(Board.Source.CARRIED_ONLY);

        pulls.apply(List.of(), "1.LOG.0"); // an answer with nothing new still says the server was reached
        assertThat(repository.lastPulled()).isEqualTo(Optional.of(NOW));
        clock.advance(StatusBoard.FRESH);
        assertThat(board.board(2564).source()).isEqualTo(Board.Source.SERVER);
        clock.advance(Duration.ofSeconds(1));
        Board stale = board.board(2564);
        assertThat(stale.source()).isEqualTo(Board.Source.CARRIED_SERVER_STALE);
        assertThat(stale.pulledAt()).contains(NOW);
        assertThat(cell(stale, A, "infrastructure").state()).isEqualTo(CellState.CARRIED);
    }

    static Board.Row row(Board board, String lao) {
        return board.rows().stream().filter(r -> r.laoCode().equals(lao)).findFirst().orElseThrow();
    }

    static Board.Cell cell(Board board, String lao, String domain) {
        int index = board.domains().stream().map(d -> d.id()).toList().indexOf(domain);
        assertThat(index).as(domain).isNotNegative();
        return row(board, lao).cells().get(index);
    }
}
