package org.infodesk.app.certify.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.infodesk.app.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes pictures of the Thai infrastructure sheet for the docs (page 1 under the name given,
 * page n with "-n" added), only when asked (normal runs never write into docs/), and prints the sheet's size and making time:
 *
 * <pre>
 * mvn -B -o -pl app -am test -Dtest=CertificationSheetPictureTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dinfodesk.sheet.png=../docs/images/certification-sheet-infrastructure-th.png
 * </pre>
 *
 * PDFBox only draws the glyphs where the PDF put them (it lays no text out here), so the
 * picture shows OpenPDF's placement of the Thai marks.
 */
@EnabledIfSystemProperty(named = "infodesk.sheet.png", matches = ".+")
class CertificationSheetPictureTest {

    @Test
    void writesThePictureOfTheFirstPage() throws IOException {
        Path png = Path.of(System.getProperty("infodesk.sheet.png"));
        CertificationSheet sheet = new CertificationSheet(Messages.thai());
        SheetData data = SheetSamples.sheet("infrastructure");

        long start = System.nanoTime();
        byte[] pdf = sheet.toPdf(data);
        long first = System.nanoTime() - start;
        long[] later = new long[20];
        for (int i = 0; i < later.length; i++) {
            long t = System.nanoTime();
            sheet.toPdf(data);
            later[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(later);
        System.out.printf("certification sheet: %,d bytes; first in this JVM %d ms, then median %d ms (of %d)%n", pdf.length,
                first / 1_000_000, later[later.length / 2] / 1_000_000, later.length);

        Files.createDirectories(png.toAbsolutePath().getParent());
        try (PDDocument document = SheetSamples.read(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage picture = renderer.renderImageWithDPI(page, 110, ImageType.RGB);
                Path file = page == 0 ? png : png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", "-" + (page + 1) + ".png"));
                ImageIO.write(picture, "png", file.toFile());
            }
        }
        assertThat(png).exists();
    }
}
