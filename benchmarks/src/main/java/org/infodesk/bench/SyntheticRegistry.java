package org.infodesk.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A registry CSV (the format of {@code server.registry.RegistryCsv}) of many synthetic LAOs for
 * the ingest benchmark: real provinces with their real province digits, about ten LAOs in a
 * district as in the country, a provincial organisation and the municipalities of each province's
 * capital district, then sub-district municipalities and SAOs (types 5 and 6) about 1 to 2 as in
 * the national list. District and LAO names are made from common Thai place-name parts and are
 * not real. The same count always gives the same file.
 */
final class SyntheticRegistry {

    /** Province digits, Thai name, English name: real provinces (Bangkok has no LAOs of these types). */
    private static final String[][] PROVINCES = {
        {"11", "สมุทรปราการ", "Samut Prakan"}, {"12", "นนทบุรี", "Nonthaburi"}, {"13", "ปทุมธานี", "Pathum Thani"},
        {"14", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"}, {"18", "ชัยนาท", "Chai Nat"}, {"20", "ชลบุรี", "Chon Buri"},
        {"21", "ระยอง", "Rayong"}, {"24", "ฉะเชิงเทรา", "Chachoengsao"}, {"30", "นครราชสีมา", "Nakhon Ratchasima"},
        {"31", "บุรีรัมย์", "Buri Ram"}, {"32", "สุรินทร์", "Surin"}, {"33", "ศรีสะเกษ", "Si Sa Ket"},
        {"34", "อุบลราชธานี", "Ubon Ratchathani"}, {"35", "ยโสธร", "Yasothon"}, {"36", "ชัยภูมิ", "Chaiyaphum"},
        {"40", "ขอนแก่น", "Khon Kaen"}, {"41", "อุดรธานี", "Udon Thani"}, {"44", "มหาสารคาม", "Maha Sarakham"},
        {"45", "ร้อยเอ็ด", "Roi Et"}, {"46", "กาฬสินธุ์", "Kalasin"}, {"47", "สกลนคร", "Sakon Nakhon"},
        {"48", "นครพนม", "Nakhon Phanom"}, {"50", "เชียงใหม่", "Chiang Mai"}, {"51", "ลำพูน", "Lamphun"},
        {"52", "ลำปาง", "Lampang"}, {"54", "แพร่", "Phrae"}, {"55", "น่าน", "Nan"}, {"57", "เชียงราย", "Chiang Rai"},
        {"60", "นครสวรรค์", "Nakhon Sawan"}, {"62", "กำแพงเพชร", "Kamphaeng Phet"}, {"64", "สุโขทัย", "Sukhothai"},
        {"65", "พิษณุโลก", "Phitsanulok"}, {"66", "พิจิตร", "Phichit"}, {"67", "เพชรบูรณ์", "Phetchabun"},
        {"70", "ราชบุรี", "Ratchaburi"}, {"71", "กาญจนบุรี", "Kanchanaburi"}, {"72", "สุพรรณบุรี", "Suphan Buri"},
        {"73", "นครปฐม", "Nakhon Pathom"}, {"80", "นครศรีธรรมราช", "Nakhon Si Thammarat"},
        {"84", "สุราษฎร์ธานี", "Surat Thani"}, {"90", "สงขลา", "Songkhla"},
    };
    private static final String[][] FIRST = {
        {"บ้าน", "Ban"}, {"วัง", "Wang"}, {"หนอง", "Nong"}, {"นา", "Na"}, {"โพธิ์", "Pho"}, {"ดอน", "Don"}, {"ท่า", "Tha"},
        {"บาง", "Bang"}, {"ห้วย", "Huai"}, {"คลอง", "Khlong"}, {"โนน", "Non"}, {"เนิน", "Noen"}, {"ทุ่ง", "Thung"},
        {"สระ", "Sa"}, {"ป่า", "Pa"},
    };
    private static final String[][] SECOND = {
        {"ทอง", "Thong"}, {"ใหม่", "Mai"}, {"แดง", "Daeng"}, {"หลวง", "Luang"}, {"กลาง", "Klang"}, {"น้อย", "Noi"},
        {"ใหญ่", "Yai"}, {"ยาว", "Yao"}, {"งาม", "Ngam"}, {"สูง", "Sung"}, {"ขาม", "Kham"}, {"เกลือ", "Kluea"},
        {"ไผ่", "Phai"}, {"ม่วง", "Muang"}, {"จันทร์", "Chan"},
    };
    /** LAOs in one district, as in the national list (about 7,850 LAOs in 878 districts). */
    static final int PER_DISTRICT = 10;

    private SyntheticRegistry() {}

    /** One row of the file. */
    record Row(String code, String nameTh, String nameEn, String district, String province) {}

    /** {@code count} LAOs (at most 41 provinces of 99 districts of 99 LAOs of a type). */
    static List<Row> rows(int count) {
        Random random = new Random(2564);
        List<Row> rows = new ArrayList<>(count);
        int provinces = PROVINCES.length;
        for (int p = 0; p < provinces; p++) {
            int inProvince = count / provinces + (p < count % provinces ? 1 : 0);
            String[] province = PROVINCES[p];
            List<String[]> names = placeNames(random);
            int district = 0;
            int made = 0;
            while (made < inProvince) {
                district++;
                String[] districtName = district == 1
                        ? new String[] {"เมือง" + province[1], "Mueang " + province[2]}
                        : names.remove(names.size() - 1);
                Map<Character, Integer> numbers = new HashMap<>();
                for (int n = 0; n < PER_DISTRICT && made < inProvince; n++, made++) {
                    char type = type(district, n, random);
                    int number = numbers.merge(type, 1, Integer::sum);
                    String code = type + province[0] + two(district) + two(number);
                    String[] place = type == '2' ? new String[] {province[1], province[2]} : names.remove(names.size() - 1);
                    rows.add(new Row(code, thaiPrefix(type) + place[0], place[1] + " " + englishSuffix(type),
                            districtName[0], province[1]));
                }
            }
        }
        return rows;
    }

    /** The CSV file of {@link #rows}. */
    static byte[] csv(int count) {
        StringBuilder text = new StringBuilder("# SYNTHETIC DATA for ./bench ingest: real provinces, made-up districts and LAOs.\n")
                .append("code,name_th,name_en,district,province\n");
        for (Row row : rows(count)) {
            text.append(String.join(",", row.code(), row.nameTh(), row.nameEn(), row.district(), row.province())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The place names of one province, each used once, in a shuffled order (225 of them). */
    private static List<String[]> placeNames(Random random) {
        Set<String[]> names = new LinkedHashSet<>();
        for (String[] first : FIRST) {
            for (String[] second : SECOND) {
                names.add(new String[] {first[0] + second[0], first[1] + " " + second[1]});
            }
        }
        List<String[]> shuffled = new ArrayList<>(names);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled;
    }

    /** The capital district has the province's organisation, a city and a town; elsewhere about a third are municipalities. */
    private static char type(int district, int n, Random random) {
        if (district == 1 && n < 3) {
            return (char) ('2' + n);
        }
        return random.nextInt(3) == 0 ? '5' : '6';
    }

    private static String thaiPrefix(char type) {
        switch (type) {
            case '2': return "องค์การบริหารส่วนจังหวัด";
            case '3': return "เทศบาลนคร";
            case '4': return "เทศบาลเมือง";
            case '5': return "เทศบาลตำบล";
            default: return "องค์การบริหารส่วนตำบล";
        }
    }

    private static String englishSuffix(char type) {
        switch (type) {
            case '2': return "Provincial Administrative Organization";
            case '3': return "City Municipality";
            case '4': return "Town Municipality";
            case '5': return "Subdistrict Municipality";
            default: return "Subdistrict Administrative Organization";
        }
    }

    private static String two(int number) {
        if (number > 99) {
            throw new IllegalArgumentException("more than 99 districts or LAOs of a type: ask for fewer LAOs");
        }
        return number < 10 ? "0" + number : String.valueOf(number);
    }
}
