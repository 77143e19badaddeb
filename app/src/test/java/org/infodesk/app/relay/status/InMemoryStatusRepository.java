package org.infodesk.app.relay.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link StatusRepository} of lists a test fills (screens' tests; the SQLite one is held by its own test). */
public final class InMemoryStatusRepository implements StatusRepository {

    public final List<ServerStatus> server = new ArrayList<>();
    public final List<Carried> carried = new ArrayList<>();
    public Instant pulledAt;

    @Override
    public List<ServerStatus> serverStatus() {
        return List.copyOf(server);
    }

    @Override
    public List<Carried> carried() {
        return List.copyOf(carried);
    }

    @Override
    public Optional<Instant> lastPulled() {
        return Optional.ofNullable(pulledAt);
    }

    /** A district of five LAOs in FY 2564 with every state on the board, pulled at {@code pulledAt}. */
    public static InMemoryStatusRepository sample(Instant pulledAt) {
        InMemoryStatusRepository r = new InMemoryStatusRepository();
        Instant may31 = Instant.parse("2021-05-31T07:15:00Z");
        Instant jun1 = Instant.parse("2021-06-01T02:40:00Z");
        String[] domains = {"health_environment", "innovation_education", "public_health", "infrastructure",
                "water_management", "internal_governance", "society_religion_culture", "economy_tourism"};
        for (String d : domains) {
            r.server.add(new ServerStatus("6650805", 2564, d, 1, ServerState.ACCEPTED, may31));
        }
        r.server.add(new ServerStatus("5650801", 2564, "health_environment", 2, ServerState.RETURNED, may31));
        r.server.add(new ServerStatus("5650801", 2564, "infrastructure", 1, ServerState.DELIVERED, jun1));
        r.carried.add(new Carried("5650801", 2564, "public_health", 1, Delivery.WAITING, jun1));
        r.carried.add(new Carried("5650801", 2564, "water_management", 1, Delivery.REFUSED, jun1));
        r.carried.add(new Carried("6650806", 2564, "internal_governance", 1, Delivery.DELIVERED, jun1));
        r.carried.add(new Carried("6650806", 2564, "economy_tourism", 1, Delivery.WAITING, jun1));
        r.carried.add(new Carried("6650807", 2563, "infrastructure", 1, Delivery.DELIVERED, may31));
        r.pulledAt = pulledAt;
        return r;
    }
}
