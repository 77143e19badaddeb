package org.infodesk.server.ingest;

import java.util.List;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * Judges one domain of a submission with the same engine the app used to certify it: the server
 * refuses what the rules refuse, and nothing else. Ingest (issue 6) builds on this.
 */
public final class SubmissionJudge {

    private SubmissionJudge() {}

    /** The errors that make a certified domain unacceptable; warnings were justified by the certifier. */
    public static List<Finding> errors(Questionnaire questionnaire, Answers answers, String domain) {
        return questionnaire.evaluate(answers, domain).findings().stream().filter(Finding::isError).toList();
    }
}
