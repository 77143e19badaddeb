package org.infodesk.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infodesk.server.support.Devices.DEFINITION;
import static org.infodesk.server.support.Devices.payload;
import static org.infodesk.server.support.Devices.sign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.status.StatusService;
import org.infodesk.server.status.StoredPayloads;

/**
 * A fiscal year 2564 as the status and export tests see it: the Phitsanulok sample registry (41
 * LAOs in 9 districts), real signed submissions pushed over HTTP by enrolled devices, and
 * reviewer decisions inserted as rows of {@code review_decision} (the review service is built
 * elsewhere). What stands where, by LAO and domain:
 *
 * <pre>
 * 5650801 (วังทอง)   health_environment        r1 ACCEPTED
 *                    innovation_education      r1 RETURNED, then r2 delivered      → DELIVERED r2
 *                    public_health             r1 ACCEPTED, then r2 ACCEPTED       → ACCEPTED r2 (r1 superseded)
 *                    infrastructure            r1 delivered                        → DELIVERED r1
 *                    water_management          r1 ACCEPTED, later RETURNED         → RETURNED r1 (latest decision)
 *                    internal_governance       r1 ACCEPTED (dates, choices)
 *                    economy_tourism           r1 ACCEPTED (repeat groups)
 * 6650801 (วังทอง)   health_environment        r1 ACCEPTED, its text answer "=1+1 …" (a formula to defuse)
 * 3650101 (เมือง)    health_environment        r1 RETURNED
 * every other LAO and domain: NOTHING
 * </pre>
 */
public final class StatusScenario {

    public static final int YEAR = 2564;
    public static final String PROVINCE = "พิษณุโลก";
    public static final String WANG_THONG = "วังทอง";
    public static final String MUEANG = "เมืองพิษณุโลก";
    public static final String LAO = "5650801";
    public static final String NEIGHBOUR = "6650801";
    public static final String CITY = "3650101";
    /** The text answer of {@link #NEIGHBOUR}'s health_environment: a spreadsheet would run it. */
    public static final String FORMULA = "=1+1 ศูนย์กำจัดขยะ";

    public final String jdbcUrl;
    public final InfoDeskServer server;
    public final Devices devices;
    /** The payloads whose heads are ACCEPTED, the export's rows come from exactly these. */
    public final List<SubmissionPayload> accepted = new ArrayList<>();
    /** Every stored submission by "LAO domain rN". */
    public final Map<String, SubmissionPayload> stored = new LinkedHashMap<>();

    private StatusScenario(String jdbcUrl, InfoDeskServer server) {
        this.jdbcUrl = jdbcUrl;
        this.server = server;
        this.devices = new Devices(server);
    }

    /** Starts a server on {@code jdbcUrl} and plays the scenario. */
    public static StatusScenario play(String jdbcUrl, Path dataDir) throws Exception {
        StatusScenario s = new StatusScenario(jdbcUrl, TestServers.start(jdbcUrl, dataDir, java.util.Map.of("max-body-bytes", String.valueOf(4 * 1024 * 1024))));
        try {
            s.play();
            return s;
        } catch (Exception | AssertionError e) {
            s.server.close();
            throw e;
        }
    }

    private void play() throws Exception {
        new Registry(server.database().dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
        Devices.Device lao = devices.enrol(new Enrolment.Target.OfLao(LAO));
        Devices.Device neighbour = devices.enrol(new Enrolment.Target.OfLao(NEIGHBOUR));
        Devices.Device city = devices.enrol(new Enrolment.Target.OfLao(CITY));
        Answers sample = Fy2564Fixtures.complete(DEFINITION);

        decide(deliver(lao, LAO, "health_environment", 1, sample), "ACCEPTED");
        decide(deliver(lao, LAO, "innovation_education", 1, sample), "RETURNED");
        deliver(lao, LAO, "innovation_education", 2, sample);
        decide(deliver(lao, LAO, "public_health", 1, sample), "ACCEPTED");
        decide(deliver(lao, LAO, "public_health", 2, sample), "ACCEPTED");
        deliver(lao, LAO, "infrastructure", 1, sample);
        SubmissionPayload water = deliver(lao, LAO, "water_management", 1, sample);
        decide(water, "RETURNED");
        decide(deliver(lao, LAO, "internal_governance", 1, sample), "ACCEPTED");
        decide(deliver(lao, LAO, "economy_tourism", 1, sample), "ACCEPTED");

        Answers formula = Fy2564Fixtures.patched(DEFINITION,
                JsonNodeFactory.instance.objectNode().put("health_environment.waste_disposal_host", FORMULA));
        decide(deliver(neighbour, NEIGHBOUR, "health_environment", 1, formula), "ACCEPTED");
        decide(deliver(city, CITY, "health_environment", 1, sample), "RETURNED");

        accepted.add(stored.get(LAO + " health_environment r1"));
        accepted.add(stored.get(LAO + " public_health r2"));
        accepted.add(stored.get(LAO + " internal_governance r1"));
        accepted.add(stored.get(LAO + " economy_tourism r1"));
        accepted.add(stored.get(NEIGHBOUR + " health_environment r1"));
    }

    /** Certifies revision {@code revision} of a domain (superseding the one before) and pushes it: ACCEPTED by ingest. */
    private SubmissionPayload deliver(Devices.Device device, String lao, String domain, int revision, Answers answers)
            throws Exception {
        SubmissionEnvelope envelope = sign(device, payload(device, lao, domain, revision, revision == 1 ? null : revision - 1, answers));
        ItemOutcome outcome = devices.push(device, envelope).get(0);
        assertThat(outcome.outcome()).as(outcome.problemCode() + " " + outcome.detail()).isEqualTo(Outcome.ACCEPTED);
        stored.put(lao + " " + domain + " r" + revision, envelope.payload());
        return envelope.payload();
    }

    /** A reviewer's decision, as the review service will record it. */
    public void decide(SubmissionPayload payload, String decision) throws Exception {
        try (Connection connection = server.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO review_decision"
                     + " (submission_id, decision, comment, reviewer, decided_at) VALUES (?, ?, ?, 'ผู้ตรวจ จังหวัด', now())")) {
            insert.setObject(1, payload.submissionId());
            insert.setString(2, decision);
            insert.setString(3, decision.equals("RETURNED") ? "โปรดตรวจสอบจำนวนอีกครั้ง" : null);
            insert.executeUpdate();
        }
    }

    /** The status service on the scenario's database, with the definitions the server knows. */
    public StatusService status() {
        return new StatusService(server.database().dataSource(), payloads());
    }

    public static StoredPayloads payloads() {
        return new StoredPayloads(List.of(DEFINITION));
    }

    public UUID id(String key) {
        return stored.get(key).submissionId();
    }
}
