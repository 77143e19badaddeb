package org.infodesk.app.certify.ui;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.certify.CertificationRepository;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.certify.CertificationService.Outcome;
import org.infodesk.app.certify.CertificationService.Reason;
import org.infodesk.app.certify.CertifiedSnapshot;
import org.infodesk.app.certify.Readiness;
import org.infodesk.app.certify.sheet.CertificationSheet;
import org.infodesk.app.certify.sheet.SheetData;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.form.ValueText;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.ui.Background;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.Section;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review screen of one domain before (and after) its certification: what will be signed, its
 * errors (which block), its warnings (each needs a justification, saved as typed), the revisions
 * certified so far, the certifier's own sign-in, and once certified the digest, the submission id,
 * the printable sheet and amending. State and commands only; touches no node.
 *
 * <p>Slow work (the certifier's password hash and the signature; the first sheet) runs on the
 * {@link Background} worker; {@link #busyProperty()} is true meanwhile and the commands wait.
 */
public final class CertifyViewModel {

    /** The most characters (code points) of a justification: the signed payload's limit, sync-protocol SPEC §3.2. */
    public static final int MAX_JUSTIFICATION = 500;

    private static final Logger LOG = LoggerFactory.getLogger(CertifyViewModel.class);
    /** What the values list shows for an item whose relevance condition does not hold (as the sheet does). */
    private static final String NOT_RELEVANT = "–";
    private static final int DIGEST_START = 16;

    /**
     * What every review screen of an installation shares; the shell makes it once per store and language.
     *
     * @param dataFolder where the sheets go, in {@code sheets/}
     * @param zone       the office's time zone, for the times shown and printed
     */
    public record Context(CertificationService service, AnswerRepository answers, CertificationRepository certifications,
            LaoProfile lao, Messages messages, Path dataFolder, ZoneId zone, Background background) {

        public Context {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(answers, "answers");
            Objects.requireNonNull(certifications, "certifications");
            Objects.requireNonNull(lao, "lao");
            Objects.requireNonNull(messages, "messages");
            Objects.requireNonNull(dataFolder, "dataFolder");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(background, "background");
        }
    }

    /** How the domain stands, for the summary's colour. */
    public enum Status { ERRORS, UNJUSTIFIED, READY, CERTIFIED }

    /** Where the user's attention should go after a command (the view moves the focus there). */
    public enum Attention { JUSTIFICATION, USERNAME, PASSWORD, RESULT }

    /** One warning to justify: a rule's warning, or a large change from last year. */
    public static final class WarningLine {
        private final String subject;
        private final String text;
        private final ReadOnlyStringWrapper justification = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper justified = new ReadOnlyBooleanWrapper(false);

        WarningLine(String subject, String text) {
            this.subject = subject;
            this.text = text;
        }

        /** {@code rule:<id>} or the changed item's id, as the signed payload names it. */
        public String subject() {
            return subject;
        }

        /** The rule's message, or "label: ปีที่แล้ว X → ปีนี้ Y". */
        public String text() {
            return text;
        }

        /** The saved justification; empty when none. */
        public ReadOnlyStringProperty justificationProperty() {
            return justification.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty justifiedProperty() {
            return justified.getReadOnlyProperty();
        }

        void update(Readiness.Warning w) {
            justification.set(w.justification() == null ? "" : w.justification());
            justified.set(w.justified());
        }
    }

    /**
     * One line of the values, in questionnaire order: a section's heading ({@code section} true,
     * only the label), or an item with its value, unit and last year's value as shown.
     *
     * @param changed whether the value differs from last year's
     * @param flagged whether the change is large enough to need a justification
     */
    public record ValueLine(boolean section, String item, String label, String value, String unit, String lastYear,
            boolean changed, boolean flagged) {}

    /** One certified revision of the domain. */
    public record HistoryLine(int revision, String certifier, String certifiedAt, String digestStart) {}

    private final Context context;
    private final Messages messages;
    private final DomainKey key;
    private final Answers lastYear;
    private final String user;
    private final Runnable back;
    private final Consumer<DomainKey> openForm;
    private final Domain domain;

    private final Map<String, WarningLine> warnings = new LinkedHashMap<>();
    private final List<ValueLine> values = new ArrayList<>();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryLine> historyView = FXCollections.unmodifiableObservableList(history);
    private final Set<String> notRelevant = new HashSet<>();

    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.READY);
    private final ReadOnlyStringWrapper blockedReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canCertify = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Attention> attention = new ReadOnlyObjectWrapper<>();
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<CertifiedSnapshot> certified = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper certifiedHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper certifiedBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper submissionId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amendText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sheetBusy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper sheetStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sheetFailed = new ReadOnlyBooleanWrapper(false);

    /**
     * @param key      the domain to review
     * @param lastYear last year's certified values (changes beyond a threshold need a justification); empty when none
     * @param user     the signed-in user's name, recorded in the audit log with each justification and an amendment
     * @param back     back to the dashboard
     * @param openForm open a domain's form: after amending (its new revision), or to fix an error
     */
    public CertifyViewModel(Context context, DomainKey key, Answers lastYear, String user, Runnable back,
            Consumer<DomainKey> openForm) {
        this.context = Objects.requireNonNull(context, "context");
        this.messages = context.messages();
        this.key = Objects.requireNonNull(key, "key");
        this.lastYear = Objects.requireNonNull(lastYear, "lastYear");
        this.user = Objects.requireNonNull(user, "user");
        this.back = Objects.requireNonNull(back, "back");
        this.openForm = Objects.requireNonNull(openForm, "openForm");
        this.domain = definition().domain(key.domain())
                .orElseThrow(() -> new IllegalArgumentException("no domain " + key.domain()));
        refresh(true);
    }

    private Definition definition() {
        return context.service().questionnaire().definition();
    }

    // ---- what the screen shows ----

    public Messages messages() {
        return messages;
    }

    public DomainKey key() {
        return key;
    }

    /** "รับรองข้อมูล: ด้านโครงสร้างพื้นฐาน". */
    public String title() {
        return messages.get("certify.title", messages.text(domain.label()));
    }

    /** The LAO, its code, the B.E. fiscal year, the revision and its state. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** "ข้อผิดพลาด 2 รายการ: แก้ไขในแบบฟอร์มก่อนรับรอง", or that it is ready, or certified. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Each error of the domain, as the form words it. */
    public ObservableList<String> errors() {
        return errorsView;
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    /** The warnings to justify, in the order the evaluation found them. */
    public List<WarningLine> warnings() {
        return List.copyOf(warnings.values());
    }

    /** The domain's values, section by section. */
    public List<ValueLine> values() {
        return List.copyOf(values);
    }

    /** Whether last year's values exist (else the screen leaves their column out). */
    public boolean hasLastYear() {
        return !lastYear.domain(key.domain()).isEmpty();
    }

    /** Every certified revision of the domain, oldest first. */
    public ObservableList<HistoryLine> history() {
        return historyView;
    }

    /** Whether the current revision can still change (not certified yet). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Whether the certify command may run now: editable, no error, not busy. */
    public ReadOnlyBooleanProperty canCertifyProperty() {
        return canCertify.getReadOnlyProperty();
    }

    /** Why certifying is not possible yet (errors, warnings without a justification); empty when it is. */
    public ReadOnlyStringProperty blockedReasonProperty() {
        return blockedReason.getReadOnlyProperty();
    }

    /** Slow work is running (the certifier's sign-in and the signature). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last command said: a refusal's reason, or that it is working. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsProblemProperty() {
        return messageIsProblem.getReadOnlyProperty();
    }

    /** Where the focus should go now; set anew after each command that needs the user somewhere. */
    public ReadOnlyObjectProperty<Attention> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** The certifier's user name, as typed. */
    public StringProperty usernameProperty() {
        return username;
    }

    /** The certifier's password, as typed; emptied after each attempt. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The domain's latest certified snapshot while its current revision is certified; null while it is editable. */
    public ReadOnlyObjectProperty<CertifiedSnapshot> certifiedProperty() {
        return certified.getReadOnlyProperty();
    }

    /** "รับรองแล้ว ฉบับที่ 1". */
    public ReadOnlyStringProperty certifiedHeadlineProperty() {
        return certifiedHeadline.getReadOnlyProperty();
    }

    /** Who certified it and when. */
    public ReadOnlyStringProperty certifiedByProperty() {
        return certifiedBy.getReadOnlyProperty();
    }

    /** The whole digest in eight blocks of eight. */
    public ReadOnlyStringProperty digestProperty() {
        return digest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty submissionIdProperty() {
        return submissionId.getReadOnlyProperty();
    }

    /** "แก้ไขเพิ่มเติม (ฉบับที่ 2)". */
    public ReadOnlyStringProperty amendTextProperty() {
        return amendText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sheetBusyProperty() {
        return sheetBusy.getReadOnlyProperty();
    }

    /** The sheet being made, made (and where), or why it was not. */
    public ReadOnlyStringProperty sheetStatusProperty() {
        return sheetStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sheetFailedProperty() {
        return sheetFailed.getReadOnlyProperty();
    }

    // ---- commands ----

    /**
     * Saves the justification of a warning (the view calls this when its field loses focus or on
     * Enter): made one line (control characters become spaces), stripped, cut to
     * {@value #MAX_JUSTIFICATION} characters, as the signed payload requires. A blank text removes it.
     */
    public void justify(String subject, String text) {
        WarningLine line = warnings.get(subject);
        if (line == null || !editable.get() || busy.get()) {
            return;
        }
        String clean = oneLine(text);
        if (clean.equals(line.justificationProperty().get())) {
            return;
        }
        try {
            context.answers().justify(key, subject, clean, user);
        } catch (StoreException e) {
            problem(e.message(messages));
            return;
        }
        message.set(""); // what the last attempt said no longer holds
        refresh(false);
    }

    /** A justification's text as the payload takes it: one line, stripped, at most {@value #MAX_JUSTIFICATION} characters. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(' ');
            } else if (Character.getType(c) != Character.SURROGATE) {
                out.appendCodePoint(c); // an unpaired surrogate is not text: left out
            }
        });
        String s = out.toString().strip();
        if (s.codePointCount(0, s.length()) > MAX_JUSTIFICATION) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_JUSTIFICATION)).strip();
        }
        return s;
    }

    /**
     * Certifies the domain with the certifier's user name and password as typed. Refused at once,
     * before any password is checked, while a warning has no justification or a field is empty;
     * otherwise the sign-in and the signature run in the background and the outcome shows.
     */
    public void certify() {
        if (!canCertify.get()) {
            return;
        }
        if (unjustified() > 0) {
            problem(refusalText(Reason.UNJUSTIFIED_WARNINGS));
            attend(Attention.JUSTIFICATION);
            return;
        }
        String name = username.get() == null ? "" : username.get();
        String secret = password.get() == null ? "" : password.get();
        if (name.isBlank() || secret.isEmpty()) {
            problem(messages.get("certify.credentialsNeeded"));
            attend(name.isBlank() ? Attention.USERNAME : Attention.PASSWORD);
            return;
        }
        setBusy(true);
        message.set(messages.get("certify.working"));
        messageIsProblem.set(false);
        context.background().run(() -> context.service().certify(key, name, secret, lastYear),
                this::certified, this::certifyFailed);
    }

    private void certified(Outcome outcome) {
        setBusy(false);
        password.set("");
        if (outcome instanceof Outcome.Certified done) {
            LOG.info("{} certified as revision {} by {}", key, done.snapshot().revision(), done.certifier().username());
            message.set("");
            messageIsProblem.set(false);
            refresh(false);
            attend(Attention.RESULT);
            return;
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        refresh(false);
        if (refused.reason() == Reason.NOT_SIGNED_IN && refused.signIn() != null) {
            problem(refused.signIn().message(messages, context.zone()));
        } else {
            problem(refusalText(refused.reason()));
        }
        attend(switch (refused.reason()) {
            case NOT_SIGNED_IN, PASSWORD_NOT_CHANGED -> Attention.PASSWORD;
            case NOT_A_CERTIFIER -> Attention.USERNAME;
            case UNJUSTIFIED_WARNINGS -> Attention.JUSTIFICATION;
            case HAS_ERRORS, NOT_EDITABLE -> Attention.RESULT;
        });
    }

    private void certifyFailed(Throwable e) {
        setBusy(false);
        password.set("");
        if (e instanceof StoreException s) {
            problem(s.message(messages));
        } else {
            LOG.error("certifying {} failed", key, e);
            problem(messages.get("certify.failed"));
        }
        refresh(false);
    }

    /**
     * Writes the certification sheet of the certified revision to
     * {@code <data folder>/sheets/<lao>-<year>-<domain>-r<n>.pdf} in the background, then hands the
     * file to {@code open} (on the JavaFX thread).
     */
    public void printSheet(Consumer<Path> open) {
        CertifiedSnapshot snapshot = certified.get();
        if (snapshot == null || sheetBusy.get()) {
            return;
        }
        sheetBusy.set(true);
        sheetFailed.set(false);
        sheetStatus.set(messages.get("certify.sheet.working"));
        Path file = context.dataFolder().resolve("sheets").resolve(String.format("%s-%d-%s-r%d.pdf",
                key.lao(), key.fiscalYear(), key.domain(), snapshot.revision()));
        Set<String> skipped = Set.copyOf(notRelevant);
        context.background().run(() -> writeSheet(snapshot, skipped, file), written -> {
            sheetBusy.set(false);
            sheetStatus.set(messages.get("certify.sheet.done", written.toString()));
            open.accept(written);
        }, e -> {
            LOG.error("the certification sheet of {} could not be written to {}", key, file, e);
            sheetBusy.set(false);
            sheetFailed.set(true);
            sheetStatus.set(messages.get("certify.sheet.failed", file.getParent().toString()));
        });
    }

    /** Off the JavaFX thread: the sheet of the values the snapshot signed (read back from its payload). */
    private Path writeSheet(CertifiedSnapshot snapshot, Set<String> skipped, Path file) throws Exception {
        Map<String, Object> signed = new SubmissionCodec(DefinitionLookup.of(definition())).readPayload(snapshot.payload()).values();
        SheetData data = SheetData.of(context.lao(), domain, snapshot, signed, skipped, context.zone());
        Files.createDirectories(file.getParent());
        new CertificationSheet(messages).write(data, file);
        return file;
    }

    /** Opens the next revision of the certified domain as a draft, then its form. */
    public void amend() {
        if (editable.get() || busy.get()) {
            return;
        }
        try {
            context.certifications().amend(key, user);
        } catch (StoreException e) {
            problem(e.message(messages));
            return;
        }
        LOG.info("{} amended by {}", key, user);
        openForm.accept(key);
    }

    /** To the form, to fix the errors. */
    public void editInForm() {
        if (!busy.get()) {
            openForm.accept(key);
        }
    }

    /** Back to the dashboard; not while the certification is being made. */
    public void back() {
        if (!busy.get()) {
            back.run();
        }
    }

    // ---- state ----

    private void refresh(boolean first) {
        DomainRecord record;
        Answers all;
        Evaluation evaluation;
        Readiness readiness;
        List<CertifiedSnapshot> snapshots;
        try {
            record = context.answers().current(key);
            all = context.answers().answers(key.lao(), key.fiscalYear());
            evaluation = context.service().questionnaire().evaluate(all);
            readiness = Readiness.of(evaluation, domain, all, lastYear, context.answers().justifications(key));
            snapshots = context.certifications().snapshots(key);
        } catch (StoreException e) {
            problem(e.message(messages));
            return;
        }
        notRelevant.clear();
        for (Item item : domain.items()) {
            if (!evaluation.isRelevant(domain.id(), item.id())) {
                notRelevant.add(item.id());
            }
        }
        if (first) {
            for (Readiness.Warning w : readiness.warnings()) {
                warnings.put(w.subject(), new WarningLine(w.subject(), warningText(w, all)));
            }
            buildValues(all, readiness);
        }
        for (Readiness.Warning w : readiness.warnings()) {
            WarningLine line = warnings.get(w.subject());
            if (line != null) {
                line.update(w);
            }
        }
        errors.setAll(readiness.errors().stream().map(f -> f.message(messages.locale())).toList());
        history.setAll(snapshots.stream().map(this::historyLine).toList());

        boolean isEditable = record.editable();
        editable.set(isEditable);
        hasErrors.set(!readiness.errors().isEmpty());
        subtitle.set(messages.get("certify.subtitle", messages.text(context.lao().name()), key.lao(),
                String.valueOf(key.fiscalYear()), String.valueOf(record.revision()), messages.get(record.state().messageKey())));
        CertifiedSnapshot latest = isEditable || snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        certified.set(latest);
        long unjustified = readiness.warnings().stream().filter(w -> !w.justified()).count();
        if (latest != null) {
            status.set(Status.CERTIFIED);
            summary.set(messages.get("certify.summary.certified", String.valueOf(latest.revision())));
            certifiedHeadline.set(messages.get("certify.done", String.valueOf(latest.revision())));
            certifiedBy.set(messages.get("certify.done.by", latest.certifierName(), latest.certifierPosition(),
                    when(latest)));
            digest.set(latest.digestForReading());
            submissionId.set(latest.submissionId());
            amendText.set(messages.get("certify.amend", String.valueOf(record.revision() + 1)));
            blockedReason.set("");
        } else if (!readiness.errors().isEmpty()) {
            status.set(Status.ERRORS);
            summary.set(messages.get("certify.summary.errors", readiness.errors().size()));
            blockedReason.set(refusalText(Reason.HAS_ERRORS));
        } else if (unjustified > 0) {
            status.set(Status.UNJUSTIFIED);
            summary.set(messages.get("certify.summary.unjustified", unjustified));
            blockedReason.set(refusalText(Reason.UNJUSTIFIED_WARNINGS));
        } else {
            status.set(Status.READY);
            summary.set(messages.get("certify.summary.ready"));
            blockedReason.set("");
        }
        updateCanCertify();
    }

    private void buildValues(Answers all, Readiness readiness) {
        Set<String> flagged = new HashSet<>();
        readiness.warnings().stream().filter(w -> w.item() != null).forEach(w -> flagged.add(w.item().id()));
        for (Section section : domain.sections()) {
            values.add(new ValueLine(true, null, messages.text(section.label()), "", "", "", false, false));
            for (Item item : domain.items()) {
                if (!section.id().equals(item.section())) {
                    continue;
                }
                Object now = all.get(domain.id(), item.id());
                Object before = lastYear.get(domain.id(), item.id());
                boolean relevant = !notRelevant.contains(item.id());
                values.add(new ValueLine(false, item.id(), messages.text(item.label()),
                        relevant ? ValueText.of(item, now, messages) : NOT_RELEVANT, messages.text(item.unit()),
                        ValueText.of(item, before, messages), relevant && before != null && !same(now, before),
                        flagged.contains(item.id())));
            }
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private String warningText(Readiness.Warning w, Answers all) {
        Finding f = w.finding();
        if (f != null) {
            return f.message(messages.locale());
        }
        Item item = w.item();
        return messages.get("certify.warning.change", messages.text(item.label()), ValueText.of(item, w.lastYear(), messages),
                ValueText.of(item, all.get(domain.id(), item.id()), messages));
    }

    private HistoryLine historyLine(CertifiedSnapshot s) {
        return new HistoryLine(s.revision(), messages.get("certify.history.certifier", s.certifierName(), s.certifierPosition()),
                when(s), s.digest().substring(0, Math.min(DIGEST_START, s.digest().length())));
    }

    /** The B.E. date and time, its spaces unbreakable: "31 พ.ค. พ.ศ. 2564 14:03" is never split over two lines. */
    private String when(CertifiedSnapshot s) {
        return ThaiDates.format(LocalDateTime.ofInstant(s.certifiedAt(), context.zone()), messages.locale()).replace(' ', '\u00A0');
    }

    private long unjustified() {
        return warnings.values().stream().filter(w -> !w.justifiedProperty().get()).count();
    }

    /** A refusal's sentence; those about the domain say how many errors or warnings are left. */
    private String refusalText(Reason reason) {
        long count = reason == Reason.HAS_ERRORS ? errors.size() : unjustified();
        return messages.get(reason.messageKey(), count);
    }

    private void problem(String text) {
        message.set(text);
        messageIsProblem.set(true);
    }

    private void attend(Attention where) {
        attention.set(null);
        attention.set(where);
    }

    private void setBusy(boolean value) {
        busy.set(value);
        updateCanCertify();
    }

    private void updateCanCertify() {
        canCertify.set(editable.get() && !hasErrors.get() && !busy.get());
    }
}
