package org.infodesk.server.review;

/**
 * A central reviewer's account (DESIGN §2): whom it may decide for. Both {@code province} and
 * {@code district} null: the whole country; {@code province} alone: one province; both: one
 * district office.
 */
public record Reviewer(String username, String displayName, String province, String district, boolean revoked) {

    /** Whether an LAO of this province and district is in the reviewer's scope. */
    public boolean covers(String laoProvince, String laoDistrict) {
        return (province == null || province.equals(laoProvince)) && (district == null || district.equals(laoDistrict));
    }

    /** The scope in words, for messages and the command line. */
    public String scope() {
        if (province == null) {
            return "the whole country";
        }
        return district == null ? "province " + province : "district " + district + ", " + province;
    }
}
