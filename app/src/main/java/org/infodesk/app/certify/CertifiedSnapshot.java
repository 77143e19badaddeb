package org.infodesk.app.certify;

import java.time.Instant;
import java.util.Arrays;
import org.infodesk.app.form.DomainKey;

/** A frozen, certified revision as stored. Never changed once written. */
public record CertifiedSnapshot(DomainKey key, int revision, String submissionId, byte[] payload, String digest,
        byte[] signature, String certifierName, String certifierPosition, Instant certifiedAt) {

    public CertifiedSnapshot {
        payload = payload.clone();
        signature = signature.clone();
    }

    /** The digest in eight blocks of eight, for reading aloud over the telephone: "3f2a9c1b 7d0e4f21 ...". */
    public String digestForReading() {
        return digestForReading(digest);
    }

    /** A hex digest in blocks of eight, one space apart (the screen and the sheet show it so). */
    public static String digestForReading(String hex) {
        StringBuilder out = new StringBuilder(hex.length() + hex.length() / 8);
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, Math.min(hex.length(), i + 8));
        }
        return out.toString();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertifiedSnapshot s && key.equals(s.key) && revision == s.revision
                && submissionId.equals(s.submissionId) && Arrays.equals(payload, s.payload) && digest.equals(s.digest)
                && Arrays.equals(signature, s.signature) && certifierName.equals(s.certifierName)
                && certifierPosition.equals(s.certifierPosition) && certifiedAt.equals(s.certifiedAt);
    }

    @Override
    public int hashCode() {
        return submissionId.hashCode();
    }

    @Override
    public String toString() {
        return "CertifiedSnapshot[" + key + " r" + revision + " " + submissionId + " " + digest + "]";
    }
}
