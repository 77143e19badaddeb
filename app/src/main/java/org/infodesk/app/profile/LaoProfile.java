package org.infodesk.app.profile;

import java.util.regex.Pattern;
import org.infodesk.protocol.definition.Text;

/**
 * The local administrative organisation this installation works for.
 *
 * @param code     the 7-digit DLA code: type, province (2), district (2), running number (2)
 * @param name     its name in Thai and English
 * @param district its district (อำเภอ)
 * @param province its province (จังหวัด)
 */
public record LaoProfile(String code, Text name, Text district, Text province) {

    private static final Pattern CODE = Pattern.compile("[2-6][0-9]{6}");

    public LaoProfile {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("an LAO code has 7 digits and starts with 2 to 6: " + code);
        }
    }

    /** The demo LAO the app opens when the PC is not enrolled: ทต.วังทอง, Phitsanulok (sample data). */
    public static LaoProfile demo() {
        return new LaoProfile("5650801",
                new Text("เทศบาลตำบลวังทอง", "Wang Thong Subdistrict Municipality"),
                new Text("วังทอง", "Wang Thong"),
                new Text("พิษณุโลก", "Phitsanulok"));
    }
}
