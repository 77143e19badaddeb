package org.infodesk.server.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the LAO registry CSV: UTF-8 (a BOM is skipped), a header line
 * {@code code,name_th,name_en,district,province}, then one LAO per line; lines starting with
 * {@code #} and blank lines are ignored; fields may be quoted ({@code ""} for a quote), but a
 * field never spans lines. Bounded (size, lines, field lengths) and checked: every problem is
 * reported with its line, and a file with any problem yields nothing.
 */
public final class RegistryCsv {

    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    static final int MAX_FIELD = 200;
    static final int MAX_PROBLEMS = 50;
    static final List<String> HEADER = List.of("code", "name_th", "name_en", "district", "province");
    private static final Pattern CODE = Pattern.compile("[2-6][0-9]{6}");

    /** The Phitsanulok sample registry shipped in the jar (sample data, not the official list). */
    public static final String SAMPLE = "/registry/phitsanulok-sample.csv";

    private RegistryCsv() {}

    /** The bytes of the {@link #SAMPLE} registry. */
    public static byte[] sample() {
        try (java.io.InputStream in = RegistryCsv.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the sample registry is missing from the jar", e);
        }
    }

    /** A file's LAOs and what looks wrong without being refused (DESIGN §3: a type that its name contradicts). */
    public record Checked(List<Lao> laos, List<RegistryException.Problem> warnings) {}

    /** The type digits (the code's first) and the name each type's Thai name starts with, full or abbreviated. */
    static final Map<Character, List<String>> TYPE_PREFIXES = Map.of(
            '2', List.of("องค์การบริหารส่วนจังหวัด", "อบจ."),
            '3', List.of("เทศบาลนคร", "ทน."),
            '4', List.of("เทศบาลเมือง", "ทม."),
            '5', List.of("เทศบาลตำบล", "ทต."),
            '6', List.of("องค์การบริหารส่วนตำบล", "อบต."));

    /** The LAOs of a registry file, in file order, or every problem found. */
    public static List<Lao> read(byte[] bytes) throws RegistryException {
        return check(bytes).laos();
    }

    /** As {@link #read}, with the warnings: a type digit the Thai name contradicts, a province with two province digits. */
    public static Checked check(byte[] bytes) throws RegistryException {
        if (bytes.length > MAX_BYTES) {
            throw refused(0, "the file has " + bytes.length + " bytes; at most " + MAX_BYTES + " are read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(0, "the file is not UTF-8 text (save it as CSV UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<RegistryException.Problem> problems = new ArrayList<>();
        List<Lao> laos = new ArrayList<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        boolean headerSeen = false;
        for (int index = 0; index < lines.length && problems.size() < MAX_PROBLEMS; index++) {
            int line = index + 1;
            String content = lines[index];
            if (content.isBlank() || content.startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = fields(content);
            } catch (IllegalArgumentException e) {
                problems.add(new RegistryException.Problem(line, e.getMessage()));
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!fields.stream().map(String::strip).toList().equals(HEADER)) {
                    problems.add(new RegistryException.Problem(line, "the header must be " + String.join(",", HEADER)));
                    break;
                }
                continue;
            }
            if (laos.size() >= MAX_ROWS) {
                problems.add(new RegistryException.Problem(line, "more than " + MAX_ROWS + " LAOs"));
                break;
            }
            Lao lao = row(line, fields, problems);
            if (lao != null) {
                Integer earlier = lineOfCode.putIfAbsent(lao.code(), line);
                if (earlier != null) {
                    problems.add(new RegistryException.Problem(line, "code " + lao.code() + " is already on line " + earlier));
                } else {
                    laos.add(lao);
                }
            }
        }
        if (!headerSeen) {
            problems.add(new RegistryException.Problem(0, "the file has no header line " + String.join(",", HEADER)));
        }
        if (problems.isEmpty() && laos.isEmpty()) {
            problems.add(new RegistryException.Problem(0, "the file lists no LAO"));
        }
        if (!problems.isEmpty()) {
            throw new RegistryException(problems);
        }
        return new Checked(List.copyOf(laos), warnings(laos, lineOfCode));
    }

    private static List<RegistryException.Problem> warnings(List<Lao> laos, Map<String, Integer> lineOfCode) {
        List<RegistryException.Problem> warnings = new ArrayList<>();
        Map<String, String> provinceDigits = new HashMap<>();
        for (Lao lao : laos) {
            int line = lineOfCode.get(lao.code());
            List<String> prefixes = TYPE_PREFIXES.get(lao.code().charAt(0));
            if (prefixes.stream().noneMatch(lao.nameTh()::startsWith)) {
                warnings.add(new RegistryException.Problem(line, "code " + lao.code() + " is of type " + lao.code().charAt(0)
                        + " (" + prefixes.get(0) + ") but its Thai name does not say so"));
            }
            String digits = lao.code().substring(1, 3);
            String earlier = provinceDigits.putIfAbsent(lao.province(), digits);
            if (earlier != null && !earlier.equals(digits)) {
                warnings.add(new RegistryException.Problem(line, "code " + lao.code() + " has province digits " + digits
                        + ", other LAOs of " + lao.province() + " " + earlier));
            }
        }
        return List.copyOf(warnings);
    }

    private static Lao row(int line, List<String> fields, List<RegistryException.Problem> problems) {
        if (fields.size() != HEADER.size()) {
            problems.add(new RegistryException.Problem(line, HEADER.size() + " fields expected, " + fields.size() + " found"));
            return null;
        }
        List<String> values = fields.stream().map(String::strip).toList();
        int before = problems.size();
        if (!CODE.matcher(values.get(0)).matches()) {
            problems.add(new RegistryException.Problem(line, "code \"" + values.get(0)
                    + "\" is not 7 digits starting with a type digit 2 to 6"));
        }
        for (int i = 1; i < HEADER.size(); i++) {
            String value = values.get(i);
            if (value.isEmpty()) {
                problems.add(new RegistryException.Problem(line, HEADER.get(i) + " is empty"));
            } else if (value.length() > MAX_FIELD) {
                problems.add(new RegistryException.Problem(line, HEADER.get(i) + " is longer than " + MAX_FIELD + " characters"));
            } else if (value.chars().anyMatch(Character::isISOControl)) {
                problems.add(new RegistryException.Problem(line, HEADER.get(i) + " holds a control character"));
            }
        }
        return problems.size() > before ? null : new Lao(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }

    /** The fields of one line: comma-separated, optionally quoted with doubled quotes inside. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted field is not closed on its line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException("a quote inside an unquoted field");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static RegistryException refused(int line, String message) {
        return new RegistryException(List.of(new RegistryException.Problem(line, message)));
    }
}
