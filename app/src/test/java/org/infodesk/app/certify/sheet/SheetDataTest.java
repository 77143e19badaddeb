package org.infodesk.app.certify.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.infodesk.app.certify.CertifiedSnapshot;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.protocol.definition.Domain;
import org.junit.jupiter.api.Test;

class SheetDataTest {

    private static final Domain INFRASTRUCTURE = SheetSamples.FY2564.definition().domain("infrastructure").orElseThrow();

    private static SheetData withDigest(String digest) {
        SheetData s = SheetSamples.sheet("infrastructure");
        return new SheetData(s.laoCode(), s.laoName(), s.fiscalYear(), s.domain(), s.values(), s.notRelevant(), s.revision(),
                s.submissionId(), digest, s.certifierName(), s.certifierPosition(), s.certifiedAt());
    }

    @Test
    void theDigestReadsAloudInEightBlocksOfEight() {
        SheetData data = withDigest(SheetSamples.DIGEST.toUpperCase(java.util.Locale.ROOT));

        assertThat(data.digest()).isEqualTo(SheetSamples.DIGEST);
        assertThat(data.digestForReading())
                .isEqualTo("34f9da1a f687b49a aab6c5dd 556b9884 e663ea1d b54b9760 59c5cb7b bed52aab");
    }

    @Test
    void aDigestThatIsNotSha256HexIsRefused() {
        assertThatThrownBy(() -> withDigest(SheetSamples.DIGEST.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withDigest(SheetSamples.DIGEST.replace('a', 'g'))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSnapshotGivesItsRevisionCertifierAndLocalTime() {
        CertifiedSnapshot snapshot = new CertifiedSnapshot(new DomainKey("5650801", 2564, "infrastructure"), 2,
                SheetSamples.SUBMISSION, new byte[] {1}, SheetSamples.DIGEST, new byte[] {2}, SheetSamples.CERTIFIER,
                SheetSamples.POSITION, Instant.parse("2021-05-31T07:03:00Z"));

        SheetData data = SheetData.of(LaoProfile.demo(), INFRASTRUCTURE, snapshot, Map.of(), Set.of(), ZoneId.of("Asia/Bangkok"));

        assertThat(data.revision()).isEqualTo(2);
        assertThat(data.fiscalYear()).isEqualTo(2564);
        assertThat(data.laoName()).isEqualTo(LaoProfile.demo().name());
        assertThat(data.certifierName()).isEqualTo(SheetSamples.CERTIFIER);
        assertThat(data.certifiedAt()).isEqualTo(LocalDateTime.of(2021, 5, 31, 14, 3));
    }

    @Test
    void aSnapshotOfAnotherLaoIsRefused() {
        CertifiedSnapshot snapshot = new CertifiedSnapshot(new DomainKey("6650805", 2564, "infrastructure"), 1,
                SheetSamples.SUBMISSION, new byte[] {1}, SheetSamples.DIGEST, new byte[] {2}, SheetSamples.CERTIFIER,
                SheetSamples.POSITION, Instant.parse("2021-05-31T07:03:00Z"));

        assertThatThrownBy(() -> SheetData.of(LaoProfile.demo(), INFRASTRUCTURE, snapshot, Map.of(), Set.of(), ZoneId.of("Asia/Bangkok")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
