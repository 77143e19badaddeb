package org.infodesk.app.form.ui;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.FormSession;
import org.infodesk.app.form.ValueText;
import org.infodesk.app.i18n.Messages;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.Section;
import org.infodesk.protocol.definition.Severity;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.ItemRef;
import org.infodesk.protocol.rules.YearOverYear;

/**
 * The state of one domain's form and its commands: commit a value, note a justification, undo.
 * Every commit is saved at once; the save state says so. Touches no node.
 */
public final class FormViewModel {

    private final FormSession session;
    private final AnswerRepository repository;
    private final Messages messages;
    private final Answers lastYear;
    private final Map<String, FieldViewModel> fields = new LinkedHashMap<>();
    private final Map<String, String> localProblems = new LinkedHashMap<>();
    /** Fields the user has been in: only these say "required" (a new form should not shout). */
    private final Set<String> touched = new java.util.HashSet<>();
    private final ObservableList<FindingLine> findings = FXCollections.observableArrayList();
    /** One read-only view, kept: a listener on a wrapper nobody holds is lost with the wrapper. */
    private final ObservableList<FindingLine> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saveFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canStartFromLastYear = new ReadOnlyBooleanWrapper(false);
    private Map<String, String> notes = Map.of();

    public FormViewModel(FormSession session, AnswerRepository repository, Answers lastYear, Messages messages) {
        this.session = session;
        this.repository = repository;
        this.messages = messages;
        this.lastYear = lastYear;
        for (Item item : session.domain().items()) {
            fields.put(item.id(), new FieldViewModel(item, lastYearText(item)));
        }
        loadNotes();
        refresh();
        saveState.set(session.lastSaved() == null ? messages.get("form.notSavedYet")
                : messages.get("form.savedAt", time(session.lastSaved())));
    }

    private void loadNotes() {
        try {
            notes = repository.justifications(session.key());
        } catch (StoreException e) {
            fail(e);
        }
    }

    public Messages messages() {
        return messages;
    }

    public String title() {
        return messages.text(session.domain().label());
    }

    public List<Section> sections() {
        return session.domain().sections();
    }

    public List<FieldViewModel> fields(Section section) {
        return fields.values().stream().filter(f -> section.id().equals(f.item().section())).toList();
    }

    public List<FieldViewModel> fieldsInOrder() {
        return List.copyOf(fields.values());
    }

    public FieldViewModel field(String item) {
        return fields.get(item);
    }

    public ObservableList<FindingLine> findings() {
        return findingsView;
    }

