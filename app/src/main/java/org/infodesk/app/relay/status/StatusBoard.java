package org.infodesk.app.relay.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.app.relay.status.StatusRepository.Carried;
import org.infodesk.app.relay.status.StatusRepository.ServerStatus;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Text;

/**
 * Builds the district's status board. Per LAO and domain: the server's status when it has one for
 * the same or a newer revision than what was carried (a reviewer's decision is known only to the
 * server); else the newest carried revision (by revision, then by import order): carried, delivered
 * (receipt) or refused; else not yet. The LAOs are every LAO the district has seen, carried or from
 * the server, in any year, so that one that sent nothing this year shows as missing.
 */
public final class StatusBoard {

    /** How long after a pull the server's figures count as current (the sync engine pulls every 10 minutes). */
    public static final Duration FRESH = Duration.ofMinutes(30);

    /** The domains of a fiscal year's questionnaire. */
    @FunctionalInterface
    public interface DomainsOfYear {
        List<Domain> of(int fiscalYear) throws StoreException;
    }

    private final StatusRepository repository;
    private final DomainsOfYear domains;
    private final Function<String, Text> names;
    private final Clock clock;

    /**
     * @param names an LAO's name by code, null when this installation does not know it
     */
    public StatusBoard(StatusRepository repository, DomainsOfYear domains, Function<String, Text> names, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.domains = Objects.requireNonNull(domains);
        this.names = Objects.requireNonNull(names);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The domains of each year from the questionnaire the installation enters that year with. */
    public static DomainsOfYear domainsOf(Questionnaires questionnaires) {
        return year -> questionnaires.forFiscalYear(year).definition().domains();
    }

    /** The fiscal years the board can show: each one seen, and the current one; newest first. */
    public List<Integer> years() throws StoreException {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(currentYear());
        repository.serverStatus().forEach(s -> years.add(s.fiscalYear()));
        repository.carried().forEach(c -> years.add(c.fiscalYear()));
        return List.copyOf(years);
    }

    /** The current fiscal year (B.E.) by the clock, in Thailand. */
    public int currentYear() {
        return ThaiDates.fiscalYear(LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Bangkok")));
    }

    /** The board of one fiscal year as the store has it now. */
    public Board board(int fiscalYear) throws StoreException {
        return merge(fiscalYear, domains.of(fiscalYear), repository.serverStatus(), repository.carried(),
                repository.lastPulled(), names, clock.instant());
    }

    static Board merge(int fiscalYear, List<Domain> yearDomains, List<ServerStatus> server, List<Carried> carried,
            Optional<Instant> pulledAt, Function<String, Text> names, Instant now) {
        List<Domain> ordered = yearDomains.stream().sorted(Comparator.comparingInt(Domain::order)).toList();
        TreeSet<String> laos = new TreeSet<>();
        Map<String, ServerStatus> said = new HashMap<>();
        for (ServerStatus s : server) {
            laos.add(s.laoCode());
            if (s.fiscalYear() == fiscalYear) {
                said.merge(s.laoCode() + "/" + s.domainId(), s, (a, b) -> b.revision() >= a.revision() ? b : a);
            }
        }
        Map<String, Carried> newest = new HashMap<>();
        for (Carried c : carried) {
            laos.add(c.laoCode());
            if (c.fiscalYear() == fiscalYear) {
                newest.merge(c.laoCode() + "/" + c.domainId(), c, (a, b) -> b.revision() >= a.revision() ? b : a);
            }
        }
        List<Board.Row> rows = new ArrayList<>();
        for (String lao : laos) {
            List<Board.Cell> cells = new ArrayList<>();
            for (Domain domain : ordered) {
                String key = lao + "/" + domain.id();
                cells.add(cell(said.get(key), newest.get(key)));
            }
            rows.add(new Board.Row(lao, names.apply(lao), cells));
        }
        Board.Source source = pulledAt.isEmpty() ? Board.Source.CARRIED_ONLY
                : pulledAt.get().isBefore(now.minus(FRESH)) ? Board.Source.CARRIED_SERVER_STALE : Board.Source.SERVER;
        return new Board(fiscalYear, ordered, rows, source, pulledAt, now);
    }

    private static Board.Cell cell(ServerStatus server, Carried carried) {
        if (server != null && (carried == null || server.revision() >= carried.revision())) {
            CellState state = switch (server.state()) {
                case DELIVERED -> CellState.DELIVERED;
                case ACCEPTED -> CellState.ACCEPTED;
                case RETURNED -> CellState.RETURNED;
            };
            return new Board.Cell(state, server.revision(), server.receivedAt(), true);
        }
        if (carried != null) {
            CellState state = switch (carried.delivery()) {
                case WAITING -> CellState.CARRIED;
                case DELIVERED -> CellState.DELIVERED;
                case REFUSED -> CellState.REFUSED;
            };
            return new Board.Cell(state, carried.revision(), carried.at(), false);
        }
        return Board.Cell.NOT_YET;
    }
}
