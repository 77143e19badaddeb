package org.infodesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Questionnaire;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2, acceptance 4: evaluating a complete 8-domain answer set (every item answered, every
 * repeat group with 20 rows) and loading + compiling the FY 2564 definition. Sample time, so
 * that JMH reports the median (p0.50) beside the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@Fork(value = 2, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleEngineBenchmark {

    private Questionnaire questionnaire;
    private Answers complete20Rows;
    private byte[] definition;

    @Setup
    public void setUp() throws IOException {
        questionnaire = Questionnaire.fy2564();
        complete20Rows = Fy2564Fixtures.withRows(questionnaire.definition(), 20);
        try (InputStream in = Questionnaire.class.getResourceAsStream(Questionnaire.FY2564)) {
            definition = in.readAllBytes();
        }
        Evaluation check = questionnaire.evaluate(complete20Rows);
        if (check.outcomes().size() != 65) {
            throw new IllegalStateException("expected 65 rule outcomes, got " + check.outcomes().size());
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Evaluation evaluateAllDomains20Rows() {
        return questionnaire.evaluate(complete20Rows);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Questionnaire loadAndCompileDefinition() throws Exception {
        return Questionnaire.load(definition);
    }
}
