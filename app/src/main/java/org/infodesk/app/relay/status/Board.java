package org.infodesk.app.relay.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Text;

/**
 * The district's status board for one fiscal year: a row per LAO, a cell per domain of the year's
 * questionnaire (in its order), and where the figures come from.
 *
 * @param pulledAt when a pull last reached the server, if ever
 * @param madeAt   when the board was read
 */
public record Board(int fiscalYear, List<Domain> domains, List<Row> rows, Source source, Optional<Instant> pulledAt,
        Instant madeAt) {

    /** Where the figures come from. */
    public enum Source {
        /** The server was reached lately: its status, what was carried filling the rest. */
        SERVER,
        /** The server has not been reached lately: what was carried, over what the server last said. */
        CARRIED_SERVER_STALE,
        /** The server was never reached: only what was carried. */
        CARRIED_ONLY
    }

    /**
     * One domain of one LAO.
     *
     * @param revision   the revision it is about, 0 when {@link CellState#NOT_YET}
     * @param at         when (received, delivered, refused or imported), null when not yet
     * @param fromServer whether the server said it (else what was carried)
     */
    public record Cell(CellState state, int revision, Instant at, boolean fromServer) {

        public static final Cell NOT_YET = new Cell(CellState.NOT_YET, 0, null, false);
    }

    /**
     * One LAO.
     *
     * @param name its name when this installation knows it, else null
     */
    public record Row(String laoCode, Text name, List<Cell> cells) {

        /** How many domains are done (delivered or accepted). */
        public int done() {
            return (int) cells.stream().filter(c -> c.state().done()).count();
        }
    }

    public Board {
        domains = List.copyOf(domains);
        rows = List.copyOf(rows);
    }
}