    /** "Saved 14:03:22", or what went wrong and what to do. */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saveFailedProperty() {
        return saveFailed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Whether the domain is untouched and last year's values exist to start from. */
    public ReadOnlyBooleanProperty canStartFromLastYearProperty() {
        return canStartFromLastYear.getReadOnlyProperty();
    }

    /** The update workflow: fills the untouched domain with last year's certified values. */
    public void startFromLastYear() {
        if (!canStartFromLastYear.get()) {
            return;
        }
        try {
            session.startFrom(lastYear.domain(session.key().domain()));
            saveState.set(messages.get("form.startedFromLastYear"));
            saveFailed.set(false);
        } catch (StoreException e) {
            fail(e);
        }
        refresh();
    }

    /** "3 errors, 1 warning". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The user has left a field: from now on it may say that it is required. */
    public void touch(String item) {
        if (touched.add(item)) {
            refresh();
        }
    }

    /** Shows "required" on every empty required field, as before certifying. */
    public void touchAll() {
        touched.addAll(fields.keySet());
        refresh();
    }

    /** Saves a value typed or chosen in a field (null clears it). */
    public void commit(String item, Object value) {
        touched.add(item);
        localProblems.remove(item);
        try {
            var saved = session.edit(item, value);
            saveState.set(messages.get("form.savedAt", time(saved)));
            saveFailed.set(false);
        } catch (StoreException e) {
            fail(e);
        }
        refresh();
    }

    /** A field's text could not be read (not a number, for instance): shown at the field, nothing saved. */
    public void refuse(String item, String message) {
        localProblems.put(item, message);
        refresh();
    }

    /** Saves the justification of a large change from last year. */
    public void note(String item, String text) {
        try {
            repository.justify(session.key(), item, text, session.user());
            saveState.set(messages.get("form.savedAt", time(java.time.Instant.now())));
            saveFailed.set(false);
            loadNotes();
        } catch (StoreException e) {
            fail(e);
        }
        refresh();
    }

    public void undo() {
        try {
            String item = session.undo();
            if (item != null) {
                localProblems.remove(item);
                saveState.set(messages.get("form.undone", messages.text(fields.get(item).item().label())));
                saveFailed.set(false);
            }
        } catch (StoreException e) {
            fail(e);
        }
        refresh();
    }

    private void fail(StoreException e) {
        saveFailed.set(true);
        saveState.set(messages.get(e.messageKey(), e.folder().map(Object::toString).orElse(""),
                e.latestBackup().map(Object::toString).orElse("")));
    }

    private void refresh() {
        Evaluation evaluation = session.evaluation();
        Map<String, List<String>> byItem = new LinkedHashMap<>();
        Map<String, Severity> worst = new LinkedHashMap<>();
        List<FindingLine> lines = new ArrayList<>();
        String domain = session.key().domain();
        int errors = 0;
        int warnings = 0;
        for (Finding f : evaluation.findings(domain)) {
            String text = f.message(messages.locale());
            Set<String> targets = new LinkedHashSet<>();
            for (ItemRef ref : f.items()) {
                if (ref.domain().equals(domain) && fields.containsKey(ref.item())) {
                    targets.add(ref.item());
                }
            }
            for (String t : targets) {
                if (f.kind() == Finding.Kind.REQUIRED && !touched.contains(t)) {
                    continue;
                }
                byItem.computeIfAbsent(t, k -> new ArrayList<>()).add(text);
                worst.merge(t, f.severity(), (a, b) -> a == Severity.ERROR || b == Severity.ERROR ? Severity.ERROR : Severity.WARNING);
            }
            if (f.kind() != Finding.Kind.REQUIRED) {
                lines.add(new FindingLine(targets.isEmpty() ? f.at().item() : targets.iterator().next(), text, f.severity()));
                if (f.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        localProblems.forEach((item, text) -> {
            byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(0, text);
            worst.put(item, Severity.ERROR);
        });
        for (FieldViewModel f : fields.values()) {
            String id = f.item().id();
            Object value = session.value(id);
            boolean relevant = evaluation.isRelevant(domain, id);
            Object last = lastYear.get(domain, id);
            boolean noteNeeded = relevant && f.item().type().isNumeric() && value instanceof BigDecimal now
                    && last instanceof BigDecimal before && YearOverYear.needsJustification(f.item(), before, now);
            if (noteNeeded && !notes.containsKey(id)) {
                warnings++;
                lines.add(new FindingLine(id, messages.get("form.noteNeeded", messages.text(f.item().label())), Severity.WARNING));
            }
            List<String> msgs = byItem.getOrDefault(id, List.of());
            f.update(value, relevant, String.join("\n", msgs), worst.get(id), noteNeeded, notes.get(id));
        }
        findings.setAll(lines);
        summary.set(messages.get("form.summary", errors, warnings));
        canUndo.set(session.canUndo());
        canStartFromLastYear.set(session.record().state() == org.infodesk.app.form.DomainState.NOT_STARTED
                && !lastYear.domain(domain).isEmpty());
        editable.set(session.record().editable());
    }

    // ---- display forms ----

    private String lastYearText(Item item) {
        Object v = lastYear.get(session.key().domain(), item.id());
        return v == null ? "" : display(item, v);
    }

    /** A value as the form shows it: grouped digits, B.E. dates, option labels. */
    public String display(Item item, Object value) {
        return ValueText.of(item, value, messages);
    }

    private static String time(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
    }
}
