package org.infodesk.app.certify.sheet;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * The app's bundled Sarabun (ADR 0002), embedded as Identity-H subsets, with OpenPDF's glyph
 * layout switched on so that Thai vowels and tone marks sit on their consonants (ADR 0004).
 *
 * <p>Made once, the first time a sheet is made (never at start-up), and kept: OpenPDF's layout
 * processor keeps an AWT font per {@link BaseFont} for the life of the JVM, so new base fonts
 * per sheet would pile up.
 */
final class SheetFonts {

    private static final String DIR = "/org/infodesk/app/shell/fonts/";

    private SheetFonts() {}

    static BaseFont regular() {
        return Holder.REGULAR;
    }

    static BaseFont bold() {
        return Holder.BOLD;
    }

    /** Class initialisation runs once, on first use, safely across threads. */
    private static final class Holder {
        static final BaseFont REGULAR;
        static final BaseFont BOLD;

        static {
            synchronized (LayoutProcessor.class) {
                if (!LayoutProcessor.isEnabled()) {
                    // JVM-wide and once only; it must come before the fonts are made, since
                    // BaseFont.createFont hands each new font to the processor.
                    LayoutProcessor.enableKernLiga();
                    LayoutProcessor.setWriteActualText();
                }
            }
            REGULAR = load("Sarabun-Regular.ttf");
            BOLD = load("Sarabun-Bold.ttf");
        }

        private static BaseFont load(String file) {
            URL url = SheetFonts.class.getResource(DIR + file);
            if (url == null) {
                throw new IllegalStateException("font missing from the app: " + DIR + file);
            }
            try (InputStream in = url.openStream()) {
                byte[] ttf = in.readAllBytes();
                // The name is a URL (file: or jar:), which is how the layout processor reads the
                // same font for AWT; the bytes spare OpenPDF a second read.
                return BaseFont.createFont(url.toExternalForm(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
