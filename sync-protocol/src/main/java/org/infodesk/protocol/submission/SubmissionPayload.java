package org.infodesk.protocol.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.Values;

/**
 * What a device signs when a domain is certified: one certified revision of one domain of one
 * LAO in one fiscal year ({@code SPEC.md} §3.2). Immutable; {@link SubmissionCodec} gives its
 * canonical bytes.
 *
 * <p>The constructor puts values in their one form, so that equal payloads have equal bytes:
 * numbers are {@linkplain Values#normalise normalised}, unanswered values and empty cells are
 * dropped (as {@link Answers} does), justifications are stripped of surrounding white space and
 * held sorted by subject, and the certification time is held to the millisecond. The maps it
 * holds cannot be changed.
 *
 * @param submissionId      client-made UUIDv7 ({@link SubmissionIds}); the same id is never
 *                          used for another payload
 * @param laoCode           the LAO's 7-digit code
 * @param fiscalYear        the Buddhist Era fiscal year, as in the definition (2564)
 * @param domainId          the domain of the definition
 * @param revision          the revision number of the domain, from 1
 * @param supersedes        the revision this one replaces: {@code null} for revision 1, else
 *                          a smaller revision (normally {@code revision - 1})
 * @param definitionId      the questionnaire's id ({@code Definition.id()})
 * @param definitionVersion the questionnaire's version within the fiscal year
 * @param values            the domain's answered items, item id to value in the Java forms of
 *                          {@link Values}
 * @param justifications    the certifier's justification of each warning and large change, by
 *                          subject: {@code rule:<rule id>} for a warning of one of the domain's
 *                          rules, an item id for a change from last year beyond the item's
 *                          threshold ({@code rules.YearOverYear}); the text 1 to 500 characters
 *                          (code points) after stripping, one line (no control characters). Empty
 *                          when none. Whether a subject is a rule or number item of the domain is
 *                          checked against the definition by {@link SubmissionCodec}
 * @param certifier         who certified
 * @param certifiedAt       when, in UTC, to the millisecond
 * @param deviceId          the enrolled device that signed
 */
public record SubmissionPayload(
        UUID submissionId,
        String laoCode,
        int fiscalYear,
        String domainId,
        int revision,
        Integer supersedes,
        String definitionId,
        int definitionVersion,
        Map<String, Object> values,
        Map<String, String> justifications,
        Certifier certifier,
        Instant certifiedAt,
        String deviceId) {

    /** The payload format this code writes and reads. */
    public static final int FORMAT = 1;

    private static final DateTimeFormatter WIRE_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public SubmissionPayload {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(laoCode, "laoCode");
        Objects.requireNonNull(domainId, "domainId");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(justifications, "justifications");
        Objects.requireNonNull(certifier, "certifier");
        Objects.requireNonNull(certifiedAt, "certifiedAt");
        Objects.requireNonNull(deviceId, "deviceId");
        Checks.require("submission_id", SubmissionIds.isV7(submissionId) ? null : "not a UUID version 7");
        Checks.require("lao_code", Checks.matches(laoCode, Checks.LAO_CODE));
        Checks.require("fiscal_year", Checks.range(fiscalYear, Checks.MIN_FISCAL_YEAR, Checks.MAX_FISCAL_YEAR));
        Checks.require("domain_id", Checks.matches(domainId, Checks.ID));
        Checks.require("revision", Checks.range(revision, 1, Integer.MAX_VALUE));
        Checks.require("supersedes", supersedesProblem(revision, supersedes));
        Checks.require("definition_id", Checks.matches(definitionId, Checks.DEFINITION_ID));
        Checks.require("definition_version", Checks.range(definitionVersion, 1, Checks.MAX_VERSION));
        Checks.require("device_id", Checks.matches(deviceId, Checks.TOKEN));
        certifiedAt = certifiedAt.truncatedTo(ChronoUnit.MILLIS);
        Checks.require("certified_at", Checks.instant(certifiedAt));
        values = normalised(domainId, values);
        justifications = normalisedJustifications(justifications);
    }

    /** The key of the definition the values were entered with: {@code id/fiscalYear/version}. */
    public String definitionKey() {
        return definitionId + "/" + fiscalYear + "/" + definitionVersion;
    }

    /** The certification time in its wire form, {@code YYYY-MM-DDTHH:MM:SS.sssZ}. */
    String certifiedAtText() {
        return WIRE_INSTANT.format(certifiedAt);
    }

    static String supersedesProblem(int revision, Integer supersedes) {
        if (revision == 1) {
            return supersedes == null ? null : "must be null for revision 1";
        }
        return supersedes != null && supersedes >= 1 && supersedes < revision
                ? null : "must be a revision from 1 to " + (revision - 1);
    }

    private static Map<String, Object> normalised(String domainId, Map<String, Object> values) {
        Answers.Builder answers = Answers.builder();
        values.forEach((item, value) -> answers.put(domainId, Objects.requireNonNull(item, "item id"), normalised(value)));
        return answers.build().domain(domainId);
    }

    private static SortedMap<String, String> normalisedJustifications(Map<String, String> justifications) {
        SortedMap<String, String> sorted = new TreeMap<>();
        justifications.forEach((subject, text) -> {
            Objects.requireNonNull(subject, "justification subject");
            Objects.requireNonNull(text, "justification text");
            String stripped = text.strip();
            Checks.require("justifications." + subject, Checks.matches(subject, Checks.SUBJECT));
            Checks.require("justifications." + subject, Checks.justification(stripped));
            sorted.put(subject, stripped);
        });
        return Collections.unmodifiableSortedMap(sorted);
    }

    private static Object normalised(Object value) {
        if (value instanceof BigDecimal number) {
            return Values.normalise(number);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(e -> e instanceof Map<?, ?> row ? normalisedRow(row) : e).toList();
        }
        return value;
    }

    private static Map<String, Object> normalisedRow(Map<?, ?> row) {
        Map<String, Object> cells = new LinkedHashMap<>();
        row.forEach((field, cell) -> {
            if (!Values.isEmpty(cell)) {
                cells.put((String) field, normalised(cell));
            }
        });
        return cells;
    }
}
