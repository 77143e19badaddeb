package org.infodesk.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * The bundled Thai font, Sarabun (SIL OFL 1.1, see {@code fonts/OFL.txt}), so that Thai renders
 * the same on every PC, including those with no Thai font installed (ADR 0002).
 */
public final class Fonts {

    public static final String FAMILY = "Sarabun";
    private static final String[] FILES = {"fonts/Sarabun-Regular.ttf", "fonts/Sarabun-Bold.ttf"};
    private static volatile boolean loaded;

    private Fonts() {}

    /** Loads the fonts once; returns whether the family is now available. */
    public static synchronized boolean load() {
        if (!loaded) {
            for (String file : FILES) {
                try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                    if (in == null || Font.loadFont(in, 15) == null) {
                        return false;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            loaded = true;
        }
        return Font.getFamilies().contains(FAMILY);
    }
}
