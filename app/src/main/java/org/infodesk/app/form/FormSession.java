package org.infodesk.app.form;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * One domain open for entry: every edit is saved at once through the repository, the domain is
 * re-evaluated (rules see every domain's current values), and the last changes can be undone.
 * No JavaFX: the form's view model drives it, tests drive it directly.
 */
public final class FormSession {

    /** One change that can be undone: the item and the value it had before. */
    private record Change(String item, Object before) {}

    private final Questionnaire questionnaire;
    private final AnswerRepository repository;
    private final DomainKey key;
    private final String user;
    private final Domain domain;
    private final Deque<Change> undo = new ArrayDeque<>();
    private Answers answers;
    private DomainRecord record;
    private Evaluation evaluation;
    private Instant lastSaved;

    public FormSession(Questionnaire questionnaire, AnswerRepository repository, DomainKey key, String user)
            throws StoreException {
        this.questionnaire = questionnaire;
        this.repository = repository;
        this.key = key;
        this.user = user;
        this.domain = questionnaire.definition().domain(key.domain())
                .orElseThrow(() -> new IllegalArgumentException("no domain " + key.domain()));
        reload();
    }

    private void reload() throws StoreException {
        answers = repository.answers(key.lao(), key.fiscalYear());
        record = repository.current(key);
        lastSaved = record.updatedAt();
        evaluation = questionnaire.evaluate(answers, key.domain());
    }

    /**
     * After a save: only this value changed, so the answers are updated in memory rather than
     * read back (the store has just said it holds them); the first save of a domain opens its
     * revision, so the record is read again then.
     */
    private void applied(String item, Object value) throws StoreException {
        answers = answers.with(key.domain(), item, value);
        if (record.state() == DomainState.NOT_STARTED) {
            record = repository.current(key);
        }
        evaluation = questionnaire.evaluate(answers, key.domain());
    }

    /** Saves a value (null clears it) and re-evaluates. Nothing changes if the save fails. */
    public Instant edit(String item, Object value) throws StoreException {
        Object before = answers.get(key.domain(), item);
        if (Objects.equals(before, value)) {
            return lastSaved;
        }
        lastSaved = repository.save(new Edit(key, item, value, user));
        undo.push(new Change(item, before));
        applied(item, value);
        return lastSaved;
    }

    /**
     * Opens the domain's first draft holding the given values (last year's certified ones: the
     * update workflow). Only for a domain not started yet.
     */
    public void startFrom(java.util.Map<String, Object> values) throws StoreException {
        repository.startDraft(key, values, user);
        undo.clear();
        reload();
    }

    public boolean canUndo() {
        return !undo.isEmpty() && record.editable();
    }

    /** Puts back the value the last changed item had; returns the item, or null if nothing to undo. */
    public String undo() throws StoreException {
        if (!canUndo()) {
            return null;
        }
        Change last = undo.pop();
        lastSaved = repository.save(new Edit(key, last.item(), last.before(), user));
        applied(last.item(), last.before());
        return last.item();
    }

    public Domain domain() {
        return domain;
    }

    public DomainKey key() {
        return key;
    }

    public String user() {
        return user;
    }

    public DomainRecord record() {
        return record;
    }

    public Object value(String item) {
        return answers.get(key.domain(), item);
    }

    public Answers answers() {
        return answers;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** When the domain was last saved, or null if never. */
    public Instant lastSaved() {
        return lastSaved;
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }
}
