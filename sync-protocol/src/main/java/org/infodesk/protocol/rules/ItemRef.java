package org.infodesk.protocol.rules;

/**
 * Points at an answer: an item of a domain, or one cell ({@code row}, {@code field}) of a
 * repeat group, or a whole row ({@code field} null). Rows count from 0.
 */
public record ItemRef(String domain, String item, Integer row, String field) {

    public static ItemRef of(String domain, String item) {
        return new ItemRef(domain, item, null, null);
    }

    public static ItemRef cell(String domain, String group, int row, String field) {
        return new ItemRef(domain, group, row, field);
    }

    @Override
    public String toString() {
        return domain + "." + item + (row == null ? "" : "[" + row + "]") + (field == null ? "" : "." + field);
    }
}
