package org.infodesk.protocol.rules;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * The one JEXL engine behind the rule language, sandboxed (ADR 0001): expressions only, no
 * assignments, loops, object creation, method calls or pragmas; restricted introspection;
 * strict about undefined names; exact decimal arithmetic. Thread-safe and shared.
 */
final class RuleLanguage {

    static final JexlFeatures FEATURES = new JexlFeatures()
            .sideEffect(false)
            .sideEffectGlobal(false)
            .loops(false)
            .newInstance(false)
            .methodCall(false)
            .pragma(false)
            .namespacePragma(false)
            .importPragma(false)
            .annotation(false)
            .localVar(true) // lambda parameters; assignments stay off (sideEffect)
            .register(false)
            .fatArrow(false)
            .lambda(true)
            .structuredLiteral(true);

    static final JexlEngine ENGINE = new JexlBuilder()
            .features(FEATURES)
            .permissions(JexlPermissions.RESTRICTED.compose("org.infodesk.protocol.rules.*"))
            .arithmetic(new DecimalArithmetic())
            .strict(true)
            .safe(false)
            .silent(false)
            .antish(false)
            .cache(0) // each definition is compiled once; a parse cache would only flatter benchmarks
            .create();

    private RuleLanguage() {}
}
