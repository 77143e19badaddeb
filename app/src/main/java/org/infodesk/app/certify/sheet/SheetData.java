package org.infodesk.app.certify.sheet;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.infodesk.app.certify.CertifiedSnapshot;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Text;

/**
 * What a certification sheet shows: one certified revision of one domain.
 *
 * @param laoCode            the 7-digit DLA code
 * @param laoName            the LAO's name in Thai and English
 * @param fiscalYear         the B.E. fiscal year (2564)
 * @param domain             the domain as the questionnaire definition has it: labels, sections, items, units
 * @param values             the certified values by item id, in the forms of {@code protocol.answers.Values}
 * @param notRelevant        ids of the items whose relevance condition did not hold (shown as "-")
 * @param revision           the revision number (1 for the first certification)
 * @param submissionId       the submission's id
 * @param digest             the SHA-256 digest of the signed payload, 64 hex digits
 * @param certifierName      who certified, as in the signed payload
 * @param certifierPosition  their position, as in the signed payload
 * @param certifiedAt        when, in the office's local time
 */
public record SheetData(String laoCode, Text laoName, int fiscalYear, Domain domain, Map<String, Object> values,
        Set<String> notRelevant, int revision, String submissionId, String digest, String certifierName,
        String certifierPosition, LocalDateTime certifiedAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public SheetData {
        Objects.requireNonNull(laoCode, "laoCode");
        Objects.requireNonNull(laoName, "laoName");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(certifierName, "certifierName");
        Objects.requireNonNull(certifierPosition, "certifierPosition");
        Objects.requireNonNull(certifiedAt, "certifiedAt");
        if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 hex digits: " + digest);
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revisions count from 1: " + revision);
        }
        digest = digest.toLowerCase(Locale.ROOT);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notRelevant = Set.copyOf(notRelevant);
    }

    /** The sheet of a certified snapshot, with the values it froze and the office's time zone. */
    public static SheetData of(LaoProfile lao, Domain domain, CertifiedSnapshot snapshot, Map<String, Object> values,
            Set<String> notRelevant, ZoneId zone) {
        if (!snapshot.key().lao().equals(lao.code()) || !snapshot.key().domain().equals(domain.id())) {
            throw new IllegalArgumentException("snapshot " + snapshot.key() + " is not of " + lao.code() + "/" + domain.id());
        }
        return new SheetData(lao.code(), lao.name(), snapshot.key().fiscalYear(), domain, values, notRelevant,
                snapshot.revision(), snapshot.submissionId(), snapshot.digest(), snapshot.certifierName(),
                snapshot.certifierPosition(), LocalDateTime.ofInstant(snapshot.certifiedAt(), zone));
    }

    /** The digest in eight blocks of eight, for reading aloud over the telephone: "3f2a9c1b 7d0e4f21 ...". */
    public String digestForReading() {
        return CertifiedSnapshot.digestForReading(digest);
    }
}
