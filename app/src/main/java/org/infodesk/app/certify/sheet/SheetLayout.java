package org.infodesk.app.certify.sheet;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infodesk.app.form.ValueText;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.definition.Section;

/**
 * Lays one sheet out on A4 portrait: the title block, the items table (section rows, repeat
 * groups as small tables, its column headings repeated on every page), the digest, the
 * certification statement and the signature block, a running header from page 2 and
 * "page x/y" at the foot of every page. One instance per rendering.
 */
final class SheetLayout {

    /** What an item without a value shows, on paper as on Thai forms. */
    private static final String NONE = "-";

    private static final float MARGIN_LEFT = 56; // about 2 cm
    private static final float MARGIN_RIGHT = 42;
    private static final float MARGIN_TOP = 64;
    private static final float MARGIN_BOTTOM = 54;
    /** Line height as a multiple of the font size: Thai stacks a vowel and a tone mark above. */
    private static final float LEADING = 1.4f;
    private static final Color RULE = new Color(0x80, 0x80, 0x80);
    private static final Color HEADING_FILL = new Color(0xE4, 0xE4, 0xE4);
    private static final Color SECTION_FILL = new Color(0xF3, 0xF3, 0xF3);
    private static final Color QUIET = new Color(0x55, 0x55, 0x55);
    /** Width of the items table's number column, in per cent; a group's table is indented by it. */
    private static final float NUMBER_COLUMN = 6;
    private static final float CELL_PADDING = 9;

    private final SheetData data;
    private final Messages messages;
    private final int totalPages;
    private final ThaiLineBreaks breaks = new ThaiLineBreaks();

    private final Font title = new Font(SheetFonts.bold(), 15);
    private final Font subtitle = new Font(SheetFonts.bold(), 12.5f);
    private final Font body = new Font(SheetFonts.regular(), 10.5f);
    private final Font bodyBold = new Font(SheetFonts.bold(), 10.5f);
    private final Font small = new Font(SheetFonts.regular(), 9, Font.NORMAL, QUIET);
    private final Font groupBody = new Font(SheetFonts.regular(), 9);
    private final Font groupBold = new Font(SheetFonts.bold(), 9);
    private final Font digestFont = new Font(SheetFonts.bold(), 12);

    /** Widths of the items table's columns (no., item, value, unit), fitted to this domain's values. */
    private final float[] columns;
    private int pages;

    /**
     * @param totalPages the page count for "page x/y", known from a first rendering; 0 in that
     *                   first rendering (the footer never changes where the body breaks)
     */
    SheetLayout(SheetData data, Messages messages, int totalPages) {
        this.data = data;
        this.messages = messages;
        this.totalPages = totalPages;
        this.columns = itemColumns();
    }

