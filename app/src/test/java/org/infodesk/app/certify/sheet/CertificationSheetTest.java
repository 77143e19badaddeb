package org.infodesk.app.certify.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.infodesk.app.certify.sheet.SheetSamples.CERTIFIER;
import static org.infodesk.app.certify.sheet.SheetSamples.DIGEST;
import static org.infodesk.app.certify.sheet.SheetSamples.POSITION;
import static org.infodesk.app.certify.sheet.SheetSamples.SUBMISSION;
import static org.infodesk.app.certify.sheet.SheetSamples.sheet;
import static org.infodesk.app.certify.sheet.SheetSamples.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.infodesk.app.i18n.Messages;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificationSheetTest {

    private static final CertificationSheet THAI = new CertificationSheet(Messages.thai());
    private static final CertificationSheet ENGLISH = new CertificationSheet(Messages.of(Locale.ENGLISH));

    /** Whitespace squeezed to single spaces: PDF text comes back in lines. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void theInfrastructureSheetIsAnA4PdfWithTheCertifiedDataInThai() throws IOException {
        byte[] pdf = THAI.toPdf(sheet("infrastructure"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = SheetSamples.read(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("th");
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(1f));
            }
        }
        String text = flat(text(pdf));
        assertThat(text).contains("แบบรับรองข้อมูลพื้นฐานขององค์กรปกครองส่วนท้องถิ่น", "ด้านโครงสร้างพื้นฐาน",
                "เทศบาลตำบลวังทอง", "5650801", "ประจำปีงบประมาณ พ.ศ. 2564", SUBMISSION);
        // values as the form shows them: grouped digits, decimals as entered, yes/no by its label, units
        assertThat(text).contains("ถนนในความรับผิดชอบของ อปท. (จำนวนสาย) 58 สาย", "42.36 กิโลเมตร", "3,612 ครัวเรือน",
                "1,285 จุด", "11,460,500 บาท", "มีผังเมืองรวมใช้บังคับในเขต อปท. " + Messages.thai().get("form.yes"));
        // the digest in eight blocks of eight, to read aloud
        assertThat(text).contains(sheet("infrastructure").digestForReading().replace(" ", "  ").replaceAll("\\s+", " "));
        assertThat(text.replace(" ", "")).contains(DIGEST);
        // the certifier signs above their name in parentheses, their position and the B.E. date below
        assertThat(text).contains("ลงชื่อ", "ผู้รับรองข้อมูล", "(" + CERTIFIER + ")", "ตำแหน่ง " + POSITION,
                "วันที่ 31 พฤษภาคม พ.ศ. 2564", "31 พ.ค. พ.ศ. 2564 14:03");
        assertThat(text).contains("หน้า 1/2", "หน้า 2/2");
    }

    @Test
    void itemsFollowTheQuestionnaireOrderSectionBySection() {
        String text = flat(text(THAI.toPdf(sheet("infrastructure"))));

        List<String> inOrder = List.of("ถนน", "1 ถนนในความรับผิดชอบของ", "8 ทางหลวงท้องถิ่น", "สะพานและการระบายน้ำ",
                "9 สะพานคอนกรีตเสริมเหล็ก", "ไฟฟ้าและไฟส่องสว่าง", "การสื่อสารและโทรคมนาคม", "อาคารและความปลอดภัย",
                "การคมนาคมขนส่ง", "26 รายจ่ายลงทุนด้านโครงสร้างพื้นฐาน");
        int at = 0;
        for (String part : inOrder) {
            int next = text.indexOf(part, at);
            assertThat(next).as(part).isGreaterThanOrEqualTo(0);
            at = next + part.length();
        }
    }

    @Test
    void theSheetEmbedsSarabunAsIdentityHSubsets() throws IOException {
        try (PDDocument document = SheetSamples.read(THAI.toPdf(sheet("infrastructure")))) {
            Set<String> names = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(((PDType0Font) font).getCMap().getName()).isEqualTo("Identity-H");
                    names.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            assertThat(names).containsExactlyInAnyOrder("Sarabun-Regular", "Sarabun-Bold");
        }
    }

    @Test
    void itemsThatAreNotRelevantOrEmptyShowADash() {
        SheetData full = sheet("infrastructure");
        Map<String, Object> values = new HashMap<>(full.values());
        values.remove("piers");
        SheetData data = new SheetData(full.laoCode(), full.laoName(), full.fiscalYear(), full.domain(), values,
                Set.of("footpath_km"), full.revision(), full.submissionId(), full.digest(), full.certifierName(),
                full.certifierPosition(), full.certifiedAt());

        String text = flat(text(THAI.toPdf(data)));

        assertThat(text).contains("12 ทางเท้า - กิโลเมตร", "25 ท่าเทียบเรือ - แห่ง").doesNotContain("9.8 กิโลเมตร");
    }

    @Test
    void aLongDomainFlowsOntoMorePagesWithItsHeadingsRepeated() throws IOException {
        SheetData data = sheet("economy_tourism", Fy2564Fixtures.withRows(SheetSamples.FY2564.definition(), 12));
        byte[] pdf = THAI.toPdf(data);

        int pages;
        try (PDDocument document = SheetSamples.read(pdf)) {
            pages = document.getNumberOfPages();
        }
        assertThat(pages).isEqualTo(3);
        for (int page = 2; page <= pages; page++) {
            String text = flat(text(pdf, page, page));
            // the running header names the LAO, the domain, the year and the revision again
            assertThat(text).as("page %d", page).contains("เทศบาลตำบลวังทอง (รหัส อปท. 5650801)", "ด้านเศรษฐกิจและท่องเที่ยว",
                    "ปีงบประมาณ พ.ศ. 2564", "ฉบับที่ 1", "หน้า " + page + "/" + pages);
        }
        // the items table's column headings on the page it continues on, the groups' own on theirs
        assertThat(flat(text(pdf, 2, 2))).contains("ที่ รายการ ข้อมูล หน่วย", "ลองจิจูด (องศา)");
        assertThat(flat(text(pdf, 3, 3))).contains("ชื่อผลิตภัณฑ์");
        // a repeat group is a small table: a heading per sub-field, a row per entry
        String all = flat(text(pdf));
        assertThat(all).contains("รายการแหล่งท่องเที่ยว 12 แถว", "ตลาดริมน้ำวังทอง 1", "16.831245", "ตลาดริมน้ำวังทอง 10",
                "ผ้าทอมือบ้านวังทอง 1", "กลุ่มชุมชน");
        assertThat(Pattern.compile("วัดวังทองวราราม \\d+").matcher(all).results().count()).isEqualTo(4);
        // the signature block is never split from the statement and the digest
        String last = flat(text(pdf, pages, pages));
        assertThat(last).contains("ข้าพเจ้าขอรับรองว่าข้อมูลด้านเศรษฐกิจและท่องเที่ยวของเทศบาลตำบลวังทอง", "ลงชื่อ",
                "(" + CERTIFIER + ")");
        assertThat(last.replace(" ", "")).contains(DIGEST);
    }

    @Test
    void everyDomainMakesASheetWhoseLinesNeverStartWithAThaiMarkCutFromItsConsonant() {
        Answers answers = Fy2564Fixtures.withRows(SheetSamples.FY2564.definition(), 20);
        Pattern markFirst = Pattern.compile("(?m)^[\\u0E31\\u0E34-\\u0E3A\\u0E47-\\u0E4E]");
        for (Domain domain : SheetSamples.FY2564.definition().domains()) {
            for (CertificationSheet sheet : List.of(THAI, ENGLISH)) {
                String text = text(sheet.toPdf(sheet(domain.id(), answers)));

                assertThat(markFirst.matcher(text).find()).as(domain.id()).isFalse();
            }
        }
    }

    @Test
    void anEnglishSheetUsesEnglishLabels() throws IOException {
        byte[] pdf = ENGLISH.toPdf(sheet("infrastructure"));
        try (PDDocument document = SheetSamples.read(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }

        String text = flat(text(pdf));
        assertThat(text).contains("Certification of local administrative organisation basic data",
                "Infrastructure, fiscal year 2564 B.E.", "Wang Thong Subdistrict Municipality", "LAO code 5650801",
                "No. Item Value Unit", "Roads", "Total length of LAO roads 42.36 km", "Households with electricity 3,612 households",
                "Comprehensive town plan in force Yes", "Certified on 31 May 2564 B.E. 14:03", "Date: 31 May 2564 B.E.",
                "Signed", "Certifier", "Position: " + POSITION, "(" + CERTIFIER + ")", "Page 1 of 2", "Page 2 of 2");
        // no Thai besides the certifier's own name and position, which are as they signed them
        String rest = text.replace(CERTIFIER, "").replace(POSITION, "");
        assertThat(Pattern.compile("[\\u0E00-\\u0E7F]").matcher(rest).find()).as(rest).isFalse();
    }

    @Test
    void writingToAFileLeavesOnlyTheSheet(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sheet.pdf");

        THAI.write(sheet("infrastructure"), file);

        assertThat(file).exists();
        assertThat(Files.readAllBytes(file)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        List<Path> left = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.forEach(left::add);
        }
        assertThat(left).containsExactly(file);
    }
}
