package org.infodesk.app.sync;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Problem;

/**
 * Enrols this installation with a server (SPEC §4.4): the address and the one-time code an
 * administrator gave are checked here first, the device's public key goes to the server, and what
 * comes back (the device id, the token, the server key to pin) is kept only if it is for this
 * office's LAO (or district). Nothing is kept when anything fails.
 */
public final class EnrolmentService {

    /** A code as administrators hand it out: groups of four letters or digits, dashes between. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){2,7}");

    /** What enrolling came to. */
    public sealed interface Result {
        /** Enrolled; the account is kept. */
        record Enrolled(ServerAccount account) implements Result {}

        /** The typed address or code is not one; nothing was sent. */
        record BadInput(Field field) implements Result {}

        /** The server refused (a used or expired code, an old program version, a proxy asking for credentials). */
        record Refused(Exchange.Action action, Problem problem) implements Result {}

        /** The server answered for another LAO or district than this office's; nothing is kept. */
        record WrongOffice(String laoCode, String districtCode) implements Result {}

        /** The server could not be reached, or something else answered; try again. */
        record NoAnswer(Exchange.Trouble trouble, String detail) implements Result {}
    }

    /** Which input was wrong. */
    public enum Field { ADDRESS, CODE }

    private final AccountRepository accounts;
    private final DeviceKeys keys;
    private final Function<HttpUrl, ServerLink> links;
    private final Clock clock;

    /** @param links the link to a server address (with the office's proxy settings) */
    public EnrolmentService(AccountRepository accounts, DeviceKeys keys, Function<HttpUrl, ServerLink> links, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts);
        this.keys = Objects.requireNonNull(keys);
        this.links = Objects.requireNonNull(links);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Enrols with the server at {@code address} using {@code code}.
     *
     * @param laoCode      this office's LAO, or null for a district office's installation
     * @param districtCode this district office's code, or null for an LAO's; both null on a PC that has
     *                     no office of its own yet (the demo): the office the server names is taken
     * @param deviceLabel  how the server's administrators will see this PC
     */
    public Result enrol(String address, String code, String laoCode, String districtCode, String deviceLabel) throws StoreException {
        HttpUrl server = address(address);
        if (server == null) {
            return new Result.BadInput(Field.ADDRESS);
        }
        String normalised = code(code);
        if (normalised == null) {
            return new Result.BadInput(Field.CODE);
        }
        Exchange<EnrolmentResponse> exchange = links.apply(server).enrol(normalised, keys.publicKey(), deviceLabel);
        if (exchange instanceof Exchange.Refused<EnrolmentResponse> refused) {
            return new Result.Refused(refused.action(), refused.problem());
        }
        if (exchange instanceof Exchange.RetryLater<EnrolmentResponse> later) {
            return new Result.NoAnswer(later.trouble(), later.detail());
        }
        EnrolmentResponse enrolment = ((Exchange.Answered<EnrolmentResponse>) exchange).value();
        boolean anyOffice = laoCode == null && districtCode == null;
        if (!anyOffice && (!Objects.equals(enrolment.laoCode(), laoCode) || !Objects.equals(enrolment.districtCode(), districtCode))) {
            return new Result.WrongOffice(enrolment.laoCode(), enrolment.districtCode());
        }
        ServerAccount account = new ServerAccount(server, enrolment, clock.instant());
        accounts.save(account);
        return new Result.Enrolled(account);
    }

    /**
     * A server address as typed: {@code https://host[:port][/path]}, or a bare host (https is
     * assumed); plain http only for this machine or a private network (a demo or a district LAN).
     * Null when it is not an address.
     */
    static HttpUrl address(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        if (text.isEmpty() || text.length() > 2000) {
            return null;
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl url = HttpUrl.parse(text);
        if (url == null || url.query() != null || url.fragment() != null || !url.username().isEmpty()) {
            return null;
        }
        if (url.scheme().equals("http") && !isLocal(url.host())) {
            return null;
        }
        return url.newBuilder().encodedPath(url.encodedPath().endsWith("/") ? url.encodedPath() : url.encodedPath() + "/").build();
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.startsWith("10.")
                || host.startsWith("192.168.") || host.matches("172\\.(1[6-9]|2[0-9]|3[01])\\..*");
    }

    /** A code as typed (spaces for dashes, lower case), in the server's form; null if it is not one. */
    static String code(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("-{2,}", "-");
        return CODE.matcher(code).matches() ? code : null;
    }
}
