package org.infodesk.app.certify;

import java.time.Instant;
import java.util.Objects;
import org.infodesk.app.form.DomainKey;

/**
 * The command that freezes a revision: its canonical payload, digest and signature (made by
 * the certification feature, issue 5), and who certified it when.
 */
public record Certification(DomainKey key, int revision, String submissionId, byte[] payload, String digest,
        byte[] signature, String certifierName, String certifierPosition, Instant certifiedAt) {

    public Certification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(submissionId, "submissionId");
        payload = payload.clone();
        signature = signature.clone();
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(certifierName, "certifierName");
        Objects.requireNonNull(certifierPosition, "certifierPosition");
        Objects.requireNonNull(certifiedAt, "certifiedAt");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
