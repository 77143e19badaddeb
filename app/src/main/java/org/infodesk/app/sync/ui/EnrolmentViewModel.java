package org.infodesk.app.sync.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.sync.ServerAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrolment screen's state: the server's address, the one-time code, how to reach the server
 * (the system's proxy, none, or a proxy by hand with an optional user and password), and what
 * enrolling came to, in plain words: enrolled (for which LAO, the server key pinned) or why not
 * and what to do. The network call runs on {@code background}; its outcome comes back through
 * {@code ui}. Touches no node.
 */
public final class EnrolmentViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentViewModel.class);

    /** Enrols with the server; the proxy is the one chosen on the screen (kept by the caller when it works). */
    @FunctionalInterface
    public interface Enroller {
        EnrolmentService.Result enrol(String address, String code, ProxySettings proxy) throws Exception;
    }

    /** What the last attempt came to. */
    public enum Outcome { NONE, ENROLLED, PROBLEM }

    /** Which input a problem is about (the view puts the focus there). */
    public enum Field { NONE, ADDRESS, CODE, PROXY }

    private final Enroller enroller;
    private final Messages m;
    private final LaoProfile lao;
    private final Executor background;
    private final Executor ui;
    private final Consumer<ServerAccount> enrolled;

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<ProxySettings.Mode> proxyMode = new SimpleObjectProperty<>(ProxySettings.Mode.SYSTEM);
    private final StringProperty proxyHost = new SimpleStringProperty("");
    private final StringProperty proxyPort = new SimpleStringProperty("");
    private final StringProperty proxyUser = new SimpleStringProperty("");
    private final StringProperty proxyPassword = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(Outcome.NONE);
    private final ReadOnlyObjectWrapper<Field> field = new ReadOnlyObjectWrapper<>(Field.NONE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    /**
     * @param lao      this office, as the result names it
     * @param proxy    the settings kept so far
     * @param account  the present enrolment, or null
     * @param enrolled told of a new enrolment (on the UI thread)
     */
    public EnrolmentViewModel(Enroller enroller, Messages messages, LaoProfile lao, ProxySettings proxy, ServerAccount account,
            Executor background, Executor ui, Consumer<ServerAccount> enrolled) {
        this.enroller = Objects.requireNonNull(enroller);
        this.m = Objects.requireNonNull(messages);
        this.lao = Objects.requireNonNull(lao);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.enrolled = Objects.requireNonNull(enrolled);
        proxyMode.set(proxy.mode());
        if (proxy.mode() == ProxySettings.Mode.MANUAL) {
            proxyHost.set(proxy.host());
            proxyPort.set(String.valueOf(proxy.port()));
            proxyUser.set(proxy.user() == null ? "" : proxy.user());
            proxyPassword.set(proxy.password() == null ? "" : proxy.password());
        }
        if (account != null) {
            address.set(account.server().toString());
            current.set(enrolledText(account));
        } else {
            current.set(m.get("enrol.notYet"));
        }
    }

    /** Fills the address and code (the demo, or an administrator's command line). */
    public void prefill(String serverAddress, String enrolmentCode) {
        if (serverAddress != null) {
            address.set(serverAddress);
            if (serverAddress.startsWith("http://127.") || serverAddress.startsWith("http://localhost")) {
                proxyMode.set(ProxySettings.Mode.NONE); // this machine is never behind the office's proxy
            }
        }
        if (enrolmentCode != null) {
            code.set(enrolmentCode);
        }
    }

    /** Enrols with what was typed; the outcome comes later (see {@link #busyProperty()}). */
    public void enrol() {
        if (busy.get()) {
            return;
        }
        ProxySettings proxy = proxy();
        if (proxy == null) {
            problem(Field.PROXY, m.get("enrol.badProxy"));
            return;
        }
        busy.set(true);
        outcome.set(Outcome.NONE);
        field.set(Field.NONE);
        message.set(m.get("enrol.working"));
        String typedAddress = address.get();
        String typedCode = code.get();
        background.execute(() -> {
            EnrolmentService.Result result;
            try {
                result = enroller.enrol(typedAddress, typedCode, proxy);
            } catch (Exception e) {
                LOG.warn("enrolment failed", e);
                result = new EnrolmentService.Result.NoAnswer(Exchange.Trouble.UNREACHABLE, e.toString());
            }
            EnrolmentService.Result done = result;
            ui.execute(() -> show(done));
        });
    }

    /** The proxy settings typed, or null when a manual proxy's fields are not one. */
    ProxySettings proxy() {
        switch (proxyMode.get()) {
            case NONE:
                return ProxySettings.NONE;
            case SYSTEM:
                return ProxySettings.SYSTEM;
            default:
                String host = proxyHost.get() == null ? "" : proxyHost.get().strip();
                int port;
                try {
                    port = Integer.parseInt(proxyPort.get() == null ? "" : proxyPort.get().strip());
                } catch (NumberFormatException e) {
                    return null;
                }
                String user = proxyUser.get() == null || proxyUser.get().isBlank() ? null : proxyUser.get().strip();
                String password = user == null ? null : proxyPassword.get() == null ? "" : proxyPassword.get();
                if (host.isEmpty() || host.contains(" ") || host.contains("/") || port < 1 || port > 65535) {
                    return null;
                }
                return new ProxySettings(ProxySettings.Mode.MANUAL, host, port, user, password);
        }
    }

    private void show(EnrolmentService.Result result) {
        busy.set(false);
        if (result instanceof EnrolmentService.Result.Enrolled ok) {
            outcome.set(Outcome.ENROLLED);
            field.set(Field.NONE);
            message.set(enrolledText(ok.account()));
            current.set(enrolledText(ok.account()));
            code.set("");
            enrolled.accept(ok.account());
        } else if (result instanceof EnrolmentService.Result.BadInput bad) {
            problem(bad.field() == EnrolmentService.Field.ADDRESS ? Field.ADDRESS : Field.CODE,
                    m.get("enrol.bad." + bad.field().name()));
        } else if (result instanceof EnrolmentService.Result.Refused refused) {
            String said = refused.problem() == null || refused.problem().messages() == null ? ""
                    : m.english() ? refused.problem().messages().en() : refused.problem().messages().th();
            String todo = m.get("enrol.refused." + refused.action().name());
            Field where = refused.action() == Exchange.Action.NEW_ENROLMENT_CODE ? Field.CODE
                    : refused.action() == Exchange.Action.PROXY_CREDENTIALS ? Field.PROXY : Field.NONE;
            problem(where, said.isEmpty() ? todo : said + "\n" + todo);
        } else if (result instanceof EnrolmentService.Result.WrongOffice wrong) {
            problem(Field.CODE, m.get("enrol.wrongOffice", wrong.laoCode() != null ? wrong.laoCode() : wrong.districtCode(),
                    lao.code()));
        } else if (result instanceof EnrolmentService.Result.NoAnswer none) {
            problem(Field.ADDRESS, m.get("enrol.noAnswer." + none.trouble().name()));
        }
    }

    private void problem(Field where, String text) {
        outcome.set(Outcome.PROBLEM);
        field.set(where);
        message.set(text);
    }

    private String enrolledText(ServerAccount account) {
        if (account.enrolment().laoCode() == null) { // a district office's PC (issue 8)
            return m.get("enrol.done.district", account.enrolment().districtCode(), account.server().toString(),
                    account.enrolment().deviceId(), fingerprint(account.enrolment().serverKeyId()));
        }
        // the office as the server named it (a PC in the demo takes it for its own), else this one's name
        String office = account.enrolment().office() == null ? m.text(lao.name())
                : m.english() ? account.enrolment().office().name().en() : account.enrolment().office().name().th();
        return m.get("enrol.done", office, account.enrolment().laoCode() == null ? account.enrolment().districtCode()
                : account.enrolment().laoCode(), account.server().toString(), account.enrolment().deviceId(),
                fingerprint(account.enrolment().serverKeyId()));
    }

    /** The server key's id in groups of four (kept on one line), to read aloud over the phone. */
    static String fingerprint(String keyId) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keyId.length(); i += 4) {
            if (i > 0) {
                out.append('\u00A0');
            }
            out.append(keyId, i, Math.min(keyId.length(), i + 4));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ properties

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<ProxySettings.Mode> proxyModeProperty() {
        return proxyMode;
    }

    public StringProperty proxyHostProperty() {
        return proxyHost;
    }

    public StringProperty proxyPortProperty() {
        return proxyPort;
    }

    public StringProperty proxyUserProperty() {
        return proxyUser;
    }

    public StringProperty proxyPasswordProperty() {
        return proxyPassword;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The input the last problem is about. */
    public ReadOnlyObjectProperty<Field> fieldProperty() {
        return field.getReadOnlyProperty();
    }

    /** The last attempt's outcome in plain words, with what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The present enrolment in plain words, or that there is none. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Messages messages() {
        return m;
    }
}
