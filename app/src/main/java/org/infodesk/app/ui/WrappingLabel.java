package org.infodesk.app.ui;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * A label whose text wraps to its width at word boundaries, Thai included, by line breaks it
 * puts in itself.
 *
 * <p>Why not {@code Label.setWrapText(true)}: JavaFX 21 draws the first line of a wrapped Thai
 * text with every glyph of the run, past the wrapping width and over its neighbours; the next
 * line starts where it should, so the text reads twice and runs off the panel (seen under
 * Monocle and under GTK; Latin text is fine). A text of explicit lines draws correctly, so this
 * label breaks the lines itself: at spaces, and inside a Thai phrase too wide for a line at the
 * word boundaries of the JDK's dictionary breaker (only then loaded).
 *
 * <p>Set or bind {@link #contentProperty()}, not {@code text}, which holds the broken lines.
 */
public class WrappingLabel extends Label {

    private static final Locale THAI = Locale.forLanguageTag("th");
    /** Never at the start of a line: the JDK's breaker allows a break before these in Thai text. */
    private static final String CLOSING = "/),.:;!?%";

    private final StringProperty content = new SimpleStringProperty(this, "content", "");
    private final Text measure = new Text();
    private double brokenFor = Double.NaN;
    /** What the last measurements were for: a form has dozens of these and lays them out often. */
    private String cachedContent;
    private Font cachedFont;
    private double oneLineWidth;
    private double minWidth;
    private double linesWidth = Double.NaN;
    private String lines;

    public WrappingLabel() {
        this("");
    }

    public WrappingLabel(String text) {
        setWrapText(false);
        setTextOverrun(OverrunStyle.CLIP);
        setMaxWidth(Double.MAX_VALUE);
        measure.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER); // as a label measures its text
        content.addListener((o, was, is) -> relayout());
        fontProperty().addListener((o, was, is) -> relayout());
        content.set(text == null ? "" : text);
    }

    /**
     * A line for a message that comes and goes: laid out and shown only while its text says
     * something, bound to {@code text} when one is given.
     */
    public static WrappingLabel shownWhileSet(String id, String styleClass, javafx.beans.value.ObservableValue<String> text) {
        WrappingLabel label = new WrappingLabel();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        if (text != null) {
            label.contentProperty().bind(text);
        }
        label.visibleProperty().bind(label.contentProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The whole text, before it is broken into lines. */
    public final StringProperty contentProperty() {
        return content;
    }

    public final String getContent() {
        return content.get();
    }

    public final void setContent(String text) {
        content.set(text == null ? "" : text);
    }

    private void relayout() {
        brokenFor = Double.NaN;
        setText(content.get());
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        measured();
        return minWidth + horizontal(getInsets());
    }

    @Override
    protected double computePrefWidth(double height) {
        measured();
        return Math.ceil(oneLineWidth) + horizontal(getInsets());
    }

    /** Measures the content once for its text and font: its widest line, and its widest word (up to 160). */
    private void measured() {
        String text = content.get();
        if (text.equals(cachedContent) && getFont().equals(cachedFont)) {
            return;
        }
        double widest = 0;
        for (String line : text.split("\n", -1)) {
            widest = Math.max(widest, width(line));
        }
        double widestWord = 0;
        for (String word : text.split("\\s+")) {
            widestWord = Math.max(widestWord, Math.min(width(word), 160)); // narrower would cut one
        }
        oneLineWidth = widest;
        minWidth = widestWord;
        cachedContent = text;
        cachedFont = getFont();
        linesWidth = Double.NaN;
    }

    /** The content broken for a width, remembered for the last width asked: layout asks the same width often. */
    private String linesFor(double width) {
        measured();
        if (width >= oneLineWidth) {
            return content.get(); // fits as it is (most labels)
        }
        if (width != linesWidth) {
            lines = lines(content.get(), width);
            linesWidth = width;
        }
        return lines;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets insets = getInsets();
        String lines = width < 0 ? content.get() : linesFor(width - horizontal(insets));
        measure.setFont(getFont());
        measure.setLineSpacing(getLineSpacing());
        measure.setText(lines.isEmpty() ? " " : lines);
        return Math.ceil(measure.getLayoutBounds().getHeight()) + insets.getTop() + insets.getBottom();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - horizontal(getInsets());
        if (width != brokenFor) {
            brokenFor = width;
            setText(linesFor(width));
        }
        super.layoutChildren();
    }

    private static double horizontal(Insets insets) {
        return insets.getLeft() + insets.getRight();
    }

    private double width(String text) {
        measure.setFont(getFont());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** The text with a line break wherever the next word would not fit {@code width}; explicit breaks kept. */
    String lines(String text, double width) {
        Font font = getFont();
        measure.setFont(font);
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder();
            for (String piece : pieces(paragraph, width)) {
                String candidate = line + piece;
                if (line.length() > 0 && CLOSING.indexOf(piece.charAt(0)) < 0 && width(candidate.stripTrailing()) > width - 1) {
                    out.append(line.toString().stripTrailing()).append('\n');
                    line.setLength(0);
                }
                line.append(piece);
            }
            out.append(line.toString().stripTrailing());
        }
        return out.toString();
    }

    /** The pieces a line may end after: words with their spaces; a phrase wider than a line, in its Thai words. */
    private List<String> pieces(String paragraph, double width) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= paragraph.length(); i++) {
            boolean end = i == paragraph.length();
            if (end || paragraph.charAt(i) == ' ' && (i + 1 == paragraph.length() || paragraph.charAt(i + 1) != ' ')) {
                int to = end ? i : i + 1;
                if (to > start) {
                    String word = paragraph.substring(start, to);
                    if (width(word.stripTrailing()) > width - 1) {
                        words(word, pieces);
                    } else {
                        pieces.add(word);
                    }
                }
                start = to;
            }
        }
        return pieces;
    }

    private static void words(String phrase, List<String> into) {
        BreakIterator words = BreakIterator.getLineInstance(THAI);
        words.setText(phrase);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            into.add(phrase.substring(start, end));
        }
    }
}
