package org.infodesk.app.relay.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.protocol.definition.Domain;

/**
 * The board in words, in the user's language (B.E. dates in the office's time zone): the column
 * headers, each cell's state (a label, never a colour alone) with its revision and time, the count
 * done, and where the figures come from. The screen and the exports say the same.
 */
public final class BoardText {

    private static final DateTimeFormatter SHORT_THAI = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Messages.THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private final Messages m;
    private final ZoneId zone;

    public BoardText(Messages messages, ZoneId zone) {
        this.m = Objects.requireNonNull(messages);
        this.zone = Objects.requireNonNull(zone);
    }

    public Messages messages() {
        return m;
    }

    /** The headers: LAO code, LAO name, each domain's title, done. */
    public List<String> headers(Board board) {
        List<String> headers = new ArrayList<>();
        headers.add(m.get("relayStatus.column.code"));
        headers.add(m.get("relayStatus.column.name"));
        for (Domain domain : board.domains()) {
            headers.add(m.text(domain.label()));
        }
        headers.add(m.get("relayStatus.column.done", board.domains().size()));
        return headers;
    }

    /** One row's texts under {@link #headers}: each cell on one line. */
    public List<String> row(Board board, Board.Row row) {
        List<String> texts = new ArrayList<>();
        texts.add(row.laoCode());
        texts.add(row.name() == null ? "" : m.text(row.name()));
        for (Board.Cell cell : row.cells()) {
            texts.add(cellLine(cell));
        }
        texts.add(done(board, row));
        return texts;
    }

    /** A cell's state label. */
    public String state(Board.Cell cell) {
        return m.get(cell.state().messageKey());
    }

    /** A cell's revision and time ("ฉบับที่ 2 · 1 มิ.ย. 2564 09:00"), empty when not yet. */
    public String detail(Board.Cell cell) {
        if (cell.state() == CellState.NOT_YET) {
            return "";
        }
        String revision = m.get("relayStatus.revision", cell.revision());
        return cell.at() == null ? revision : revision + " · " + shortTime(cell.at());
    }

    /** A cell on one line, as the exports write it: "ส่งถึงแล้ว (ฉบับที่ 2 · 1 มิ.ย. 2564 09:00)". */
    public String cellLine(Board.Cell cell) {
        String detail = detail(cell);
        return detail.isEmpty() ? state(cell) : state(cell) + " (" + detail + ")";
    }

    /** "5/8". */
    public String done(Board board, Board.Row row) {
        return row.done() + "/" + board.domains().size();
    }

    /** Where the figures come from, and as of when. */
    public String source(Board board) {
        return switch (board.source()) {
            case SERVER -> m.get("relayStatus.source.SERVER", time(board.pulledAt().orElseThrow()));
            case CARRIED_SERVER_STALE -> m.get("relayStatus.source.CARRIED_SERVER_STALE", time(board.pulledAt().orElseThrow()));
            case CARRIED_ONLY -> m.get("relayStatus.source.CARRIED_ONLY");
        };
    }

    /** The title with the fiscal year: "สถานะการส่งข้อมูลของ อปท. ในอำเภอ ปีงบประมาณ 2564". */
    public String title(Board board) {
        return m.get("relayStatus.heading", String.valueOf(board.fiscalYear()));
    }

    /** A cell's time, short enough for its column: "31 พ.ค. 2564 14:15" (B.E.) in Thai; as {@link ThaiDates} in English. */
    String shortTime(Instant at) {
        if (m.english()) {
            return time(at);
        }
        return SHORT_THAI.format(at.atZone(zone));
    }

    String time(Instant at) {
        return ThaiDates.format(LocalDateTime.ofInstant(at, zone), m.locale());
    }
}
