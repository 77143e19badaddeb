package org.infodesk.bench;

import java.util.concurrent.TimeUnit;
import org.infodesk.protocol.rules.Questionnaire;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first load of the FY 2564 definition in a fresh JVM, as the app does at start: class
 * loading, JSON Schema, JEXL parse (no cache hit yet), dry run. One shot per fork.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 15, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class DefinitionColdLoadBenchmark {

    @Benchmark
    public Questionnaire firstLoadInAFreshJvm() {
        return Questionnaire.fy2564();
    }
}
