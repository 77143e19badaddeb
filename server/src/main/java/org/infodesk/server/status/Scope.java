package org.infodesk.server.status;

/**
 * Which LAOs of the registry a status or an export covers: the whole country, one province, or
 * one district of a province. Names are the registry's (Thai, as imported).
 *
 * @param province the province, or {@code null} for the whole country
 * @param district the district of {@code province}, or {@code null} for the whole province
 */
public record Scope(String province, String district) {

    public Scope {
        province = blankToNull(province);
        district = blankToNull(district);
        if (district != null && province == null) {
            throw new IllegalArgumentException("a district needs its province");
        }
    }

    public static Scope country() {
        return new Scope(null, null);
    }

    public static Scope province(String province) {
        return new Scope(province, null);
    }

    public static Scope district(String province, String district) {
        return new Scope(province, district);
    }

    /** For people: "the whole country", "province พิษณุโลก", "district วังทอง, พิษณุโลก". */
    public String describe() {
        if (province == null) {
            return "the whole country";
        }
        return district == null ? "province " + province : "district " + district + ", " + province;
    }

    private static String blankToNull(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
