package org.infodesk.app.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.infodesk.app.form.DomainRecord;
import java.util.List;
import org.infodesk.app.form.DomainState;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.Values;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.Text;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;

/** How far each domain has come: answered of required, errors, warnings, state. */
public final class DomainProgress {

    /** One domain's line on the dashboard. */
    public record Summary(String id, int order, Text label, int required, int answered, long errors, long warnings,
            DomainState state, Instant lastSaved) {

        /** Answered required items as a fraction, 0 to 1. */
        public double fraction() {
            return required == 0 ? 1.0 : (double) answered / required;
        }
    }

    private DomainProgress() {}

    /** Summaries of every domain, in the definition's order, from answers alone (nothing stored). */
    public static List<Summary> of(Questionnaire questionnaire, Answers answers) {
        return of(questionnaire, answers, Map.of());
    }

    /**
     * Summaries of every domain; a stored record supplies the state once certified (and the last
     * save time); before that the state follows the answers: not started, in progress, ready.
     */
    public static List<Summary> of(Questionnaire questionnaire, Answers answers, Map<String, DomainRecord> records) {
        return of(questionnaire, answers, questionnaire.evaluate(answers), records);
    }

    /** The same, from an evaluation of {@code answers} the caller has made already. */
    public static List<Summary> of(Questionnaire questionnaire, Answers answers, Evaluation evaluation,
            Map<String, DomainRecord> records) {
        List<Summary> out = new ArrayList<>();
        for (Domain d : questionnaire.definition().domains()) {
            int required = 0;
            int answered = 0;
            for (Item item : d.items()) {
                if (item.required() && evaluation.isRelevant(d.id(), item.id())) {
                    required++;
                    if (!Values.isEmpty(answers.get(d.id(), item.id()))) {
                        answered++;
                    }
                }
            }
            // unanswered required items show as progress, not as errors
            long errors = evaluation.findings(d.id()).stream()
                    .filter(f -> f.isError() && f.kind() != Finding.Kind.REQUIRED).count();
            long warnings = evaluation.findings(d.id()).stream().filter(f -> !f.isError()).count();
            boolean started = !answers.domain(d.id()).isEmpty();
            DomainRecord record = records.get(d.id());
            DomainState state = record != null && !record.editable() ? record.state()
                    : !started ? DomainState.NOT_STARTED
                    : errors == 0 && answered == required ? DomainState.READY : DomainState.DRAFT;
            out.add(new Summary(d.id(), d.order(), d.label(), required, answered, errors, warnings, state,
                    record == null ? null : record.updatedAt()));
        }
        return out;
    }
}
