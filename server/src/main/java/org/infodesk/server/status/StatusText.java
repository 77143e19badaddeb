package org.infodesk.server.status;

import java.io.PrintWriter;
import java.util.List;
import org.infodesk.server.status.StatusReport.AreaCount;
import org.infodesk.server.status.StatusReport.DomainColumn;
import org.infodesk.server.status.StatusReport.DomainCount;
import org.infodesk.server.status.StatusReport.DomainStatus;

/**
 * A status as a table for a terminal: per district, its LAOs × the domains (numbered by their
 * order), then the counts of the district; then each province's counts. A cell is the state's
 * letter and the head revision ({@code A2}: revision 2 accepted). The Thai names come last on
 * each line, as their width in a terminal cannot be counted from their characters.
 */
public final class StatusText {

    private static final String CELL = "%-5s";
    private static final String LABEL = "  %-10s";

    private StatusText() {}

    public static void print(StatusReport report, PrintWriter out) {
        out.println("Status of fiscal year " + report.fiscalYear() + " (" + report.definitionKey() + "), "
                + report.scope().describe() + ": " + report.laos().size() + " LAOs");
        out.println("Note: " + report.note());
        out.println("Domains:");
        for (DomainColumn domain : report.domains()) {
            out.println("  " + domain.order() + " " + domain.id() + " " + domain.labelTh());
        }
        out.println("Cells: A accepted, R returned, D delivered and awaiting review, . nothing delivered;"
                + " the number is the head revision.");
        for (AreaCount district : report.districts()) {
            out.println();
            out.println("District " + district.district() + ", " + district.province() + ": " + district.laos() + " LAOs");
            out.println(line("LAO", report.domains().stream().map(d -> String.valueOf(d.order())).toList(), "name"));
            report.laos().stream()
                    .filter(lao -> lao.province().equals(district.province()) && lao.district().equals(district.district()))
                    .forEach(lao -> out.println(line(lao.code(), lao.domains().stream().map(StatusText::cell).toList(),
                            lao.nameTh())));
            counts(district, out);
        }
        for (AreaCount province : report.provinces()) {
            out.println();
            out.println("Province " + province.province() + ": " + province.laos() + " LAOs");
            counts(province, out);
        }
    }

    private static void counts(AreaCount area, PrintWriter out) {
        List<DomainCount> domains = area.domains();
        out.println(line("delivered", domains.stream().map(c -> String.valueOf(c.delivered())).toList(), ""));
        out.println(line("accepted", domains.stream().map(c -> String.valueOf(c.accepted())).toList(), ""));
        out.println(line("returned", domains.stream().map(c -> String.valueOf(c.returned())).toList(), ""));
        out.println(line("awaiting", domains.stream().map(c -> String.valueOf(c.undecided())).toList(), ""));
    }

    static String cell(DomainStatus status) {
        return switch (status.state()) {
            case NOTHING -> ".";
            case DELIVERED -> "D" + status.revision();
            case RETURNED -> "R" + status.revision();
            case ACCEPTED -> "A" + status.revision();
        };
    }

    private static String line(String label, List<String> cells, String last) {
        StringBuilder line = new StringBuilder(String.format(LABEL, label));
        cells.forEach(cell -> line.append(String.format(CELL, cell)));
        return (line + last).stripTrailing();
    }
}
