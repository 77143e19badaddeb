package org.infodesk.bench;

import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.infodesk.app.users.PasswordHasher;

/**
 * Issue 5: the time of one password verification ({@link PasswordHasher#verify}, Argon2id in
 * BouncyCastle's pure Java) with the app's parameters, in a JVM with the app's 256 MB heap, and
 * what it allocates. Then the same again while a ballast of live objects holds most of the heap,
 * to show that a sign-in still fits beside a loaded app. {@code --sweep} also times other
 * parameters (the table in ADR 0005). Not JMH: a verification is a single long call, timed
 * one by one with {@link System#nanoTime()}.
 *
 * <p>Run with {@code ./bench password [--sweep]}.
 */
public final class PasswordHashBench {

    static final int WARMUP = 3;
    static final int MEASURED = 20;
    /** Live data held during the second series, as a loaded app would hold it. */
    static final int BALLAST_MB = 128;

    private PasswordHashBench() {}

    public static void main(String[] args) throws GeneralSecurityException {
        System.out.printf(Locale.ROOT, "max heap %d MB, %d processors, %s %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        PasswordHasher.Params params = PasswordHasher.Params.DEFAULT;
        series("default " + params, params, MEASURED);

        // in 64 KiB pieces: G1 would store 1 MB arrays as humongous objects of two regions each
        List<byte[]> ballast = new ArrayList<>();
        for (int i = 0; i < BALLAST_MB * 16; i++) {
            ballast.add(new byte[64 << 10]);
        }
        series("default, " + BALLAST_MB + " MB of live ballast", params, MEASURED);
        System.out.println("ballast still held: " + ballast.size() / 16 + " MB");
        ballast.clear();

        if (Arrays.asList(args).contains("--sweep")) {
            int[][] sweep = {{19 * 1024, 2, 1}, {46 * 1024, 1, 1}, {32 * 1024, 3, 1}, {64 * 1024, 2, 1}, {64 * 1024, 3, 1},
                {64 * 1024, 4, 1}, {96 * 1024, 2, 1}, {128 * 1024, 2, 1}};
            for (int[] p : sweep) {
                series("sweep", new PasswordHasher.Params(p[0], p[1], p[2]), 10);
            }
            pbkdf2(600_000, 10);
        }
    }

    private static void series(String label, PasswordHasher.Params params, int rounds) {
        PasswordHasher hasher = new PasswordHasher(params, new SecureRandom());
        String encoded = hasher.hash("แก่งโสภา-2564 correct horse");
        for (int i = 0; i < WARMUP; i++) {
            check(hasher.verify("แก่งโสภา-2564 correct horse", encoded));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[rounds];
        long[] cpu = new long[rounds];
        long allocated = 0;
        for (int i = 0; i < rounds; i++) {
            long bytes = threads.getCurrentThreadAllocatedBytes();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            check(hasher.verify("แก่งโสภา-2564 correct horse", encoded));
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            allocated += threads.getCurrentThreadAllocatedBytes() - bytes;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        // wall time is what a user waits; the thread's CPU time is the cost without other processes' load
        System.out.printf(Locale.ROOT, "%-40s m=%d KiB t=%d p=%d: wall median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms;"
                        + " CPU median %.0f ms; %.1f MB allocated per verification (%d rounds)%n",
                label, params.memoryKiB(), params.iterations(), params.parallelism(), ms(nanos[rounds / 2]),
                ms(nanos[(int) Math.ceil(rounds * 0.9) - 1]), ms(nanos[0]), ms(nanos[rounds - 1]), ms(cpu[rounds / 2]),
                allocated / (double) rounds / (1 << 20), rounds);
    }

    /** The JDK's PBKDF2-HMAC-SHA256 at OWASP's iteration count, the option ADR 0005 weighed against Argon2id. */
    private static void pbkdf2(int iterations, int rounds) throws GeneralSecurityException {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salt = new byte[16];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[rounds + WARMUP];
        long[] cpu = new long[rounds + WARMUP];
        for (int i = 0; i < nanos.length; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            factory.generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, iterations, 256)).getEncoded();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        long[] measured = Arrays.copyOfRange(nanos, WARMUP, nanos.length);
        long[] measuredCpu = Arrays.copyOfRange(cpu, WARMUP, cpu.length);
        Arrays.sort(measured);
        Arrays.sort(measuredCpu);
        System.out.printf(Locale.ROOT, "%-40s %d iterations: wall median %.0f ms, min %.0f ms, max %.0f ms;"
                        + " CPU median %.0f ms (%d rounds)%n",
                "PBKDF2-HMAC-SHA256 (JDK)", iterations, ms(measured[rounds / 2]), ms(measured[0]), ms(measured[rounds - 1]),
                ms(measuredCpu[rounds / 2]), rounds);
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("the password did not verify");
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
