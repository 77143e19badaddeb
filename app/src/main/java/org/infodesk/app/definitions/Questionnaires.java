package org.infodesk.app.definitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.rules.Questionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which questionnaire the app enters a fiscal year with: the highest version received from the
 * server for that year, or else the one the app ships ({@link Bundled}, FY 2564), which stays the
 * fallback. A received document is checked before it is stored; one that no longer compiles (a
 * damaged store) is passed over with a log line, never a failure. Compiled questionnaires are kept,
 * so asking again is cheap. Thread-safe.
 */
public final class Questionnaires {

    private static final Logger LOG = LoggerFactory.getLogger(Questionnaires.class);

    private final DefinitionRepository received;
    private final Map<String, Questionnaire> compiled = new ConcurrentHashMap<>();

    public Questionnaires(DefinitionRepository received) {
        this.received = Objects.requireNonNull(received);
    }

    /**
     * Over definitions already read from the store (one query at start-up): asking it reads no
     * database, so the store may ask it for definitions while it holds its own transaction.
     */
    public static Questionnaires of(List<ReceivedDefinition> held) {
        return new Questionnaires(new InMemoryDefinitionRepository(held));
    }

    /** The questionnaire for entering a fiscal year's data. */
    public Questionnaire forFiscalYear(int fiscalYear) throws StoreException {
        for (ReceivedDefinition candidate : received.ofFiscalYear(fiscalYear)) {
            Questionnaire q = compile(candidate);
            if (q != null) {
                return q;
            }
        }
        return compiled.computeIfAbsent(Bundled.key() + "@" + Bundled.digest(), k -> Questionnaire.fy2564());
    }

    /**
     * Every definition held, by key ({@code id/fiscalYear/version}): the bundled one and each
     * received one that reads; what the store needs to read values entered with any of them.
     */
    public Map<String, Definition> byKey() throws StoreException {
        Map<String, Definition> all = new LinkedHashMap<>();
        all.put(Bundled.key(), Bundled.definition());
        for (ReceivedDefinition d : received.all()) {
            Questionnaire q = compile(d);
            if (q != null) {
                all.put(d.key(), q.definition());
            }
        }
        return all;
    }

    private Questionnaire compile(ReceivedDefinition d) {
        String key = d.key() + "@" + d.digest();
        Questionnaire known = compiled.get(key);
        if (known != null) {
            return known;
        }
        try {
            Questionnaire q = Questionnaire.load(d.document());
            if (!q.definition().key().equals(d.key())) {
                LOG.warn("received definition {} names itself {}; passed over", d.key(), q.definition().key());
                return null;
            }
            compiled.put(key, q);
            return q;
        } catch (DefinitionException e) {
            LOG.warn("received definition {} does not load ({}); passed over", d.key(), e.getMessage());
            return null;
        }
    }
}
