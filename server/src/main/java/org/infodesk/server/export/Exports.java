package org.infodesk.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.definition.Text;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.server.status.Heads;
import org.infodesk.server.status.Scope;
import org.infodesk.server.status.StatusException;
import org.infodesk.server.status.StatusReport;
import org.infodesk.server.status.StatusService;
import org.infodesk.server.status.StoredPayloads;

/**
 * The exports of issue 6, each written to a stream in CSV or xlsx ({@link ExportFormat}):
 * the accepted data ({@link #writeAccepted}: one row per LAO and answered item, one per cell of
 * a repeat group) and the status sheet ({@link #writeStatus}: one row per LAO and domain). The
 * column layouts are {@link #ACCEPTED_COLUMNS} and {@link #STATUS_COLUMNS}; server/README.md
 * describes them.
 */
public final class Exports {

    public static final List<Table.Column> ACCEPTED_COLUMNS = columns(
            "fiscal_year", 6, "province", 14, "district", 16, "lao_code", 9, "lao_name_th", 28, "domain_id", 22,
            "item_id", 26, "row", 5, "field", 22, "item_label_th", 50, "value", 18, "value_th", 22, "unit_th", 12,
            "revision", 6, "submission_id", 38, "certified_by", 24, "certifier_position", 28, "certified_at", 25,
            "received_at", 25);

    public static final List<Table.Column> STATUS_COLUMNS = columns(
            "fiscal_year", 6, "province", 14, "district", 16, "lao_code", 9, "lao_name_th", 28, "domain_id", 22,
            "domain_label_th", 32, "state", 10, "revision", 6, "submission_id", 38, "certified_at", 25, "received_at", 25,
            "decided_at", 25);

    /** Between a repeat group's label and its field's, in {@code item_label_th}. */
    static final String LABEL_SEPARATOR = " › ";

    private final Heads heads;
    private final StoredPayloads payloads;
    private final StatusService status;

    public Exports(DataSource dataSource, StoredPayloads payloads, StatusService status) {
        this.heads = new Heads(dataSource);
        this.payloads = payloads;
        this.status = status;
    }

    /**
     * Writes the accepted data of a fiscal year in a scope: for each LAO and domain whose head
     * revision's latest decision is ACCEPTED, one row per answered item of that revision (in the
     * definition's order), and for a repeat group one row per answered cell ({@code row} from 1,
     * {@code field} the field's id). Nothing of a domain that is delivered, returned or
     * superseded. Returns the number of data rows.
     *
     * @throws StatusException no definition for the year, or no LAO in the scope
     */
    public long writeAccepted(int fiscalYear, Scope scope, ExportFormat format, OutputStream out)
            throws StatusException, SQLException, IOException {
        List<String> domainOrder = StatusService.domainsInOrder(status.check(fiscalYear, scope)).stream().map(Domain::id).toList();
        long[] rows = {0};
        try (Table table = format.open(out, "accepted " + fiscalYear, ACCEPTED_COLUMNS, null)) {
            heads.forEach(fiscalYear, scope, true, domainOrder, head -> rows[0] += writeItems(head, table));
        }
        return rows[0];
    }

    /** The rows of one accepted head: its answered items in the definition's order, a repeat group cell by cell. */
    private long writeItems(Heads.Head head, Table table) throws IOException {
        SubmissionPayload payload = payloads.read(head);
        Domain domain = payloads.definitionOf(payload).domain(head.domainId()).orElseThrow();
        long rows = 0;
        for (Item item : domain.items()) {
            Object value = payload.values().get(item.id());
            if (value == null) {
                continue;
            }
            if (item.type() != ItemType.REPEAT_GROUP) {
                table.row(accepted(head, payload, item.id(), null, item, item.label().th(), value));
                rows++;
                continue;
            }
            List<?> groupRows = (List<?>) value;
            for (int r = 0; r < groupRows.size(); r++) {
                Map<?, ?> cells = (Map<?, ?>) groupRows.get(r);
                for (Item field : item.fields()) {
                    Object cell = cells.get(field.id());
                    if (cell != null) {
                        table.row(accepted(head, payload, item.id(), r + 1, field,
                                item.label().th() + LABEL_SEPARATOR + field.label().th(), cell));
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static List<Object> accepted(Heads.Head head, SubmissionPayload payload, String itemId, Integer row, Item item,
            String label, Object value) {
        Text unit = item.unit();
        return Arrays.asList(payload.fiscalYear(), head.province(), head.district(), head.laoCode(), head.laoNameTh(),
                head.domainId(), itemId, row, row == null ? null : item.id(), label, Cells.value(value), Cells.thai(item, value),
                unit == null ? null : unit.th(), head.revision(), head.submissionId(), payload.certifier().name(),
                payload.certifier().position(), payload.certifiedAt(), head.receivedAt());
    }

    /** Writes a status as a sheet: one row per LAO and domain, the note first. Returns the number of data rows. */
    public long writeStatus(StatusReport report, ExportFormat format, OutputStream out) throws IOException {
        long rows = 0;
        try (Table table = format.open(out, "status " + report.fiscalYear(), STATUS_COLUMNS, StatusReport.NOTE)) {
            for (StatusReport.LaoStatus lao : report.laos()) {
                for (int i = 0; i < report.domains().size(); i++) {
                    StatusReport.DomainStatus domain = lao.domains().get(i);
                    table.row(Arrays.asList(report.fiscalYear(), lao.province(), lao.district(), lao.code(), lao.nameTh(),
                            domain.domainId(), report.domains().get(i).labelTh(), domain.state().name(), domain.revision(),
                            domain.submissionId(), domain.certifiedAt(), domain.receivedAt(), domain.decidedAt()));
                    rows++;
                }
            }
        }
        return rows;
    }

    private static List<Table.Column> columns(Object... nameAndWidth) {
        List<Table.Column> columns = new ArrayList<>();
        for (int i = 0; i < nameAndWidth.length; i += 2) {
            columns.add(new Table.Column((String) nameAndWidth[i], (Integer) nameAndWidth[i + 1]));
        }
        return List.copyOf(columns);
    }
}
