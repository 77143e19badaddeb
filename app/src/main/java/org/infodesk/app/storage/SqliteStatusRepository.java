package org.infodesk.app.storage;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.relay.status.StatusRepository;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StatusRepository} on the SQLite store: the {@code lao_status} changes kept whole in
 * {@code pulled_change} (schema 7; one per LAO, year and domain, the newer revision kept by
 * {@link SqlitePullRepository}), the envelopes of {@code relay_envelope} (schema 9; the fiscal
 * year read from the signed payload, the delivery time from the receipt), and the time of the
 * last pull. Reads only.
 */
public final class SqliteStatusRepository implements StatusRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStatusRepository.class);

    private final Store store;

    public SqliteStatusRepository(Store store) {
        this.store = store;
    }

    @Override
    public List<ServerStatus> serverStatus() throws StoreException {
        return store.read(c -> {
            List<ServerStatus> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT identity, body FROM pulled_change WHERE kind = 'lao_status' ORDER BY identity");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Change change;
                    try {
                        change = WireCodec.read(r.getString(2).getBytes(StandardCharsets.UTF_8), Change.class);
                    } catch (WireException e) {
                        LOG.warn("a kept lao_status {} does not read: {}", r.getString(1), e.getMessage());
                        continue;
                    }
                    if (change instanceof Change.LaoStatus l) {
                        out.add(new ServerStatus(l.laoCode(), l.fiscalYear(), l.domainId(), l.revision(),
                                ServerState.valueOf(l.state().name()), l.receivedAt()));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Carried> carried() throws StoreException {
        return store.read(c -> {
            List<Carried> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT lao_code, domain, revision, state, imported_at, updated_at,
                           json_extract(CAST(payload AS TEXT), '$.fiscal_year'),
                           CASE WHEN receipt IS NULL THEN NULL ELSE json_extract(CAST(receipt AS TEXT), '$.received_at') END
                    FROM relay_envelope ORDER BY id""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String state = r.getString(4);
                    Delivery delivery = switch (state) {
                        case "DELIVERED" -> Delivery.DELIVERED;
                        case "REFUSED" -> Delivery.REFUSED;
                        default -> Delivery.WAITING;
                    };
                    String at = switch (delivery) {
                        case WAITING -> r.getString(5);
                        case REFUSED -> r.getString(6);
                        case DELIVERED -> r.getString(8) != null ? r.getString(8) : r.getString(6);
                    };
                    out.add(new Carried(r.getString(1), r.getInt(7), r.getString(2), r.getInt(3), delivery, Instant.parse(at)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Instant> lastPulled() throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                s.setString(1, SqlitePullRepository.PULLED_AT);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return Optional.of(Instant.parse(r.getString(1)));
                    }
                }
            }
            // a store that pulled before the time of a pull was kept: its newest change's
            try (PreparedStatement s = c.prepareStatement("SELECT max(pulled_at) FROM pulled_change");
                 ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null ? Optional.of(Instant.parse(r.getString(1))) : Optional.<Instant>empty();
            }
        });
    }
}
