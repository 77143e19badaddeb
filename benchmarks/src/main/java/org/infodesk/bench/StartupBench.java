package org.infodesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 4, acceptance 4: the app's cold start (process start to the dashboard's first frame)
 * beside a bare JavaFX window measured in the same run, then opening the largest domain and a
 * field edit to "saved" shown. Each run is a fresh JVM; app and bare runs alternate; the first
 * run of each is a warm-up (page cache), the rest are reported with their median.
 * Both JVMs get the options the app is launched with ({@link #LAUNCH_OPTIONS}); with
 * {@code --cds} each also gets a class-data archive of its own, made as the Linux package makes the
 * installed app's (a training run's class list, a static archive dumped from it: docs/adr/0007, 9). Needs a display: {@code ./bench startup} runs it
 * under xvfb-run when there is none.
 *
 * <p>Issue 9: with {@code --installed=PATH} (the installed app's launcher, e.g.
 * {@code /opt/infodesk/lib/app/infodesk-start}, the menu entry's command) it compares instead the
 * installed app's cold start with the app started from the build and with a bare window that has a
 * class-data archive as the installed app does, alternating in the same run, the apps each on a
 * data folder of its own.
 */
public final class StartupBench {

    private static final Pattern FIGURE = Pattern.compile("(\\w+)Ms=(\\d+)");

    /**
     * The JVM options the app runs with: keep equal to app/pom.xml (javafx-maven-plugin) and the
     * installer's (docs/adr/0007-start-up-jvm-options.md). The 256 MB heap is the app's budget.
     */
    static final List<String> LAUNCH_OPTIONS = List.of("-Xmx256m", "-Xmn128m", "-XX:MetaspaceSize=64m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Djava.net.useSystemProxies=true");

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean cds = rest.remove("--cds");
        String installed = rest.stream().filter(a -> a.startsWith("--installed=")).map(a -> a.substring("--installed=".length()))
                .findFirst().orElse(null);
        rest.removeIf(a -> a.startsWith("--installed="));
        int runs = rest.isEmpty() ? 9 : Integer.parseInt(rest.get(0));
        if (System.getenv("DISPLAY") == null) {
            System.err.println("No DISPLAY: run ./bench startup, which starts a virtual X server.");
            System.exit(2);
        }
        String classPath = System.getProperty("java.class.path");
        Path data = Files.createTempDirectory("infodesk-startup");
        if (installed != null) {
            installedBesideBuild(classPath, installed, data, runs);
            return;
        }
        List<String> appJvm = new ArrayList<>(LAUNCH_OPTIONS);
        List<String> bareJvm = new ArrayList<>(LAUNCH_OPTIONS);
        if (cds) {
            Path training = Files.createDirectories(data.resolve("training"));
            appJvm.add("-XX:SharedArchiveFile=" + archive(classPath, LAUNCH_OPTIONS, data.resolve("app"),
                    "org.infodesk.app.shell.Launcher", "--probe", "--data-dir=" + training));
            bareJvm.add("-XX:SharedArchiveFile=" + archive(classPath, LAUNCH_OPTIONS, data.resolve("bare"),
                    "org.infodesk.bench.BareWindowProbe"));
        }
        List<Map<String, Long>> app = new ArrayList<>();
        List<Map<String, Long>> bare = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Map<String, Long> a = probe(classPath, appJvm, "org.infodesk.app.shell.Launcher", "--probe", "--data-dir=" + data);
            Map<String, Long> b = probe(classPath, bareJvm, "org.infodesk.bench.BareWindowProbe");
            if (i > 0) {
                app.add(a);
                bare.add(b);
            }
        }
        long appStart = median(app, "startup");
        long bareStart = median(bare, "startup");
        System.out.printf("machine: %s %s, %d cores, java %s%n", System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("runs: %d each (after one warm-up each), both JVMs with %s%s%n", runs, String.join(" ", LAUNCH_OPTIONS),
                cds ? " and a class-data archive each (a training run's class list, dumped as the Linux package's postinst does)" : "");
        System.out.printf("bare JavaFX window, process start to first frame: median %d ms  %s%n", bareStart, values(bare, "startup"));
        System.out.printf("InfoDesk dashboard, process start to first frame: median %d ms  %s%n", appStart, values(app, "startup"));
        System.out.printf("ratio app / bare: %.2f%n", (double) appStart / bareStart);
        System.out.printf("after the first frame, settled (dashboard recomputed, a form warmed up): median %d ms  %s%n",
                median(app, "settle"), values(app, "settle"));
        System.out.printf("open the largest domain to its first frame, first time in the JVM (once settled): median %d ms  %s%n",
                median(app, "openDomain"), values(app, "openDomain"));
        System.out.printf("open it again (after going back to the dashboard): median %d ms  %s%n",
                median(app, "reopenDomain"), values(app, "reopenDomain"));
        System.out.printf("field edit to \"saved\" shown, first edit in the JVM (form complete): median %d ms  %s%n",
                median(app, "editToSaved"), values(app, "editToSaved"));
        System.out.printf("field edit to \"saved\" shown, median of the next 20 edits: median %d ms  %s%n",
                median(app, "laterEditToSaved"), values(app, "laterEditToSaved"));
        System.out.printf("collector pauses inside those windows (included above): open %s, reopen %s, all 21 edits %s ms%n",
                values(app, "openGc"), values(app, "reopenGc"), values(app, "editsGc"));
    }

    /**
     * The installed launcher beside the build's class path (both the app's own probe) and a bare
     * window with a class-data archive of its own (the installed app has one, ADR 0007, 9): all
     * three alternating.
     */
    private static void installedBesideBuild(String classPath, String installed, Path data, int runs) throws Exception {
        List<String> bareJvm = with(LAUNCH_OPTIONS, "-XX:SharedArchiveFile=" + archive(classPath, LAUNCH_OPTIONS,
                data.resolve("bare"), "org.infodesk.bench.BareWindowProbe"));
        List<Map<String, Long>> build = new ArrayList<>();
        List<Map<String, Long>> inst = new ArrayList<>();
        List<Map<String, Long>> bare = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Map<String, Long> b = probe(classPath, LAUNCH_OPTIONS, "org.infodesk.app.shell.Launcher", "--probe",
                    "--data-dir=" + data.resolve("build"));
            Map<String, Long> n = run(List.of(installed, "--probe", "--data-dir=" + data.resolve("installed")), installed);
            Map<String, Long> w = probe(classPath, bareJvm, "org.infodesk.bench.BareWindowProbe");
            if (i > 0) {
                build.add(b);
                inst.add(n);
                bare.add(w);
            }
        }
        long buildStart = median(build, "startup");
        long instStart = median(inst, "startup");
        long bareStart = median(bare, "startup");
        System.out.printf("machine: %s %s, %d cores, java %s%n", System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf("runs: %d each (after one warm-up each), alternating; the build's JVM with %s%n", runs,
                String.join(" ", LAUNCH_OPTIONS));
        System.out.printf("InfoDesk from the build, process start to first frame: median %d ms  %s%n", buildStart, values(build, "startup"));
        System.out.printf("InfoDesk installed (%s), process start to first frame: median %d ms  %s%n", installed, instStart,
                values(inst, "startup"));
        System.out.printf("ratio installed / build: %.2f%n", (double) instStart / buildStart);
        System.out.printf("bare JavaFX window with a class-data archive, process start to first frame: median %d ms  %s%n",
                bareStart, values(bare, "startup"));
        System.out.printf("ratio installed / bare: %.2f%n", (double) instStart / bareStart);
        System.out.printf("the installed app after its first frame: settled %d ms, the largest domain opened %d ms, again %d ms, "
                + "an edit to \"saved\" %d ms (first) and %d ms (median of the next 20)%n", median(inst, "settle"),
                median(inst, "openDomain"), median(inst, "reopenDomain"), median(inst, "editToSaved"), median(inst, "laterEditToSaved"));
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * A class-data archive made as the Linux package makes it (installer/src/main/sh/class-list.sh
     * at build time, infodesk-start --make-class-archive at install; ADR 0007, 9): a training run
     * lists the classes it loads, then a static archive of them is dumped with the same options and
     * class path.
     */
    private static Path archive(String classPath, List<String> jvm, Path name, String mainClass, String... args)
            throws IOException, InterruptedException {
        Path list = Path.of(name + ".classlist");
        Path archive = Path.of(name + ".jsa");
        probe(classPath, with(jvm, "-XX:DumpLoadedClassList=" + list, "-Xshare:off"), mainClass, args);
        execute(java(jvm, classPath, "-Xshare:dump", "-Xlog:cds=error", "-Xlog:cds+heap=error", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive), "the class-data archive of " + mainClass, 300);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the class-data archive of " + mainClass + " was not made: " + archive);
        }
        return archive;
    }

    private static Map<String, Long> probe(String classPath, List<String> jvm, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = java(jvm, classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return run(command, mainClass);
    }

    /** This JDK's {@code java} with the options and the class path given, then {@code more}. */
    private static List<String> java(List<String> jvm, String classPath, String... more) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classPath));
        command.addAll(List.of(more));
        return command;
    }

    /** Runs a process to its end and returns what it printed; it failing or not ending in time is an error. */
    private static String execute(List<String> command, String what, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed:\n" + out);
        }
        return out;
    }

    /** Runs one probe process and reads its {@code PROBE} line. */
    private static Map<String, Long> run(List<String> command, String mainClass) throws IOException, InterruptedException {
        String out = execute(command, mainClass, 120);
        if (!out.contains("PROBE")) {
            throw new IllegalStateException(mainClass + " printed no PROBE line:\n" + out);
        }
        Map<String, Long> figures = new HashMap<>();
        String line = out.lines().filter(l -> l.startsWith("PROBE")).findFirst().orElseThrow();
        Matcher m = FIGURE.matcher(line);
        while (m.find()) {
            figures.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return figures;
    }

    private static long median(List<Map<String, Long>> runs, String key) {
        List<Long> v = runs.stream().map(r -> r.get(key)).sorted().toList();
        return v.get(v.size() / 2);
    }

    private static String values(List<Map<String, Long>> runs, String key) {
        return runs.stream().map(r -> String.valueOf(r.get(key))).toList().toString();
    }
}
