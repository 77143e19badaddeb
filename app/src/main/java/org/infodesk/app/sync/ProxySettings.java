package org.infodesk.app.sync;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * How this office reaches the internet (government offices often go through a proxy): the
 * system's proxy settings, none, or a proxy given by hand with an optional user and password
 * (HTTP Basic to the proxy only, never sent to the server).
 */
public record ProxySettings(Mode mode, String host, int port, String user, String password) {

    public enum Mode {
        /** The operating system's proxy settings (Java's {@code java.net.useSystemProxies}). */
        SYSTEM,
        /** A direct connection. */
        NONE,
        /** The proxy given here. */
        MANUAL
    }

    public static final ProxySettings SYSTEM = new ProxySettings(Mode.SYSTEM, null, 0, null, null);
    public static final ProxySettings NONE = new ProxySettings(Mode.NONE, null, 0, null, null);

    /** How long to wait for a connection and for each read or write (a slow link is slow, not dead). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    public ProxySettings {
        Objects.requireNonNull(mode);
        if (mode == Mode.MANUAL) {
            if (host == null || host.isBlank() || host.length() > 253) {
                throw new IllegalArgumentException("a manual proxy has a host name");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a proxy port is 1 to 65535, not " + port);
            }
            if ((user == null) != (password == null)) {
                throw new IllegalArgumentException("a proxy user comes with a password");
            }
        }
    }

    /** A manual proxy without authentication. */
    public static ProxySettings manual(String host, int port) {
        return new ProxySettings(Mode.MANUAL, host.trim(), port, null, null);
    }

    /** A client that goes through these settings, with the app's timeouts. */
    public OkHttpClient client() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT).readTimeout(IO_TIMEOUT).writeTimeout(IO_TIMEOUT)
                .retryOnConnectionFailure(true);
        switch (mode) {
            case NONE -> builder.proxy(Proxy.NO_PROXY);
            case SYSTEM -> builder.proxySelector(ProxySelector.getDefault() != null ? ProxySelector.getDefault() : ProxySelector.of(null));
            case MANUAL -> {
                builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
                if (user != null) {
                    String credential = Credentials.basic(user, password, java.nio.charset.StandardCharsets.UTF_8);
                    builder.proxyAuthenticator(proxyBasic(credential));
                }
            }
        }
        return builder.build();
    }

    private static Authenticator proxyBasic(String credential) {
        return (route, response) -> {
            if (credential.equals(response.request().header("Proxy-Authorization"))) {
                return null; // refused with these credentials: give up (the 407 reaches the outbox)
            }
            return response.request().newBuilder().header("Proxy-Authorization", credential).build();
        };
    }

    @Override
    public String toString() {
        return mode == Mode.MANUAL ? "MANUAL " + host + ":" + port + (user != null ? " as " + user : "") : mode.name();
    }
}
