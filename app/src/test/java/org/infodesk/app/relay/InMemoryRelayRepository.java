package org.infodesk.app.relay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.submission.SubmissionEnvelope;

/** {@link RelayRepository} in memory, for tests; held to {@link RelayRepositoryContract} like SQLite's. */
public final class InMemoryRelayRepository implements RelayRepository {

    private static final class Row {
        final long sequence;
        final String laoCode;
        final String domain;
        final int revision;
        final Outgoing outgoing;
        OutboxItem.State state = OutboxItem.State.QUEUED;
        int attempts;
        byte[] receipt;
        String refusal;
        String lastError;

        Row(long sequence, String laoCode, String domain, int revision, Outgoing outgoing) {
            this.sequence = sequence;
            this.laoCode = laoCode;
            this.domain = domain;
            this.revision = revision;
            this.outgoing = outgoing;
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Instant now = Instant.parse("2021-06-01T00:00:00Z");

    @Override
    public synchronized Held hold(Bundles.Submissions bundle) {
        List<String> reused = new ArrayList<>();
        List<Bundles.Carried> fresh = new ArrayList<>();
        int already = 0;
        for (Bundles.Carried c : bundle.envelopes()) {
            String id = c.envelope().payload().submissionId().toString();
            Row row = rows.get(id);
            if (row == null) {
                fresh.add(c);
            } else if (row.outgoing.digest().equals(c.envelope().digest())) {
                already++;
            } else {
                reused.add(id);
            }
        }
        if (!reused.isEmpty()) {
            return new Held(0, 0, reused);
        }
        for (Bundles.Carried c : fresh) {
            SubmissionEnvelope e = c.envelope();
            String id = e.payload().submissionId().toString();
            long sequence = rows.size() + 1;
            rows.put(id, new Row(sequence, e.payload().laoCode(), e.payload().domainId(), e.payload().revision(),
                    new Outgoing(sequence, id, c.canonicalPayload(), e.digest(), e.signatureBytes(), e.keyId())));
        }
        return new Held(fresh.size(), already, List.of());
    }

    @Override
    public synchronized List<LaoCount> byLao() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Row r : rows.values()) {
            int[] c = counts.computeIfAbsent(r.laoCode, k -> new int[3]);
            c[0]++;
            c[1] += r.state == OutboxItem.State.DELIVERED ? 1 : 0;
            c[2] += r.state == OutboxItem.State.REFUSED ? 1 : 0;
        }
        List<LaoCount> out = new ArrayList<>();
        counts.forEach((lao, c) -> out.add(new LaoCount(lao, c[0], c[1], c[2])));
        return out;
    }

    @Override
    public synchronized List<Carried> carried() {
        return rows.values().stream().sorted(Comparator.comparing((Row r) -> r.laoCode).thenComparingLong(r -> r.sequence))
                .map(r -> new Carried(r.laoCode, new OutboxEntry(r.sequence, r.outgoing.submissionId(), r.domain, r.revision,
                        r.state, r.attempts, now, now, r.receipt, r.refusal, r.lastError, null, null)))
                .toList();
    }

    @Override
    public synchronized List<HeldReceipt> receipts(String laoCode) {
        return rows.values().stream().filter(r -> r.laoCode.equals(laoCode) && r.state == OutboxItem.State.DELIVERED)
                .map(r -> new HeldReceipt(r.outgoing.submissionId(), r.receipt)).toList();
    }

    @Override
    public synchronized List<OutboxItem> undelivered() {
        return rows.values().stream().filter(r -> r.state != OutboxItem.State.DELIVERED)
                .map(r -> new OutboxItem(r.sequence, r.outgoing.submissionId(), r.state, r.attempts, now)).toList();
    }

    @Override
    public synchronized List<OutboxEntry> entries(int max) {
        return rows.values().stream().sorted(Comparator.comparingLong((Row r) -> r.sequence).reversed()).limit(max)
                .map(r -> new OutboxEntry(r.sequence, r.outgoing.submissionId(), r.domain, r.revision, r.state, r.attempts, now,
                        now, r.receipt, r.refusal, r.lastError, null, null))
                .toList();
    }

    @Override
    public synchronized List<Outgoing> queued(int max) {
        return rows.values().stream().filter(r -> r.state == OutboxItem.State.QUEUED || r.state == OutboxItem.State.SENDING)
                .limit(max).map(r -> r.outgoing).toList();
    }

    @Override
    public synchronized void markDelivered(String submissionId, byte[] receipt) throws StoreException {
        Row r = row(submissionId);
        r.state = OutboxItem.State.DELIVERED;
        r.receipt = receipt;
    }

    @Override
    public synchronized void markRefused(String submissionId, String refusal) throws StoreException {
        Row r = row(submissionId);
        if (r.state != OutboxItem.State.DELIVERED) {
            r.state = OutboxItem.State.REFUSED;
            r.refusal = refusal;
        }
    }

    @Override
    public synchronized void recordAttempt(List<String> submissionIds, String error) {
        for (String id : submissionIds) {
            Row r = rows.get(id);
            if (r != null && (r.state == OutboxItem.State.QUEUED || r.state == OutboxItem.State.SENDING)) {
                r.attempts++;
                r.lastError = error;
            }
        }
    }

    private Row row(String submissionId) throws StoreException {
        Row r = rows.get(submissionId);
        if (r == null) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "no relayed envelope " + submissionId);
        }
        return r;
    }
}
