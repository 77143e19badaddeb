package org.infodesk.app.certify.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Questionnaire;

/** Sheets of the FY 2564 sample (ทต.วังทอง) with a fixed digest, certifier and time, and PDF reading helpers. */
final class SheetSamples {

    static final Questionnaire FY2564 = Questionnaire.fy2564();
    /** SHA-256 of "InfoDesk certification sheet test" (any 64 hex digits would do). */
    static final String DIGEST = "34f9da1af687b49aaab6c5dd556b9884e663ea1db54b976059c5cb7bbed52aab";
    static final String SUBMISSION = "0179c3a2-5e4b-7d10-8f3a-2b6c9d0e1f45";
    static final String CERTIFIER = "นายณัฐวุฒิ ศรีสุข";
    static final String POSITION = "ปลัดเทศบาลตำบลวังทอง";
    static final LocalDateTime CERTIFIED_AT = LocalDateTime.of(2021, 5, 31, 14, 3);

    private SheetSamples() {}

    static SheetData sheet(String domainId) {
        return sheet(domainId, Fy2564Fixtures.complete(FY2564.definition()));
    }

    /** One domain of an answer set, certified as revision 1; items whose relevance fails are marked so. */
    static SheetData sheet(String domainId, Answers answers) {
        Domain domain = FY2564.definition().domain(domainId).orElseThrow();
        Evaluation evaluation = FY2564.evaluate(answers);
        Set<String> notRelevant = new HashSet<>();
        for (Item item : domain.items()) {
            if (!evaluation.isRelevant(domainId, item.id())) {
                notRelevant.add(item.id());
            }
        }
        LaoProfile lao = LaoProfile.demo();
        return new SheetData(lao.code(), lao.name(), FY2564.definition().fiscalYear(), domain, answers.domain(domainId),
                notRelevant, 1, SUBMISSION, DIGEST, CERTIFIER, POSITION, CERTIFIED_AT);
    }

    static PDDocument read(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of pages {@code from} to {@code to} (1-based), in reading order. */
    static String text(byte[] pdf, int from, int to) {
        try (PDDocument document = read(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // content order, not position: the sheet writes each Thai string whole, with its /ActualText
            stripper.setSortByPosition(false);
            stripper.setStartPage(from);
            stripper.setEndPage(to);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }
}
