package org.infodesk.protocol.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionReader;

/**
 * A questionnaire definition with its rules and relevance conditions compiled: what app and
 * server both use to judge answers. Immutable and thread-safe; compile once per definition
 * version and share.
 */
public final class Questionnaire {

    /** The class-path resource of the FY 2564 definition that the app ships. */
    public static final String FY2564 = "/org/infodesk/protocol/definition/fy2564-v1.json";

    private final Definition definition;
    private final Map<String, Set<String>> itemIds;
    private final Map<String, List<CompiledRule>> rules;
    private final List<CompiledRelevance> relevanceOrder;

    Questionnaire(Definition definition, Map<String, Set<String>> itemIds,
            Map<String, List<CompiledRule>> rules, List<CompiledRelevance> relevanceOrder) {
        this.definition = definition;
        this.itemIds = Map.copyOf(itemIds);
        this.rules = Map.copyOf(rules);
        this.relevanceOrder = List.copyOf(relevanceOrder);
    }

    /** Reads, checks and compiles a definition document. */
    public static Questionnaire load(byte[] document) throws DefinitionException {
        return compile(DefinitionReader.read(document));
    }

    public static Questionnaire load(InputStream document) throws DefinitionException {
        return compile(DefinitionReader.read(document));
    }

    public static Questionnaire compile(Definition definition) throws DefinitionException {
        return QuestionnaireCompiler.compile(definition);
    }

    /** The FY 2564 definition shipped in this jar. */
    public static Questionnaire fy2564() {
        try (InputStream in = Questionnaire.class.getResourceAsStream(FY2564)) {
            if (in == null) {
                throw new IllegalStateException(FY2564 + " is missing from the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DefinitionException e) {
            throw new IllegalStateException("the shipped definition is invalid: " + e.getMessage(), e);
        }
    }

    public Definition definition() {
        return definition;
    }

    /** Evaluates every domain. */
    public Evaluation evaluate(Answers answers) {
        return Evaluator.evaluate(this, answers, d -> true);
    }

    /** Evaluates one domain's items and rules (relevance and references still see every domain). */
    public Evaluation evaluate(Answers answers, String domainId) {
        if (definition.domain(domainId).isEmpty()) {
            throw new IllegalArgumentException("unknown domain " + domainId);
        }
        return Evaluator.evaluate(this, answers, domainId::equals);
    }

    Map<String, Set<String>> itemIds() {
        return itemIds;
    }

    List<CompiledRule> rules(String domainId) {
        return rules.getOrDefault(domainId, List.of());
    }

    List<CompiledRelevance> relevanceOrder() {
        return relevanceOrder;
    }
}
