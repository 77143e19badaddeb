package org.infodesk.app.certify.sheet;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.text.BreakIterator;
import java.util.BitSet;
import java.util.Locale;

/**
 * Where a line may break in Thai, which writes no spaces between words: at the word
 * boundaries of the JDK's dictionary-based line breaker, besides OpenPDF's own break
 * characters (spaces, hyphens). Without it OpenPDF breaks a long Thai label at the last
 * character that fits, which can part a consonant from its vowel or tone mark.
 *
 * <p>One per sheet (it caches the boundaries of the text it last saw; not thread-safe).
 */
final class ThaiLineBreaks implements SplitCharacter {

    private static final Locale THAI = Locale.forLanguageTag("th");
    /** Never at the start of a line (the JDK's breaker allows a break before "/" in Thai text). */
    private static final String CLOSING = "/),.:;!?%";

    private final BreakIterator words = BreakIterator.getLineInstance(THAI);
    private char[] text;
    private int from = -1;
    private int to = -1;
    private final BitSet boundaries = new BitSet();

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck)) {
            return true;
        }
        if (current + 1 >= end) {
            return false;
        }
        if (cc[current] == '/') {
            return true; // "ไม้/เหล็ก/อื่น ๆ" may break after a slash
        }
        if (cc != text || start != from || end != to) {
            scan(start, end, cc);
        }
        // "split character" means the line may end just after it
        return boundaries.get(current + 1 - start) && CLOSING.indexOf(cc[current + 1]) < 0 && cc[current] != '(';
    }

    private void scan(int start, int end, char[] cc) {
        text = cc;
        from = start;
        to = end;
        boundaries.clear();
        words.setText(new String(cc, start, end - start));
        for (int b = words.first(); b != BreakIterator.DONE; b = words.next()) {
            boundaries.set(b);
        }
    }
}
