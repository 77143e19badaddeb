package org.infodesk.app.dashboard.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Questionnaire;

/** State of the dashboard: who we are, which year, and every domain's progress. Touches no node. */
public final class DashboardViewModel {

    private final Questionnaire questionnaire;
    private final Messages messages;
    private final ReadOnlyStringWrapper laoLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper yearLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper returned = new ReadOnlyStringWrapper("");
    private final ObservableList<DomainProgress.Summary> domains = FXCollections.observableArrayList();
    private final ObservableList<DomainProgress.Summary> domainsView = FXCollections.unmodifiableObservableList(domains);

    public DashboardViewModel(Questionnaire questionnaire, LaoProfile lao, Messages messages) {
        this(questionnaire, questionnaire.definition().fiscalYear(), lao, messages);
    }

    /** A dashboard that shows summaries already computed ({@link #show(List)}), before the questionnaire is read. */
    public DashboardViewModel(int fiscalYear, LaoProfile lao, Messages messages) {
        this(null, fiscalYear, lao, messages);
    }

    private DashboardViewModel(Questionnaire questionnaire, int fiscalYear, LaoProfile lao, Messages messages) {
        this.questionnaire = questionnaire;
        this.messages = messages;
        laoLine.set(messages.get("dashboard.lao", messages.text(lao.name()), lao.code(),
                messages.text(lao.district()), messages.text(lao.province())));
        yearLine.set(messages.get("dashboard.fiscalYear", String.valueOf(fiscalYear)));
        status.set(messages.get("status.noServer"));
    }

    /** Recomputes every domain's progress from the answers. */
    public void show(Answers answers) {
        show(answers, java.util.Map.of());
    }

    /** Recomputes every domain's progress from the answers and the stored records. */
    public void show(Answers answers, java.util.Map<String, org.infodesk.app.form.DomainRecord> records) {
        if (questionnaire == null) {
            throw new IllegalStateException("made without the questionnaire: show computed summaries");
        }
        show(DomainProgress.of(questionnaire, answers, records));
    }

    /** Shows progress already computed (at start-up, off the JavaFX thread). */
    public void show(List<DomainProgress.Summary> summaries) {
        domains.setAll(summaries);
    }

    /** "14:03" today, or a B.E. date and time; empty if never saved. */
    public String lastSaved(DomainProgress.Summary s) {
        if (s.lastSaved() == null) {
            return "";
        }
        var local = java.time.LocalDateTime.ofInstant(s.lastSaved(), java.time.ZoneId.systemDefault());
        return local.toLocalDate().equals(java.time.LocalDate.now())
                ? java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(local)
                : org.infodesk.app.i18n.ThaiDates.format(local, messages.locale());
    }

    public ReadOnlyStringProperty laoLineProperty() {
        return laoLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yearLineProperty() {
        return yearLine.getReadOnlyProperty();
    }

    /**
     * The domains a reviewer returned, each with the reviewer's comment (pulled from the server).
     *
     * @param comments the comment of each returned domain, by domain id
     */
    public void showReturned(java.util.Map<String, String> comments) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (DomainProgress.Summary s : domains) {
            String comment = comments.get(s.id());
            if (comment != null && s.state() == org.infodesk.app.form.DomainState.RETURNED) {
                lines.add(messages.get("dashboard.returned", messages.text(s.label()), comment));
            }
        }
        returned.set(String.join("\n", lines));
    }

    /** The returned domains with their reviewers' comments, one a line; empty when none is returned. */
    public ReadOnlyStringProperty returnedProperty() {
        return returned.getReadOnlyProperty();
    }

    /** The status bar follows {@code line} (the sync's state), instead of saying "not enrolled". */
    public void followStatus(javafx.beans.value.ObservableValue<String> line) {
        status.bind(line);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<DomainProgress.Summary> domains() {
        return domainsView;
    }

    public Messages messages() {
        return messages;
    }
}
