package org.infodesk.server.status;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.server.status.StatusReport.AreaCount;
import org.infodesk.server.status.StatusReport.DomainColumn;
import org.infodesk.server.status.StatusReport.DomainCount;
import org.infodesk.server.status.StatusReport.DomainStatus;
import org.infodesk.server.status.StatusReport.LaoStatus;

/**
 * Who has delivered and who has been accepted, per LAO, district and province (issue 6): every
 * LAO of the registry in the scope, including those that delivered nothing, times every domain
 * of the fiscal year's definition. Plain JDBC over the server's database; the HTTP layer and the
 * command line call {@link #report}.
 */
public final class StatusService {

    private final Heads heads;
    private final StoredPayloads payloads;

    public StatusService(DataSource dataSource, StoredPayloads payloads) {
        this.heads = new Heads(dataSource);
        this.payloads = payloads;
    }

    /**
     * The status of a fiscal year in a scope.
     *
     * @throws StatusException the server knows no definition for the year, or the registry has no LAO in the scope
     */
    public StatusReport report(int fiscalYear, Scope scope) throws StatusException, SQLException {
        Definition definition = check(fiscalYear, scope);
        List<DomainColumn> columns = domainsInOrder(definition).stream()
                .map(d -> new DomainColumn(d.id(), d.order(), d.label().th(), d.label().en()))
                .toList();
        Map<String, Heads.Head> laoOf = new LinkedHashMap<>();
        Map<String, Map<String, DomainStatus>> domainsOf = new LinkedHashMap<>();
        heads.forEach(fiscalYear, scope, false, columns.stream().map(DomainColumn::id).toList(), head -> {
            laoOf.putIfAbsent(head.laoCode(), head);
            Map<String, DomainStatus> domains = domainsOf.computeIfAbsent(head.laoCode(), code -> new LinkedHashMap<>());
            if (head.domainId() != null) {
                domains.put(head.domainId(), new DomainStatus(head.domainId(), head.state(), head.revision(), head.submissionId(),
                        head.certifiedAt(), head.receivedAt(), head.decidedAt()));
            }
        });
        List<LaoStatus> laos = new ArrayList<>();
        laoOf.forEach((code, lao) -> {
            Map<String, DomainStatus> delivered = domainsOf.get(code);
            laos.add(new LaoStatus(code, lao.laoNameTh(), lao.laoNameEn(), lao.province(), lao.district(), columns.stream()
                    .map(c -> delivered.getOrDefault(c.id(), DomainStatus.nothing(c.id()))).toList()));
        });
        return new StatusReport(fiscalYear, definition.key(), scope, StatusReport.NOTE, columns, laos,
                areas(laos, columns, lao -> List.of(lao.province(), lao.district())),
                areas(laos, columns, lao -> List.of(lao.province())),
                count(scope.province(), scope.district(), laos, columns));
    }

    /**
     * The definition of a fiscal year, after checking that a status or export can be made for it.
     *
     * @throws StatusException the server knows no definition for the year, or the registry has no LAO in the scope
     */
    public Definition check(int fiscalYear, Scope scope) throws StatusException, SQLException {
        Definition definition = payloads.definitionFor(fiscalYear);
        if (heads.laos(scope) == 0) {
            throw new StatusException("no LAO of the registry in " + scope.describe());
        }
        return definition;
    }

    /** A definition's domains in their {@code order}: the columns of a status, the order of an export. */
    public static List<Domain> domainsInOrder(Definition definition) {
        return definition.domains().stream().sorted(Comparator.comparingInt(Domain::order)).toList();
    }

    /** The counts of each area ({@code [province]} or {@code [province, district]}), in the order the LAOs come. */
    private static List<AreaCount> areas(List<LaoStatus> laos, List<DomainColumn> columns, Function<LaoStatus, List<String>> area) {
        Map<List<String>, List<LaoStatus>> byArea = new LinkedHashMap<>();
        laos.forEach(lao -> byArea.computeIfAbsent(area.apply(lao), key -> new ArrayList<>()).add(lao));
        List<AreaCount> counts = new ArrayList<>();
        byArea.forEach((key, members) -> counts.add(count(key.get(0), key.size() > 1 ? key.get(1) : null, members, columns)));
        return counts;
    }

    private static AreaCount count(String province, String district, List<LaoStatus> laos, List<DomainColumn> columns) {
        List<DomainCount> domains = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int[] byState = new int[DomainState.values().length];
            for (LaoStatus lao : laos) {
                byState[lao.domains().get(i).state().ordinal()]++;
            }
            int undecided = byState[DomainState.DELIVERED.ordinal()];
            int returned = byState[DomainState.RETURNED.ordinal()];
            int accepted = byState[DomainState.ACCEPTED.ordinal()];
            domains.add(new DomainCount(columns.get(i).id(), undecided + returned + accepted, undecided, returned, accepted,
                    byState[DomainState.NOTHING.ordinal()]));
        }
        return new AreaCount(province, district, laos.size(), domains);
    }
}
