package org.infodesk.app.form;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.Values;

/** The in-memory double of {@link AnswerRepository}, held to the same contract as the SQLite one. */
public final class InMemoryAnswerRepository implements AnswerRepository {

    /** One revision as the fake keeps it. */
    public static final class Rev {
        public final int revision;
        public DomainState state = DomainState.DRAFT;
        public final Map<String, Object> values = new LinkedHashMap<>();
        public final Map<String, String> justifications = new java.util.TreeMap<>();
        public Instant updatedAt;

        Rev(int revision) {
            this.revision = revision;
        }
    }

    private final Clock clock;
    private final String definitionKey;
    private final Map<DomainKey, List<Rev>> revisions = new HashMap<>();
    private final Map<DomainKey, List<AuditEntry>> audit = new HashMap<>();

    public InMemoryAnswerRepository(Clock clock, String definitionKey) {
        this.clock = clock;
        this.definitionKey = definitionKey;
    }

    /** The revisions of a domain, for the certification fake. */
    public List<Rev> revisions(DomainKey key) {
        return revisions.computeIfAbsent(key, k -> new ArrayList<>());
    }

    /** Opens the revision after {@code last}, holding its values (for the certification fake's amend). */
    public synchronized Rev startNext(DomainKey key, Rev last) {
        Rev next = new Rev(last.revision + 1);
        next.values.putAll(last.values);
        next.justifications.putAll(last.justifications);
        next.updatedAt = clock.instant();
        revisions(key).add(next);
        audit(key, new AuditEntry(next.updatedAt, "amend", next.revision, "*", null, "{\"amends\":" + last.revision + "}"));
        return next;
    }

    public void audit(DomainKey key, AuditEntry entry) {
        audit.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }

    @Override
    public synchronized DomainRecord current(DomainKey key) {
        List<Rev> list = revisions(key);
        if (list.isEmpty()) {
            return new DomainRecord(key, 1, DomainState.NOT_STARTED, definitionKey, Map.of(), null);
        }
        Rev r = list.get(list.size() - 1);
        return new DomainRecord(key, r.revision, r.state, definitionKey, r.values, r.updatedAt);
    }

    @Override
    public synchronized Instant save(Edit edit) throws StoreException {
        Instant now = clock.instant();
        List<Rev> list = revisions(edit.key());
        if (list.isEmpty()) {
            list.add(new Rev(1));
        }
        Rev r = list.get(list.size() - 1);
        if (!current(edit.key()).editable()) {
            throw new StoreException(StoreException.Problem.FROZEN, null, edit.key().toString());
        }
        Object old = r.values.get(edit.item());
        Object value = Values.isEmpty(edit.value()) ? null : edit.value();
        if (java.util.Objects.equals(old, value)) {
            return now;
        }
        if (value == null) {
            r.values.remove(edit.item());
        } else {
            r.values.put(edit.item(), value);
        }
        r.updatedAt = now;
        audit(edit.key(), new AuditEntry(now, edit.user(), r.revision, edit.item(), text(old), text(value)));
        return now;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    @Override
    public synchronized DomainRecord startDraft(DomainKey key, Map<String, Object> values, String user) throws StoreException {
        if (!revisions(key).isEmpty()) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, key + " has a revision already");
        }
        Rev r = new Rev(1);
        r.updatedAt = clock.instant();
        values.forEach((k, v) -> {
            if (!Values.isEmpty(v)) {
                r.values.put(k, v);
                audit(key, new AuditEntry(r.updatedAt, user, 1, k, null, text(v)));
            }
        });
        revisions(key).add(r);
        return current(key);
    }

    @Override
    public synchronized Answers answers(String lao, int fiscalYear) {
        Answers.Builder b = Answers.builder();
        revisions.forEach((key, list) -> {
            if (key.lao().equals(lao) && key.fiscalYear() == fiscalYear && !list.isEmpty()) {
                list.get(list.size() - 1).values.forEach((i, v) -> b.put(key.domain(), i, v));
            }
        });
        return b.build();
    }

    @Override
    public synchronized void justify(DomainKey key, String subject, String text, String user) throws StoreException {
        List<Rev> list = revisions(key);
        if (list.isEmpty()) {
            list.add(new Rev(1));
        }
        if (!current(key).editable()) {
            throw new StoreException(StoreException.Problem.FROZEN, null, key.toString());
        }
        Rev r = list.get(list.size() - 1);
        String value = text == null || text.isBlank() ? null : text.strip();
        String old = value == null ? r.justifications.remove(subject) : r.justifications.put(subject, value);
        if (!java.util.Objects.equals(old, value)) {
            audit(key, new AuditEntry(clock.instant(), user, r.revision, "justification:" + subject, old, value));
        }
    }

    @Override
    public synchronized Map<String, String> justifications(DomainKey key) {
        List<Rev> list = revisions(key);
        return list.isEmpty() ? Map.of() : Map.copyOf(list.get(list.size() - 1).justifications);
    }

    @Override
    public synchronized List<AuditEntry> audit(DomainKey key) {
        return List.copyOf(audit.getOrDefault(key, List.of()));
    }
}
