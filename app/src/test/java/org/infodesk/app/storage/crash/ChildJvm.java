package org.infodesk.app.storage.crash;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A child JVM running a {@code main} class of the test class path, for tests that need a second
 * process: one that is killed mid-write, or one that holds the data folder while the test tries
 * to open it.
 *
 * <p>The child's stdout is read line by line on a daemon thread into a queue, so the test waits
 * on lines with a deadline ({@link #nextLine(Duration)}) rather than on a clock. Its stdin stays
 * open for commands ({@link #send(String)}): a child can start early, warm up, and wait for a
 * word before it touches shared state. Its stderr goes to a file ({@link #stderr()}) so that it
 * can never fill a pipe and stall the child, and can be quoted when the test fails. {@link #kill(Duration)} sends SIGKILL: on Linux and macOS
 * {@link Process#destroyForcibly()} is {@code kill(pid, SIGKILL)}, which the exit status 137
 * (128 + 9) confirms; see {@link #SIGKILL_EXIT}.
 */
public final class ChildJvm implements AutoCloseable {

    /** The exit status of a process ended by SIGKILL, as {@link Process#exitValue()} reports it. */
    public static final int SIGKILL_EXIT = 128 + 9;

    /**
     * Flags for a short-lived JVM: a small heap, the C1 compiler only (most of a short run is
     * start-up, which C2 only slows), the default CDS archive, the serial collector, and the
     * JVM's own warnings on stderr (by default they go to stdout, where they would mix with what
     * the child prints).
     */
    public static final List<String> FAST_START_FLAGS = List.of(
            "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
            "-Xlog:disable", "-Xlog:all=warning:stderr",
            "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true");

    private static final String EOF = new String("<eof>"); // a unique marker, compared by identity

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private boolean ended;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::pump, "child-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} in a new JVM with the current test class path and
     * {@link #FAST_START_FLAGS}: {@code Launch.ofTestClassPath().start(...)}.
     *
     * @param stderr the file the child's stderr is appended to
     */
    public static ChildJvm start(Class<?> mainClass, Path stderr, String... args) throws IOException {
        return Launch.ofTestClassPath().start(mainClass, stderr, args);
    }

    /**
     * How children are started: a class path and JVM options.
     *
     * <p>{@link #withClassDataSharing} makes a test that starts many children of one main class
     * cheaper: one training child records the classes it loads in an AppCDS archive, which the
     * later ones map instead of loading and verifying each class again (about half of a
     * start-up's CPU time). CDS in JDK 17 needs a class path of jars only, so the class
     * directories (target/classes, target/test-classes) are first packed into jars.
     */
    public record Launch(String classPath, List<String> jvmOptions) {

        public Launch {
            jvmOptions = List.copyOf(jvmOptions);
        }

        /** The current test class path and {@link #FAST_START_FLAGS}. */
        public static Launch ofTestClassPath() {
            return new Launch(testClassPath(), FAST_START_FLAGS);
        }

        /** This launch with more JVM options (after the ones it has). */
        public Launch withOptions(List<String> more) {
            List<String> all = new ArrayList<>(jvmOptions);
            all.addAll(more);
            return new Launch(classPath, all);
        }

        /** Starts {@code mainClass}, appending its stderr to a file. */
        public ChildJvm start(Class<?> mainClass, Path stderr, String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(javaExecutable().toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classPath);
            command.add(mainClass.getName());
            command.addAll(List.of(args));
            Path parent = stderr.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .start();
            return new ChildJvm(process, stderr);
        }

        /**
         * This launch with an AppCDS archive made in {@code dir} by one training run of
         * {@code mainClass} with {@code args}: {@code training} drives that child until it exits
         * by itself (the archive is written at a normal exit, never at a kill). If the training
         * run fails or writes no archive, this launch is returned unchanged: sharing is only an
         * optimisation.
         */
        public Launch withClassDataSharing(Path dir, Class<?> mainClass, Duration timeout, Training training,
                String... args) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Launch jars = new Launch(jarsOnly(classPath, dir), jvmOptions);
            Path archive = dir.resolve(mainClass.getSimpleName() + ".jsa");
            Path log = dir.resolve("training.stderr");
            String failure;
            try (ChildJvm child = jars.withOptions(List.of("-XX:ArchiveClassesAtExit=" + archive))
                    .start(mainClass, log, args)) {
                training.drive(child);
                int status = child.waitFor(timeout);
                failure = status != 0 ? "the training run exited with " + status
                        : Files.isRegularFile(archive) ? null : "the training run wrote no archive";
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = "the training run failed: " + e;
            }
            if (failure != null) {
                System.err.println("ChildJvm: no class-data sharing for " + mainClass.getName() + ": " + failure
                        + " (see " + log + ")");
                return this;
            }
            return jars.withOptions(List.of("-XX:SharedArchiveFile=" + archive));
        }

        /** The class path with each directory packed into a jar in {@code dir}. */
        private static String jarsOnly(String classPath, Path dir) throws IOException {
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    Path jar = dir.resolve("classpath-" + (n++) + ".jar");
                    pack(path, jar);
                    entries.add(jar.toAbsolutePath().toString());
                } else if (Files.exists(path)) {
                    entries.add(entry);
                }
            }
            return String.join(File.pathSeparator, entries);
        }

        private static void pack(Path directory, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted().toList()) {
                    String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(file)) {
                        out.putNextEntry(new JarEntry(name + "/"));
                    } else {
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(file, out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** Drives a training child (see {@link Launch#withClassDataSharing}) until it exits by itself. */
    @FunctionalInterface
    public interface Training {
        void drive(ChildJvm child) throws Exception;
    }

    /**
     * The class path the tests run with. Under Maven Surefire the forked JVM's
     * {@code java.class.path} can be a single manifest-only jar whose {@code Class-Path}
     * holds the real entries, so Surefire's own {@code surefire.test.class.path} is preferred.
     */
    public static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        return System.getProperty("java.class.path");
    }

    static Path javaExecutable() {
        Path home = Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve("java");
        return Files.isExecutable(java) ? java : home.resolve("bin").resolve("java.exe");
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe broke: the same as the end of the output for a reader
        } finally {
            lines.add(EOF);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    /** The file that holds the child's stderr. */
    public Path stderr() {
        return stderr;
    }

    /** Closes the child's stdin: it reads the end of its input. */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Writes one line to the child's stdin. */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * The next line the child printed, waiting for it at most {@code timeout}; {@code null} once
     * its stdout has ended (the child exited or was killed and everything it wrote was read).
     *
     * @throws TimeoutException if no line and no end came in time
     */
    public String nextLine(Duration timeout) throws InterruptedException, TimeoutException {
        if (ended) {
            return null;
        }
        String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new TimeoutException("child " + process.pid() + " printed nothing for " + timeout);
        }
        if (line == EOF) { // identity: the marker, not a line that reads the same
            ended = true;
            return null;
        }
        return line;
    }

    /**
     * Reads lines until one equals {@code expected}, and returns the lines read before it.
     *
     * @throws IllegalStateException if the output ends first
     */
    public List<String> awaitLine(String expected, Duration timeout) throws InterruptedException, TimeoutException {
        List<String> before = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (line == null) {
                throw new IllegalStateException("child " + process.pid() + " ended before printing " + expected
                        + "; it printed " + before + "; stderr:\n" + stderrTail(40));
            }
            if (line.equals(expected)) {
                return before;
            }
            before.add(line);
        }
    }

    /**
     * Every line still to come, up to the end of the child's stdout. Call it after the child has
     * ended: the pipe still holds what it wrote before it died.
     */
    public List<String> remainingLines(Duration timeout) throws InterruptedException, TimeoutException {
        List<String> rest = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line = nextLine(timeout); line != null;
                line = nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            rest.add(line);
        }
        return rest;
    }

    /**
     * Sends SIGKILL and waits for the process to end.
     *
     * @return its exit status ({@link #SIGKILL_EXIT} when the signal ended it)
     * @throws TimeoutException if it is still alive after {@code timeout}
     */
    public int kill(Duration timeout) throws InterruptedException, TimeoutException {
        // through the handle: Process.destroyForcibly() also closes our end of the child's stdout,
        // dropping lines it wrote just before it died that were still in the pipe (the soak found it)
        process.toHandle().destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("child " + process.pid() + " still alive " + timeout + " after SIGKILL");
        }
        return process.exitValue();
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @return its exit status
     * @throws TimeoutException if it has not exited in time
     */
    public int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("child " + process.pid() + " has not exited after " + timeout);
        }
        return process.exitValue();
    }

    /** The last {@code maxLines} lines of the child's stderr, for failure messages. */
    public String stderrTail(int maxLines) {
        try {
            if (!Files.exists(stderr)) {
                return "";
            }
            List<String> all = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - maxLines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    /** Closes the child's stdin, kills the child if it is still running, and waits for it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
