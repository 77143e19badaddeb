package org.infodesk.protocol.definition;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire definition as read from its JSON document (see {@code SPEC.md} §2): the
 * structure only. {@code org.infodesk.protocol.rules.Questionnaire} adds the compiled rules.
 *
 * @param format     the definition format's version (1)
 * @param id         the questionnaire's id, stable across fiscal years
 * @param fiscalYear the Buddhist Era fiscal year it is for (2564 = Oct 2020 to Sep 2021)
 * @param version    the definition's version within that year; a submission names it
 */
public record Definition(int format, String id, int fiscalYear, int version, Text title, List<Domain> domains) {

    public Definition {
        domains = List.copyOf(domains);
    }

    public Optional<Domain> domain(String domainId) {
        return domains.stream().filter(d -> d.id().equals(domainId)).findFirst();
    }

    /** The key that names this definition on the wire and in storage: {@code id/fiscalYear/version}. */
    public String key() {
        return id + "/" + fiscalYear + "/" + version;
    }

    public int itemCount() {
        return domains.stream().mapToInt(d -> d.items().size()).sum();
    }

    public int ruleCount() {
        return domains.stream().mapToInt(d -> d.rules().size()).sum();
    }
}
