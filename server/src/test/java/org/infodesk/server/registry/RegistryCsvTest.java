package org.infodesk.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class RegistryCsvTest {

    static final String HEADER = "code,name_th,name_en,district,province\n";

    @Test
    void theSampleIsReadWithWangThongMunicipality() throws Exception {
        List<Lao> laos = RegistryCsv.read(RegistryCsv.sample());

        assertThat(laos).hasSizeGreaterThanOrEqualTo(30)
                .contains(new Lao("5650801", "เทศบาลตำบลวังทอง", "Wang Thong Subdistrict Municipality", "วังทอง", "พิษณุโลก"));
        assertThat(laos).extracting(Lao::province).containsOnly("พิษณุโลก");
        assertThat(laos).extracting(Lao::district).hasSize(laos.size()).containsOnly(
                "เมืองพิษณุโลก", "นครไทย", "ชาติตระการ", "บางระกำ", "บางกระทุ่ม", "พรหมพิราม", "วัดโบสถ์", "วังทอง", "เนินมะปราง");
    }

    @Test
    void theSampleHasNoWarnings() throws Exception {
        assertThat(RegistryCsv.check(RegistryCsv.sample()).warnings()).isEmpty();
    }

    @Test
    void aTypeTheNameContradictsAndASecondProvinceCodeAreWarnedNotRefused() throws Exception {
        String text = HEADER
                + "5650801,เทศบาลตำบลวังทอง,Wang Thong,วังทอง,พิษณุโลก\n"
                + "6650805,เทศบาลตำบลแก่งโสภา,Kaeng Sopha,วังทอง,พิษณุโลก\n"
                + "6660806,อบต.ท่าหมื่นราม,Tha Muen Ram,วังทอง,พิษณุโลก\n";

        RegistryCsv.Checked checked = RegistryCsv.check(text.getBytes(StandardCharsets.UTF_8));

        assertThat(checked.laos()).hasSize(3);
        assertThat(checked.warnings()).extracting(RegistryException.Problem::toString).containsExactly(
                "line 3: code 6650805 is of type 6 (องค์การบริหารส่วนตำบล) but its Thai name does not say so",
                "line 4: code 6660806 has province digits 66, other LAOs of พิษณุโลก 65");
    }

    @Test
    void quotedFieldsBomAndWindowsLineEndsAreRead() throws Exception {
        String text = "\uFEFF" + HEADER.replace("\n", "\r\n") + "5650801,\"เทศบาล, \"\"วังทอง\"\"\",Wang Thong,วังทอง,พิษณุโลก\r\n";

        assertThat(RegistryCsv.read(text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new Lao("5650801", "เทศบาล, \"วังทอง\"", "Wang Thong", "วังทอง", "พิษณุโลก"));
    }

    @Test
    void eachBadLineIsNamedWithWhatIsWrong() {
        String text = HEADER
                + "5650801,เทศบาลตำบลวังทอง,Wang Thong,วังทอง,พิษณุโลก\n"
                + "565080,สั้น,Short,วังทอง,พิษณุโลก\n"
                + "6650805,,Kaeng Sopha,วังทอง,พิษณุโลก\n"
                + "5650801,ซ้ำ,Again,วังทอง,พิษณุโลก\n"
                + "6650806,four,fields,only\n";

        assertThatThrownBy(() -> RegistryCsv.read(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).problems(), InstanceOfAssertFactories.list(RegistryException.Problem.class))
                .extracting(RegistryException.Problem::toString)
                .containsExactly(
                        "line 3: code \"565080\" is not 7 digits starting with a type digit 2 to 6",
                        "line 4: name_th is empty",
                        "line 5: code 5650801 is already on line 2",
                        "line 6: 5 fields expected, 4 found");
    }

    @Test
    void aFileThatIsNotUtf8OrHasNoHeaderIsRefused() {
        assertThatThrownBy(() -> RegistryCsv.read(new byte[] {'c', (byte) 0xC3, '(', '\n'}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> RegistryCsv.read("5650801,a,b,c,d\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("line 1: the header must be code,name_th,name_en,district,province");
        assertThatThrownBy(() -> RegistryCsv.read(HEADER.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no LAO");
    }

    @Test
    void anOversizedFileIsRefusedUnread() {
        assertThatThrownBy(() -> RegistryCsv.read(new byte[RegistryCsv.MAX_BYTES + 1])).hasMessageContaining("at most");
    }
}
