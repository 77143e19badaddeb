package org.infodesk.server.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * Judges one domain of a submission with the same engine the app used to certify it: the server
 * refuses what the rules refuse, and nothing else (SPEC §4.6 step 6).
 */
public final class SubmissionJudge {

    private SubmissionJudge() {}

    /** What refuses a domain: its error findings, and its warnings that the certifier did not justify. */
    public record Verdict(List<Finding> errors, List<Finding> unjustified) {
        public boolean acceptable() {
            return errors.isEmpty() && unjustified.isEmpty();
        }
    }

    /** The errors that make a certified domain unacceptable; warnings were justified by the certifier. */
    public static List<Finding> errors(Questionnaire questionnaire, Answers answers, String domain) {
        return questionnaire.evaluate(answers, domain).findings().stream().filter(Finding::isError).toList();
    }

    /**
     * Judges a domain's values as a payload carries them, with its justifications by subject
     * (SPEC §3.2: {@code rule:ID} for a rule's warning). Year-over-year changes (§2.6) are not
     * judged yet: the server holds no last-year values.
     */
    public static Verdict judge(Questionnaire questionnaire, String domain, Map<String, Object> values,
            Map<String, String> justifications) {
        Answers.Builder answers = Answers.builder();
        values.forEach((item, value) -> answers.put(domain, item, value));
        List<Finding> findings = questionnaire.evaluate(answers.build(), domain).findings(domain);
        return new Verdict(findings.stream().filter(Finding::isError).toList(),
                findings.stream().filter(f -> !f.isError() && !justifications.containsKey(subject(f))).toList());
    }

    /** The justification subject of a warning, as the app writes it. */
    static String subject(Finding warning) {
        return "rule:" + (warning.ruleId() != null ? warning.ruleId()
                : warning.kind().name().toLowerCase(Locale.ROOT) + ":" + warning.at());
    }
}
