package org.infodesk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.LocalText;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrolment keeps what the server gave only when it is for this office, and keeps nothing otherwise. */
class EnrolmentServiceTest {

    static final KeyPair SERVER_KEY = Ed25519Keys.generate();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    static final String CODE = "K7QX-3MPA-9TRD";

    @TempDir
    Path folder;
    Store store;
    SqliteAccountRepository accounts;
    DeviceKeys keys;
    MockWebServer server;
    EnrolmentService service;

    @BeforeEach
    void setUp() throws Exception {
        store = StoreFixture.open(folder, CLOCK);
        accounts = new SqliteAccountRepository(store);
        keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
        server = new MockWebServer();
        server.start();
        service = new EnrolmentService(accounts, keys,
                url -> new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build(), url, CLOCK), CLOCK);
    }

    @AfterEach
    void tearDown() {
        server.close();
        store.close();
    }

    String address() {
        return server.url("/").toString();
    }

    static EnrolmentResponse enrolled(String lao, String district) {
        return new EnrolmentResponse("3f2a9c4e-0b7d-4e1a-9c55-6b1f0d2e8a41", "T".repeat(43), Ed25519Keys.encode(SERVER_KEY.getPublic()),
                Ed25519Keys.keyId(SERVER_KEY.getPublic()), lao, district, ProtocolLimits.DEFAULT);
    }

    @Test
    void anAcceptedCodeKeepsTheTokenAndPinsTheServerKey() throws Exception {
        server.enqueue(SyncFixture.protocol(201, "application/json",
                new String(WireCodec.write(enrolled("5650801", null)), StandardCharsets.UTF_8)));

        EnrolmentService.Result result = service.enrol(address(), " k7qx 3mpa 9trd ", "5650801", null, "PC กองคลัง");

        assertThat(result).isInstanceOf(EnrolmentService.Result.Enrolled.class);
        ServerAccount kept = accounts.current().orElseThrow();
        assertThat(kept.enrolment().serverKey()).isEqualTo(SERVER_KEY.getPublic());
        assertThat(kept.enrolment().token()).isEqualTo("T".repeat(43));
        assertThat(kept.server()).isEqualTo(server.url("/"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo(Routes.ENROL.path());
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.get("enrolment_code").asText()).isEqualTo(CODE);
        assertThat(body.get("public_key").asText()).isEqualTo(Ed25519Keys.encode(keys.publicKey()));
        assertThat(body.get("device_label").asText()).isEqualTo("PC กองคลัง");
    }

    @Test
    void aUsedOrExpiredCodeIsRefusedAndNothingIsKept() throws Exception {
        server.enqueue(SyncFixture.problem(ProblemCode.BAD_ENROLMENT_CODE));

        EnrolmentService.Result result = service.enrol(address(), CODE, "5650801", null, "PC");

        assertThat(result).isInstanceOfSatisfying(EnrolmentService.Result.Refused.class, refused -> {
            assertThat(refused.action()).isEqualTo(Exchange.Action.NEW_ENROLMENT_CODE);
            assertThat(refused.problem().messages().th()).isNotBlank();
        });
        assertThat(accounts.current()).isEmpty();
    }

    @Test
    void aCodeForAnotherLaoIsNotKept() throws Exception {
        server.enqueue(SyncFixture.protocol(201, "application/json",
                new String(WireCodec.write(enrolled("5650802", null)), StandardCharsets.UTF_8)));
        server.enqueue(SyncFixture.protocol(201, "application/json",
                new String(WireCodec.write(enrolled(null, "6509")), StandardCharsets.UTF_8)));

        assertThat(service.enrol(address(), CODE, "5650801", null, "PC"))
                .isEqualTo(new EnrolmentService.Result.WrongOffice("5650802", null));
        assertThat(service.enrol(address(), CODE, "5650801", null, "PC"))
                .isEqualTo(new EnrolmentService.Result.WrongOffice(null, "6509"));
        assertThat(accounts.current()).isEmpty();
    }

    @Test
    void aPcWithNoOfficeOfItsOwnTakesTheOfficeTheServerNamesWithItsNames() throws Exception {
        EnrolmentResponse.Office office = new EnrolmentResponse.Office(
                new LocalText("องค์การบริหารส่วนตำบลแก่งโสภา", "Kaeng Sopha Subdistrict Administrative Organization"),
                "วังทอง", "พิษณุโลก");
        EnrolmentResponse answer = new EnrolmentResponse("3f2a9c4e-0b7d-4e1a-9c55-6b1f0d2e8a41", "T".repeat(43),
                Ed25519Keys.encode(SERVER_KEY.getPublic()), Ed25519Keys.keyId(SERVER_KEY.getPublic()), "6650805", null, office,
                ProtocolLimits.DEFAULT);
        server.enqueue(SyncFixture.protocol(201, "application/json", new String(WireCodec.write(answer), StandardCharsets.UTF_8)));

        assertThat(service.enrol(address(), CODE, null, null, "PC")).isInstanceOf(EnrolmentService.Result.Enrolled.class);

        EnrolmentResponse kept = accounts.current().orElseThrow().enrolment();
        assertThat(kept.laoCode()).isEqualTo("6650805");
        assertThat(kept.office()).isEqualTo(office);
    }

    @Test
    void aPortalPageInsteadOfTheServerIsNoAnswerAndNothingIsKept() throws Exception {
        server.enqueue(SyncFixture.portalPage());

        assertThat(service.enrol(address(), CODE, "5650801", null, "PC")).isInstanceOfSatisfying(
                EnrolmentService.Result.NoAnswer.class, none -> assertThat(none.trouble()).isEqualTo(Exchange.Trouble.NOT_THE_SERVER));
        assertThat(accounts.current()).isEmpty();
    }

    @Test
    void aMistypedAddressOrCodeIsRefusedBeforeAnythingIsSent() throws Exception {
        assertThat(service.enrol("ftp://central.example", CODE, "5650801", null, "PC"))
                .isEqualTo(new EnrolmentService.Result.BadInput(EnrolmentService.Field.ADDRESS));
        assertThat(service.enrol(address(), "K7QX-3MP", "5650801", null, "PC"))
                .isEqualTo(new EnrolmentService.Result.BadInput(EnrolmentService.Field.CODE));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void addressesAreHttpsUnlessOnThisMachineOrAPrivateNetwork() {
        assertThat(EnrolmentService.address("infodesk.dla.go.th")).hasToString("https://infodesk.dla.go.th/");
        assertThat(EnrolmentService.address(" https://infodesk.dla.go.th/central ")).hasToString("https://infodesk.dla.go.th/central/");
        assertThat(EnrolmentService.address("http://localhost:8080")).hasToString("http://localhost:8080/");
        assertThat(EnrolmentService.address("http://192.168.1.20:8080/")).hasToString("http://192.168.1.20:8080/");
        assertThat(EnrolmentService.address("http://infodesk.dla.go.th")).as("plain http over the internet").isNull();
        assertThat(EnrolmentService.address("https://user:pw@infodesk.dla.go.th")).isNull();
        assertThat(EnrolmentService.address("https://infodesk.dla.go.th/?x=1")).isNull();
        assertThat(EnrolmentService.address("")).isNull();
        assertThat(EnrolmentService.address("ไม่ใช่ที่อยู่ เว็บ")).isNull();
    }
}
