package org.infodesk.app.i18n.ui;

import java.text.BreakIterator;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A label that wraps Thai (and any) text at word boundaries by itself, with explicit line breaks.
 *
 * <p>JavaFX 21's own wrapping ({@code Label.setWrapText}, {@code Text.setWrappingWidth}) breaks a
 * Thai run at the right place but draws the rest of the run on the first line too, past the wrap
 * width: a wrapped message reads twice, cut at the edge (seen on Linux, where Pango shapes Thai).
 * Lines separated by {@code '\n'} are shaped one by one and render correctly. So this label finds
 * the line breaks with the JDK's Thai line-break rules ({@link BreakIterator}, dictionary based),
 * measures with its own font, and shows the text with the breaks in it; {@link #fullTextProperty()}
 * is the text without them.
 */
public class WrappingLabel extends Label {

    private static final Locale THAI = Locale.forLanguageTag("th");

    private final StringProperty fullText = new SimpleStringProperty(this, "fullText", "");
    private final Text meter = new Text();
    private String brokenFor;
    private Font fontFor;
    private double widthFor = -1;
    private String broken = "";
    /** The full text's width on one line, for {@link #measuredFor} in {@link #measuredFont}: most labels fit on one line. */
    private String measuredFor;
    private Font measuredFont;
    private double oneLineWidth;
    private double oneLineHeight;

    public WrappingLabel() {
        this("");
    }

    public WrappingLabel(String text) {
        getStyleClass().add("wrapping-label");
        setWrapText(false); // the breaks are ours
        setTextOverrun(javafx.scene.control.OverrunStyle.CLIP); // measured with the same font: never "..."
        fullText.addListener((o, was, is) -> requestLayout());
        fontProperty().addListener((o, was, is) -> requestLayout());
        fullText.set(text == null ? "" : text);
        super.setText(fullText.get());
    }

    /** The text as given, without the line breaks this label adds. */
    public final StringProperty fullTextProperty() {
        return fullText;
    }

    public final String getFullText() {
        return fullText.get();
    }

    public final void setFullText(String text) {
        fullText.set(text == null ? "" : text);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + Math.ceil(oneLineWidth());
    }

    private double oneLineWidth() {
        String text = fullText.get();
        if (!text.equals(measuredFor) || !getFont().equals(measuredFont)) {
            oneLineWidth = measure(text.isEmpty() ? " " : text) * (text.isEmpty() ? 0 : 1);
            oneLineHeight = meter.getLayoutBounds().getHeight();
            measuredFor = text;
            measuredFont = getFont();
        }
        return oneLineWidth;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return Math.min(computePrefWidth(height), in.getLeft() + in.getRight() + 40);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        String lines = width < 0 ? fullText.get() : lines(width - in.getLeft() - in.getRight());
        if (lines.indexOf('\n') < 0) {
            oneLineWidth(); // one line: measured once
            return in.getTop() + in.getBottom() + Math.ceil(oneLineHeight);
        }
        meter.setFont(getFont());
        meter.setText(lines.isEmpty() ? " " : lines);
        return in.getTop() + in.getBottom() + Math.ceil(meter.getLayoutBounds().getHeight());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        String lines = lines(getWidth() - in.getLeft() - in.getRight());
        if (!lines.equals(getText())) {
            super.setText(lines);
        }
        super.layoutChildren();
    }

    /** The full text with a line break wherever it must wrap to fit {@code width}; remembers the last answer. */
    private String lines(double width) {
        String text = fullText.get();
        if (width <= 0 || oneLineWidth() <= width) {
            return text; // fits: nothing to break, nothing to remember
        }
        if (text.equals(brokenFor) && getFont().equals(fontFor) && width == widthFor) {
            return broken;
        }
        broken = breakLines(text, width);
        brokenFor = text;
        fontFor = getFont();
        widthFor = width;
        return broken;
    }

    private String breakLines(String text, double width) {
        if (width <= 0 || oneLineWidth() <= width) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            breakParagraph(paragraphs[p], width, out);
        }
        return out.toString();
    }

    private void breakParagraph(String paragraph, double width, StringBuilder out) {
        BreakIterator breaks = BreakIterator.getLineInstance(THAI);
        breaks.setText(paragraph);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = paragraph.substring(start, end);
            if (line.length() > 0 && measure((line + piece).stripTrailing()) > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
            }
            line.append(piece);
        }
        out.append(line.toString().stripTrailing());
    }

    private double measure(String text) {
        meter.setFont(getFont());
        meter.setText(text);
        return meter.getLayoutBounds().getWidth();
    }
}
