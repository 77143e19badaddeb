package org.infodesk.app.form;

import java.util.Objects;

/** One domain of one LAO in one (Buddhist Era) fiscal year. */
public record DomainKey(String lao, int fiscalYear, String domain) {

    public DomainKey {
        Objects.requireNonNull(lao, "lao");
        Objects.requireNonNull(domain, "domain");
    }

    @Override
    public String toString() {
        return lao + "/" + fiscalYear + "/" + domain;
    }
}
