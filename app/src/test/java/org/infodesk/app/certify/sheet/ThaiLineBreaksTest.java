package org.infodesk.app.certify.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThaiLineBreaksTest {

    /** The pieces a line may be cut into. */
    private static List<String> pieces(String text) {
        ThaiLineBreaks breaks = new ThaiLineBreaks();
        char[] cc = text.toCharArray();
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < cc.length; i++) {
            if (breaks.isSplitCharacter(0, i, cc.length, cc, null)) {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        out.add(text.substring(from));
        return out;
    }

    @Test
    void thaiBreaksBetweenWordsNeverBeforeAVowelOrToneMark() {
        String label = "รายจ่ายลงทุนด้านโครงสร้างพื้นฐาน";

        List<String> pieces = pieces(label);

        assertThat(pieces).containsExactly("รายจ่าย", "ลงทุน", "ด้าน", "โครงสร้าง", "พื้นฐาน");
        for (String piece : pieces(label + "ผู้รับรองข้อมูลที่ท้องถิ่น")) {
            assertThat(Character.getType(piece.charAt(0))).as(piece).isNotEqualTo((int) Character.NON_SPACING_MARK);
        }
    }

    @Test
    void spacesAndSlashesStillBreakAndClosingMarksStayOnTheLine() {
        assertThat(pieces("สะพานไม้/เหล็ก/อื่น ๆ")).containsExactly("สะพาน", "ไม้/", "เหล็ก/", "อื่น ", "ๆ");
        assertThat(pieces("ผลิตภัณฑ์ (ชิ้น)")).allSatisfy(p -> assertThat(p).doesNotStartWith(")").doesNotEndWith("("));
    }
}
