package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.infodesk.protocol.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

/** A proxy given by hand is used, answers its challenge with the office's credentials once, and gives up on a refusal. */
class ProxySettingsTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));

    @Test
    void aManualProxyWithCredentialsAnswersItsChallengeOnceAndStopsWhenTheyAreRefused() throws Exception {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.start();
            MockResponse challenge = new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic realm=\"office\"").build();
            proxy.enqueue(challenge);
            proxy.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{\"status\":\"ok\"}").build());
            proxy.enqueue(challenge);
            proxy.enqueue(challenge);
            ProxySettings settings = new ProxySettings(ProxySettings.Mode.MANUAL, proxy.getHostName(), proxy.getPort(), "somsri", "รหัสผ่าน");
            ServerLink link = new ServerLink(settings.client(), HttpUrl.get("http://central.infodesk.example/"), CLOCK);

            assertThat(link.probe()).isEqualTo(new Exchange.Answered<>(Boolean.TRUE));
            assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).isNull();
            assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization")).startsWith("Basic ");
            assertThat(link.probe()).isInstanceOfSatisfying(Exchange.Refused.class, refused ->
                    assertThat(refused.action()).isEqualTo(Exchange.Action.PROXY_CREDENTIALS));
            assertThat(proxy.getRequestCount()).as("the refused credentials are sent once, not again and again").isEqualTo(4);
        }
    }

    @Test
    void aManualProxyNeedsAHostAPortAndAPasswordWithItsUser() {
        assertThatThrownBy(() -> new ProxySettings(ProxySettings.Mode.MANUAL, " ", 8080, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxySettings.manual("proxy.go.th", 70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProxySettings(ProxySettings.Mode.MANUAL, "proxy.go.th", 8080, "somsri", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProxySettings.manual(" proxy.go.th ", 3128)).hasToString("MANUAL proxy.go.th:3128");
    }
}