    /** Writes the PDF; returns its page count. */
    int render(OutputStream out) {
        Document document = new Document(PageSize.A4, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Frame());
        // the catalog's language, for screen readers and text-to-speech
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(messages.english() ? "en" : "th"));
        document.addTitle(messages.get("sheet.title") + " – " + domainLabel());
        document.addAuthor(messages.text(data.laoName()));
        document.addSubject(data.submissionId());
        document.addCreator(messages.get("app.name"));
        document.open();
        titleBlock(document);
        items(document, writer);
        certification(document);
        document.close();
        return pages;
    }

    private String domainLabel() {
        return messages.text(data.domain().label());
    }

    private String year() {
        return String.valueOf(data.fiscalYear());
    }

    // ---- title block ----

    private void titleBlock(Document document) {
        Paragraph heading = new Paragraph(phrase(messages.get("sheet.title"), title));
        heading.setAlignment(Element.ALIGN_CENTER);
        document.add(heading);
        Paragraph sub = new Paragraph(phrase(messages.get("sheet.subtitle", domainLabel(), year()), subtitle));
        sub.setAlignment(Element.ALIGN_CENTER);
        sub.setSpacingAfter(8);
        document.add(sub);

        PdfPTable details = new PdfPTable(new float[] {19, 37, 17, 27});
        details.setWidthPercentage(100);
        details.setSpacingAfter(10);
        detail(details, "sheet.lao", messages.text(data.laoName()), 1);
        detail(details, "sheet.laoCode", data.laoCode(), 1);
        detail(details, "sheet.domain", domainLabel(), 1);
        detail(details, "sheet.fiscalYear", messages.get("sheet.fiscalYearValue", year()), 1);
        detail(details, "sheet.revision", String.valueOf(data.revision()), 1);
        detail(details, "sheet.certifiedAt", ThaiDates.format(data.certifiedAt(), messages.locale()), 1);
        detail(details, "sheet.submission", data.submissionId(), 3);
        document.add(details);
    }

    private void detail(PdfPTable table, String key, String value, int span) {
        PdfPCell label = cell(messages.get(key), small, Element.ALIGN_LEFT);
        label.setBorder(Rectangle.NO_BORDER);
        label.setPaddingLeft(0);
        table.addCell(label);
        PdfPCell text = cell(value, bodyBold, Element.ALIGN_LEFT);
        text.setBorder(Rectangle.BOTTOM);
        text.setBorderColor(RULE);
        text.setBorderWidth(0.4f);
        text.setColspan(span);
        table.addCell(text);
    }

    // ---- items ----

    /**
     * The items in questionnaire order, section by section. The table is added in pieces (a
     * section, a repeat group's row, the group's own table), so that a piece can be moved to
     * the next page when its start would end this one: a section heading never ends a page
     * without its first item, nor a group's row without the start of its table.
     */
    private void items(Document document, PdfWriter writer) {
        int number = 0;
        boolean first = true;
        for (Section section : data.domain().sections()) {
            List<Item> inSection = new ArrayList<>();
            for (Item item : data.domain().items()) {
                if (section.id().equals(item.section())) {
                    inSection.add(item);
                }
            }
            if (inSection.isEmpty()) {
                continue;
            }
            PdfPTable piece = itemsTable(first);
            first = false;
            PdfPCell heading = cell(messages.text(section.label()), bodyBold, Element.ALIGN_LEFT);
            heading.setColspan(columns.length);
            heading.setBackgroundColor(SECTION_FILL);
            piece.addCell(heading);
            for (Item item : inSection) {
                number++;
                Object value = valueOf(item);
                if (item.type() == ItemType.REPEAT_GROUP && value instanceof List<?> rows && !rows.isEmpty()) {
                    boolean headingOnly = piece.size() == piece.getHeaderRows() + 1;
                    if (!headingOnly) {
                        add(document, writer, piece, null);
                        piece = itemsTable(false);
                    }
                    itemRow(piece, number, item, value);
                    PdfPTable group = groupTable(item, rows);
                    add(document, writer, piece, group);
                    document.add(group);
                    piece = itemsTable(false);
                } else {
                    itemRow(piece, number, item, value);
                }
            }
            if (piece.size() > piece.getHeaderRows()) {
                add(document, writer, piece, null);
            }
        }
    }

    private void itemRow(PdfPTable table, int number, Item item, Object value) {
        table.addCell(cell(String.valueOf(number), body, Element.ALIGN_CENTER));
        table.addCell(cell(messages.text(item.label()), body, Element.ALIGN_LEFT));
        String text = ValueText.of(item, value, messages);
        table.addCell(cell(text.isEmpty() ? NONE : text, body, alignment(item, text)));
        table.addCell(cell(item.unit() == null ? "" : messages.text(item.unit()), body, Element.ALIGN_LEFT));
    }

    /** Numbers to the right, "-" and yes/no in the middle, words to the left. */
    private static int alignment(Item item, String text) {
        if (text.isEmpty() || item.type() == ItemType.YES_NO) {
            return Element.ALIGN_CENTER;
        }
        return item.type().isNumeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
    }

    /** The value, or null when the item is not relevant or has none. */
    private Object valueOf(Item item) {
        return data.notRelevant().contains(item.id()) ? null : data.values().get(item.id());
    }

    /**
     * The items table's column headings, shown at the top of the table and of every page it
     * reaches; a piece that follows another on the same page does not show them again.
     */
    private PdfPTable itemsTable(boolean showHeadings) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSkipFirstHeader(!showHeadings);
        for (String key : new String[] {"sheet.col.no", "sheet.col.item", "sheet.col.value", "sheet.col.unit"}) {
            PdfPCell heading = cell(messages.get(key), bodyBold, Element.ALIGN_CENTER);
            heading.setBackgroundColor(HEADING_FILL);
            table.addCell(heading);
        }
        return table;
    }

    /**
     * Adds a piece of the items table, first moving to a new page if its first rows (all of
     * them when a group's table follows, with that table's headings and first row) would not fit.
     */
    private void add(Document document, PdfWriter writer, PdfPTable piece, PdfPTable following) {
        float width = document.right() - document.left();
        piece.setTotalWidth(width);
        piece.setLockedWidth(true);
        int body = piece.size() - piece.getHeaderRows();
        int keep = following == null ? Math.min(2, body) : body;
        float needed = piece.isSkipFirstHeader() ? 0 : piece.getHeaderHeight();
        for (int row = 0; row < keep; row++) {
            needed += piece.getRowHeight(piece.getHeaderRows() + row);
        }
        if (following != null) {
            following.setTotalWidth(width * following.getWidthPercentage() / 100);
            following.setLockedWidth(true);
            needed += following.getHeaderHeight() + (following.size() > 1 ? following.getRowHeight(1) : 0);
        }
        float available = writer.getVerticalPosition(false) - document.bottom();
        if (needed > available - 1) {
            document.newPage();
            piece.setSkipFirstHeader(false);
        } else if (available >= document.top() - document.bottom() - 1) {
            piece.setSkipFirstHeader(false); // the page is still empty: a new page, headings first
        }
        document.add(piece);
    }

    /** A repeat group as a small table under its item, indented past the number column. */
    private PdfPTable groupTable(Item group, List<?> rows) {
        List<Item> fields = group.fields();
        List<String[]> cells = new ArrayList<>();
        String[] headings = new String[fields.size() + 1];
        headings[0] = messages.get("sheet.col.no");
        for (int i = 0; i < fields.size(); i++) {
            Item field = fields.get(i);
            headings[i + 1] = messages.text(field.label()) + (field.unit() == null ? "" : " (" + messages.text(field.unit()) + ")");
        }
        for (Object row : rows) {
            Map<?, ?> values = row instanceof Map<?, ?> m ? m : Map.of();
            String[] line = new String[fields.size() + 1];
            line[0] = String.valueOf(cells.size() + 1);
            for (int i = 0; i < fields.size(); i++) {
                line[i + 1] = ValueText.of(fields.get(i), values.get(fields.get(i).id()), messages);
            }
            cells.add(line);
        }
        PdfPTable table = new PdfPTable(groupWidths(fields, headings, cells));
        table.setWidthPercentage(100 - NUMBER_COLUMN);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setHeaderRows(1);
        for (String heading : headings) {
            PdfPCell cell = cell(heading, groupBold, Element.ALIGN_CENTER);
            cell.setBackgroundColor(SECTION_FILL);
            table.addCell(cell);
        }
        for (String[] line : cells) {
            table.addCell(cell(line[0], groupBody, Element.ALIGN_CENTER));
            for (int i = 0; i < fields.size(); i++) {
                table.addCell(cell(line[i + 1].isEmpty() ? NONE : line[i + 1], groupBody, alignment(fields.get(i), line[i + 1])));
            }
        }
        return table;
    }

    /**
     * The items table's columns: the value and unit columns as wide as this domain's widest
     * value and unit (within bounds, so that long choice lists take fewer lines and labels keep
     * room), the item column the rest.
     */
    private float[] itemColumns() {
        float width = PageSize.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT;
        float value = textWidth(messages.get("sheet.col.value"), bodyBold);
        float unit = textWidth(messages.get("sheet.col.unit"), bodyBold);
        for (Item item : data.domain().items()) {
            value = Math.max(value, textWidth(ValueText.of(item, valueOf(item), messages), body));
            unit = Math.max(unit, item.unit() == null ? 0 : textWidth(messages.text(item.unit()), body));
        }
        float valuePart = clamp((value + CELL_PADDING) / width * 100, 18, 36);
        float unitPart = clamp((unit + CELL_PADDING) / width * 100, 10, 16);
        return new float[] {NUMBER_COLUMN, 100 - NUMBER_COLUMN - valuePart - unitPart, valuePart, unitPart};
    }

    private static float clamp(float value, float min, float max) {
        return Math.max(min, Math.min(max, value));
    }

    /**
     * Column widths for a group's table. Each column has a least width (its longest word; for
     * numbers, dates and yes/no, its widest value, so they never wrap) and a wanted one (its
     * longest value on one line; a heading in at most about three lines). All columns get what
     * they want when it fits, else their least width and a fair share of the rest.
     */
    private float[] groupWidths(List<Item> fields, String[] headings, List<String[]> cells) {
        float available = (PageSize.A4.getWidth() - MARGIN_LEFT - MARGIN_RIGHT) * (100 - NUMBER_COLUMN) / 100;
        float[] least = new float[headings.length];
        float[] wanted = new float[headings.length];
        float leastSum = 0;
        float wantedSum = 0;
        for (int c = 0; c < headings.length; c++) {
            boolean words = c > 0 && switch (fields.get(c - 1).type()) {
                case TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE -> true;
                default -> false;
            };
            float leastText = longestWord(headings[c], groupBold);
            float wantedText = Math.max(leastText, Math.min(textWidth(headings[c], groupBold) / 2.5f, 60));
            for (String[] line : cells) {
                float whole = textWidth(line[c], groupBody);
                leastText = Math.max(leastText, words ? longestWord(line[c], groupBody) : whole);
                wantedText = Math.max(wantedText, whole);
            }
            least[c] = leastText + CELL_PADDING;
            wanted[c] = Math.max(least[c], wantedText + CELL_PADDING);
            leastSum += least[c];
            wantedSum += wanted[c];
        }
        if (wantedSum <= available || leastSum >= available) {
            return wantedSum <= available ? wanted : least;
        }
        float share = (available - leastSum) / (wantedSum - leastSum);
        float[] widths = new float[headings.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = least[c] + (wanted[c] - least[c]) * share;
        }
        return widths;
    }

    private float longestWord(String text, Font font) {
        float widest = 0;
        BreakIterator words = BreakIterator.getLineInstance(messages.locale());
        words.setText(text);
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            widest = Math.max(widest, textWidth(text.substring(start, end).strip(), font));
        }
        return widest;
    }

    private static float textWidth(String text, Font font) {
        return font.getBaseFont().getWidthPoint(text, font.getSize());
    }

    // ---- digest, statement, signature ----

    /** The digest, the statement and the signature block, kept together on one page. */
    private void certification(Document document) {
        PdfPTable block = new PdfPTable(new float[] {44, 56});
        block.setWidthPercentage(100);
        block.setSpacingBefore(14);
        block.setKeepTogether(true);

        PdfPCell digest = new PdfPCell();
        digest.setColspan(2);
        digest.setBorderColor(RULE);
        digest.setBorderWidth(0.6f);
        digest.setPadding(8);
        digest.setPaddingTop(4);
        digest.setUseAscender(true);
        digest.addElement(new Paragraph(phrase(messages.get("sheet.digest"), small)));
        Paragraph hex = new Paragraph(phrase(data.digestForReading().replace(" ", "  "), digestFont));
        hex.setSpacingBefore(2);
        digest.addElement(hex);
        digest.addElement(new Paragraph(phrase(messages.get("sheet.digestHint"), small)));
        block.addCell(digest);

        PdfPCell statement = cell(messages.get("sheet.statement", domainLabel(), messages.text(data.laoName()), year()),
                body, Element.ALIGN_LEFT);
        statement.setColspan(2);
        statement.setBorder(Rectangle.NO_BORDER);
        statement.setPaddingTop(14);
        statement.setPaddingLeft(0);
        statement.setPaddingRight(0);
        block.addCell(statement);

        PdfPCell room = new PdfPCell();
        room.setBorder(Rectangle.NO_BORDER);
        block.addCell(room);
        PdfPCell signature = new PdfPCell();
        signature.setBorder(Rectangle.NO_BORDER);
        signature.setPaddingTop(30); // room to sign above the dotted line
        signature.addElement(centred(messages.get("sheet.signLine", "............................................"), body, 0));
        signature.addElement(centred("(" + data.certifierName() + ")", body, 8));
        signature.addElement(centred(messages.get("sheet.position", data.certifierPosition()), body, 2));
        signature.addElement(centred(messages.get("sheet.date", ThaiDates.formatLong(data.certifiedAt().toLocalDate(),
                messages.locale())), body, 2));
        block.addCell(signature);
        document.add(block);
    }

    private Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(phrase(text, font));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    // ---- text ----

    private Phrase phrase(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(breaks);
        return new Phrase(font.getSize() * LEADING, chunk);
    }

    private PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(phrase(text, font));
        cell.setLeading(0, LEADING);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(3);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        return cell;
    }

    /** The running header (from page 2) and the footer with "page x/y" (every page). */
    private final class Frame extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            PdfContentByte canvas = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            if (pages > 1) {
                String running = messages.get("sheet.running", messages.text(data.laoName()), data.laoCode(), domainLabel(),
                        year(), String.valueOf(data.revision()));
                ColumnText header = new ColumnText(canvas);
                float top = document.getPageSize().getHeight() - 26;
                header.setSimpleColumn(phrase(running, small), left, document.top() + 6, right, top, small.getSize() * LEADING,
                        Element.ALIGN_LEFT);
                header.go();
                rule(canvas, left, right, document.top() + 4);
            }
            float foot = document.bottom() - 24;
            rule(canvas, left, right, document.bottom() - 10);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    phrase(messages.get("sheet.submission") + " " + data.submissionId(), small), left, foot, 0);
            String page = totalPages > 0 ? messages.get("sheet.page", String.valueOf(pages), String.valueOf(totalPages))
                    : messages.get("sheet.page", String.valueOf(pages), "?");
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, phrase(page, small), right, foot, 0);
        }

        private void rule(PdfContentByte canvas, float left, float right, float y) {
            canvas.saveState();
            canvas.setColorStroke(RULE);
            canvas.setLineWidth(0.4f);
            canvas.moveTo(left, y);
            canvas.lineTo(right, y);
            canvas.stroke();
            canvas.restoreState();
        }
    }
}
