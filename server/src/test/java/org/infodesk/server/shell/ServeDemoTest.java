package org.infodesk.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.server.support.Devices;
import org.infodesk.server.support.PostgresExtension;
import org.infodesk.server.support.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo}: on an empty server, the sample registry and a code the app's demo LAO enrols with; again, a new code and no second import. */
class ServeDemoTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    Path dataDir;

    @Test
    void theDemoCodeEnrolsADeviceForTheDemoLaoAndAStartAgainGivesANewCodeWithoutImportingAgain() throws Exception {
        try (InfoDeskServer server = TestServers.start(postgres.newDatabaseUrl(), dataDir, Map.of())) {
            Devices devices = new Devices(server);

            ServerMain.Demo first = ServerMain.Demo.prepare(server.database(), Clock.systemUTC());
            long laos = devices.count("SELECT count(*) FROM lao");
            ServerMain.Demo second = ServerMain.Demo.prepare(server.database(), Clock.systemUTC());

            assertThat(first.laoCode()).isEqualTo("5650801");
            assertThat(first.laoName()).isEqualTo("เทศบาลตำบลวังทอง");
            assertThat(laos).isPositive();
            assertThat(devices.count("SELECT count(*) FROM lao")).isEqualTo(laos);
            assertThat(second.code()).isNotEqualTo(first.code());
            KeyPair keys = Ed25519Keys.generate();
            HttpResponse<byte[]> enrolled = devices.post(Routes.ENROL.path(), Devices.enrolmentBody(first.code(), keys));
            assertThat(enrolled.statusCode()).as(new String(enrolled.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            EnrolmentResponse response = WireCodec.read(enrolled.body(), EnrolmentResponse.class);
            assertThat(response.laoCode()).isEqualTo("5650801");
            // the registry's names of the LAO, which the app takes for its office
            assertThat(response.office().name().th()).isEqualTo("เทศบาลตำบลวังทอง");
            assertThat(response.office().province()).isEqualTo("พิษณุโลก");
        }
    }
}
