package org.infodesk.app.profile;

import java.util.Optional;
import java.util.regex.Pattern;
import org.infodesk.protocol.wire.EnrolmentResponse;
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

    /**
     * The LAO a PC enrolled for, as the server named it (SPEC §4.4); empty for a district office's
     * enrolment. A server that did not name the office (none of ours does so) leaves the code as
     * the name and the district and province unknown; the demo's LAO keeps the demo's names.
     */
    public static Optional<LaoProfile> of(EnrolmentResponse enrolment) {
        if (enrolment.laoCode() == null) {
            return Optional.empty();
        }
        EnrolmentResponse.Office office = enrolment.office();
        if (office == null) {
            LaoProfile demo = demo();
            Text unknown = new Text("-", "-");
            return Optional.of(demo.code().equals(enrolment.laoCode()) ? demo
                    : new LaoProfile(enrolment.laoCode(), new Text(enrolment.laoCode(), enrolment.laoCode()), unknown, unknown));
        }
        return Optional.of(new LaoProfile(enrolment.laoCode(), new Text(office.name().th(), office.name().en()),
                new Text(office.district(), office.district()), new Text(office.province(), office.province())));
    }

    /** The demo LAO the app opens when the PC is not enrolled: ทต.วังทอง, Phitsanulok (sample data). */
    public static LaoProfile demo() {
        return new LaoProfile("5650801",
                new Text("เทศบาลตำบลวังทอง", "Wang Thong Subdistrict Municipality"),
                new Text("วังทอง", "Wang Thong"),
                new Text("พิษณุโลก", "Phitsanulok"));
    }
}
