package org.infodesk.server.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.io.OutputStream;
import java.nio.file.StandardCopyOption;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.export.ExportFormat;
import org.infodesk.server.export.Exports;
import org.infodesk.server.status.Scope;
import org.infodesk.server.status.StatusReport;
import org.infodesk.server.status.StatusService;
import org.infodesk.server.status.StatusText;
import org.infodesk.server.status.StoredPayloads;
import org.infodesk.server.enrolment.EnrolmentException;
import org.infodesk.server.keys.ServerKeyException;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.registry.RegistryException;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.ReviewException;
import org.infodesk.server.review.Reviewer;
import org.infodesk.server.review.Reviewers;
import org.infodesk.server.storage.Database;
import org.infodesk.server.storage.DatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The server's command line: {@code serve} runs it; the other commands administer the same
 * database (registry import, enrolment codes, revocation, reviewer accounts, review decisions,
 * status, export). Exit codes: 0 done, 1 refused (the
 * message says why), 2 wrong usage.
 */
@Command(name = "infodesk-server", mixinStandardHelpOptions = true, version = "InfoDesk server 0.1",
        description = "The InfoDesk reference central server.",
        subcommands = {ServerMain.Serve.class, ServerMain.ImportRegistry.class, ServerMain.IssueEnrolmentCode.class,
                ServerMain.RevokeDevice.class, ServerMain.AddReviewer.class, ServerMain.RevokeReviewer.class,
                ServerMain.ReviewCommand.class, ServerMain.Status.class, ServerMain.Export.class})
public final class ServerMain {

    public static final int REFUSED = 1;

    public static void main(String[] args) {
        quietLogging();
        System.exit(commandLine().execute(args));
    }

    /** The bundled logging levels (logging.properties beside this class), unless the operator gave a configuration. */
    static void quietLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (java.io.InputStream in = ServerMain.class.getResourceAsStream("logging.properties")) {
            if (in != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("infodesk-server: the bundled logging configuration could not be read: " + e.getMessage());
        }
    }

    /** The command line, for {@link #main} and for tests (which read its exit code and output). */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ServerMain());
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("infodesk-server: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return REFUSED;
        });
        return line;
    }

    /** The settings every command shares: where the configuration, the data and the database are. */
    static final class Settings {
        @Option(names = "--config", paramLabel = "FILE", description = "a properties file: host, port, data-dir, jdbc-url, jdbc-user, jdbc-password, pool-size, max-body-bytes")
        Path config;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "the data folder (server key, embedded database)")
        String dataDir;
        @Option(names = "--jdbc-url", paramLabel = "URL", description = "an external PostgreSQL; absent: the embedded one")
        String jdbcUrl;

        Map<String, String> flags() {
            Map<String, String> flags = new LinkedHashMap<>();
            if (dataDir != null) {
                flags.put("data-dir", dataDir);
            }
            if (jdbcUrl != null) {
                flags.put("jdbc-url", jdbcUrl);
            }
            return flags;
        }

        ServerConfig resolve(Map<String, String> more) throws ConfigException {
            Map<String, String> flags = flags();
            flags.putAll(more);
            return ServerConfig.resolve(config, System.getenv(), flags);
        }
    }

    /** A command that works on the database and closes it afterwards. */
    abstract static class AdminCommand implements Callable<Integer> {
        @Mixin
        Settings settings = new Settings();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            ServerConfig config = settings.resolve(Map.of());
            try (Database database = InfoDeskServer.openDatabase(config)) {
                return run(database, spec.commandLine().getOut());
            }
        }

        abstract int run(Database database, PrintWriter out) throws Exception;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the server until it is stopped (Ctrl+C, SIGTERM).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Settings settings = new Settings();
        @Option(names = "--port", description = "the HTTP port (0: any free one)")
        Integer port;
        @Option(names = "--host", description = "the address to listen on")
        String host;
        @Option(names = "--demo", description = "for trying the whole loop on one machine: import the Phitsanulok sample"
                + " registry if the demo LAO is not in the registry, and print a new one-time enrolment code for it")
        boolean demo;

        @Override
        public Integer call() throws ConfigException, DatabaseException, ServerKeyException, IOException, InterruptedException,
                SQLException, RegistryException, EnrolmentException {
            Map<String, String> more = new LinkedHashMap<>();
            if (port != null) {
                more.put("port", port.toString());
            }
            if (host != null) {
                more.put("host", host);
            }
            ServerConfig config = settings.resolve(more);
            System.out.println("InfoDesk server: " + config.describe());
            InfoDeskServer server = InfoDeskServer.start(config);
            System.out.println("InfoDesk server listening on port " + server.port() + "; server key "
                    + server.keys().publicKeyText() + " (id " + server.keys().keyId() + ")");
            if (demo) {
                Demo ready = Demo.prepare(server.database(), Clock.systemUTC());
                System.out.println("Demo (sample data): LAO " + ready.laoCode() + " " + ready.laoName() + "; enrolment code "
                        + ready.code() + " (one use, until " + ready.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "); server address http://"
                        + ("0.0.0.0".equals(config.host()) ? "localhost" : config.host()) + ":" + server.port() + "/");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "infodesk-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /**
     * What {@code serve --demo} sets up so that a newcomer sees the whole loop on one machine: the
     * sample registry (when the demo LAO is not in the registry yet) and a new one-time enrolment
     * code for the demo LAO, the one the app's demo opens (ทต.วังทอง, sample data).
     */
    record Demo(String laoCode, String laoName, String code, java.time.Instant expiresAt) {

        static final String LAO = "5650801";
        static final Duration VALIDITY = Duration.ofDays(7);

        static Demo prepare(Database database, Clock clock) throws SQLException, RegistryException, EnrolmentException {
            Registry registry = new Registry(database.dataSource());
            if (registry.find(LAO).isEmpty()) {
                registry.importAll(RegistryCsv.read(RegistryCsv.sample()));
            }
            Enrolment.IssuedCode issued = new Enrolment(database.dataSource(), clock).issue(new Enrolment.Target.OfLao(LAO), VALIDITY);
            return new Demo(LAO, registry.find(LAO).orElseThrow().nameTh(), issued.code(), issued.expiresAt());
        }
    }

    @Command(name = "import-registry", mixinStandardHelpOptions = true,
            description = "Imports (adds or updates) LAOs from a CSV file: code,name_th,name_en,district,province. Nothing is imported if any line is wrong.")
    static final class ImportRegistry extends AdminCommand {
        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Parameters(paramLabel = "FILE")
            Path file;
            @Option(names = "--sample", required = true, description = "the built-in Phitsanulok sample (sample data, not the official list)")
            boolean sample;
        }

        @Override
        int run(Database database, PrintWriter out) throws IOException, SQLException {
            PrintWriter err = spec.commandLine().getErr();
            String name = source.sample ? "the Phitsanulok sample" : source.file.toString();
            if (!source.sample && Files.size(source.file) > RegistryCsv.MAX_BYTES) {
                err.println(name + ": larger than " + RegistryCsv.MAX_BYTES + " bytes; nothing imported");
                return REFUSED;
            }
            RegistryCsv.Checked checked;
            try {
                checked = RegistryCsv.check(source.sample ? RegistryCsv.sample() : Files.readAllBytes(source.file));
            } catch (RegistryException e) {
                err.println(name + " was refused; nothing imported:");
                e.problems().forEach(problem -> err.println("  " + problem));
                return REFUSED;
            }
            checked.warnings().forEach(warning -> err.println("warning: " + warning));
            Registry.Imported imported = new Registry(database.dataSource()).importAll(checked.laos());
            out.println("Imported " + imported.laos() + " LAOs in " + imported.districtOffices() + " districts from " + name);
            return 0;
        }
    }

    @Command(name = "issue-enrolment-code", mixinStandardHelpOptions = true,
            description = "Prints a one-time enrolment code for one LAO or one district office (stored hashed).")
    static final class IssueEnrolmentCode extends AdminCommand {
        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Whom whom;
        @Option(names = "--province", description = "the province of --district, when its name is not unique")
        String province;
        @Option(names = "--valid-days", defaultValue = "14", description = "days until the code expires (default ${DEFAULT-VALUE})")
        int validDays;

        static final class Whom {
            @Option(names = "--lao", paramLabel = "CODE", required = true, description = "the LAO's 7-digit code")
            String lao;
            @Option(names = "--district", paramLabel = "NAME", required = true, description = "the district (อำเภอ) of a district office")
            String district;
        }

        @Override
        int run(Database database, PrintWriter out) throws SQLException {
            Enrolment.Target target = whom.lao != null
                    ? new Enrolment.Target.OfLao(whom.lao)
                    : new Enrolment.Target.OfDistrict(whom.district, province);
            try {
                Enrolment.IssuedCode issued = new Enrolment(database.dataSource(), Clock.systemUTC())
                        .issue(target, Duration.ofDays(validDays));
                out.println(issued.code());
                out.println("One-time enrolment code for " + issued.whom() + ", valid until " + issued.expiresAt()
                        + ". It is shown only now.");
                return 0;
            } catch (EnrolmentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return REFUSED;
            }
        }
    }

    /** Revokes one thing by its key: done, or refused when there is none that is not revoked already. */
    abstract static class Revoke extends AdminCommand {
        /** What is revoked, in lowercase ("device ID"). */
        abstract String what();

        abstract boolean revoke(Database database) throws SQLException;

        @Override
        final int run(Database database, PrintWriter out) throws SQLException {
            if (revoke(database)) {
                out.println(Character.toUpperCase(what().charAt(0)) + what().substring(1) + " revoked.");
                return 0;
            }
            spec.commandLine().getErr().println("No " + what() + " that is not revoked already.");
            return REFUSED;
        }
    }

    @Command(name = "revoke-device", mixinStandardHelpOptions = true, description = "Revokes an enrolled device: its submissions are refused from now on.")
    static final class RevokeDevice extends Revoke {
        @Parameters(paramLabel = "ID")
        UUID id;

        @Override
        String what() {
            return "device " + id;
        }

        @Override
        boolean revoke(Database database) throws SQLException {
            return new Enrolment(database.dataSource(), Clock.systemUTC()).revoke(id);
        }
    }

    @Command(name = "add-reviewer", mixinStandardHelpOptions = true,
            description = "Makes a central reviewer's account and prints its bearer token for the review API (shown only now, stored hashed).")
    static final class AddReviewer extends AdminCommand {
        @Option(names = "--username", required = true, description = "1 to 64 of a-z, 0-9, '.', '_', '-'")
        String username;
        @Option(names = "--name", required = true, description = "the name devices show beside a decision (e.g. the office's)")
        String name;
        @Option(names = "--province", description = "the province reviewed; absent: the whole country")
        String province;
        @Option(names = "--district", description = "with --province: one district office only")
        String district;

        @Override
        int run(Database database, PrintWriter out) throws SQLException {
            try {
                Reviewers.Added added = new Reviewers(database.dataSource(), Clock.systemUTC()).add(username, name, province, district);
                out.println(added.token());
                out.println("Reviewer " + username + " (" + added.reviewer().scope() + "): the bearer token above is shown only now.");
                return 0;
            } catch (ReviewException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return REFUSED;
            }
        }
    }

    @Command(name = "revoke-reviewer", mixinStandardHelpOptions = true, description = "Revokes a reviewer's account: its token is refused from now on.")
    static final class RevokeReviewer extends Revoke {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        String what() {
            return "reviewer " + username;
        }

        @Override
        boolean revoke(Database database) throws SQLException {
            return new Reviewers(database.dataSource(), Clock.systemUTC()).revoke(username);
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Decides a delivered submission as a reviewer (the same rules as the review API).",
            subcommands = {ReviewCommand.Accept.class, ReviewCommand.Return.class})
    static final class ReviewCommand {

        /** A decision by a reviewer's account on one submission. */
        abstract static class Decide extends AdminCommand {
            @Parameters(paramLabel = "SUBMISSION_ID")
            UUID submissionId;
            @Option(names = "--reviewer", required = true, paramLabel = "USERNAME", description = "the deciding reviewer's account")
            String reviewer;

            int decide(Database database, PrintWriter out, Change.Verdict verdict, String comment) throws SQLException {
                Clock clock = Clock.systemUTC();
                try {
                    Reviewer who = new Reviewers(database.dataSource(), clock).find(reviewer)
                            .orElseThrow(() -> new ReviewException(ReviewException.Refusal.NOT_FOUND, "no reviewer " + reviewer));
                    Review.Decided decided = new Review(database.dataSource(), clock).decide(who, submissionId, verdict, comment);
                    out.println(decided.verdict() + ": submission " + decided.submissionId() + " (LAO " + decided.laoCode() + ", "
                            + decided.fiscalYear() + ", " + decided.domainId() + ", revision " + decided.revision() + ") by "
                            + decided.reviewerUsername() + " at " + decided.decidedAt());
                    return 0;
                } catch (ReviewException e) {
                    spec.commandLine().getErr().println(e.refusal() + ": " + e.getMessage());
                    return REFUSED;
                }
            }
        }

        @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts the submission (final).")
        static final class Accept extends Decide {
            @Option(names = "--comment", description = "an optional comment (one line, at most 2000 characters)")
            String comment;

            @Override
            int run(Database database, PrintWriter out) throws SQLException {
                return decide(database, out, Change.Verdict.ACCEPTED, comment);
            }
        }

        @Command(name = "return", mixinStandardHelpOptions = true,
                description = "Returns the submission for correction; the LAO certifies a new revision.")
        static final class Return extends Decide {
            @Option(names = "--comment", required = true, description = "what to correct (one line, at most 2000 characters)")
            String comment;

            @Override
            int run(Database database, PrintWriter out) throws SQLException {
                return decide(database, out, Change.Verdict.RETURNED, comment);
            }
        }
    }

    /** The fiscal year and the scope of a status or an export. */
    static final class Coverage {
        @Option(names = "--fiscal-year", required = true, paramLabel = "YEAR", description = "the Buddhist Era fiscal year, e.g. 2564")
        int fiscalYear;
        @Option(names = "--province", paramLabel = "NAME", description = "one province (as in the registry); absent: the whole country")
        String province;
        @Option(names = "--district", paramLabel = "NAME", description = "one district of --province")
        String district;

        Scope scope() {
            if (district != null && province == null) {
                throw new IllegalArgumentException("--district " + district + " needs --province");
            }
            return new Scope(province, district);
        }

        static StatusService status(Database database) {
            return new StatusService(database.dataSource(), payloads());
        }

        static StoredPayloads payloads() {
            return new StoredPayloads(InfoDeskServer.questionnaires().stream().map(Questionnaire::definition).toList());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints, per district, which LAOs delivered and which were accepted or returned, domain by domain, and the counts.")
    static final class Status extends AdminCommand {
        @Mixin
        Coverage coverage = new Coverage();

        @Override
        int run(Database database, PrintWriter out) throws Exception {
            StatusReport report = Coverage.status(database).report(coverage.fiscalYear, coverage.scope());
            StatusText.print(report, out);
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the accepted data (one row per LAO and item) or, with --status, the status sheet, as CSV or xlsx.")
    static final class Export extends AdminCommand {
        @Mixin
        Coverage coverage = new Coverage();
        @Option(names = "--format", required = true, paramLabel = "csv|xlsx", description = "csv (UTF-8 with BOM) or xlsx")
        String format;
        @Option(names = "--output", required = true, paramLabel = "FILE", description = "the file to write (replaced if it exists)")
        Path output;
        @Option(names = "--status", description = "the status sheet (one row per LAO and domain) instead of the accepted data")
        boolean status;

        @Override
        int run(Database database, PrintWriter out) throws Exception {
            ExportFormat as = ExportFormat.of(format);
            Scope scope = coverage.scope();
            Path folder = output.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("no folder " + folder + " to write " + output.getFileName() + " in");
            }
            StatusService statusService = Coverage.status(database);
            Exports exports = new Exports(database.dataSource(), Coverage.payloads(), statusService);
            // Written beside the file and moved over it at the end: a failed export leaves no half file.
            Path partial = Files.createTempFile(folder, ".export-", ".partial");
            try {
                long rows;
                try (OutputStream file = Files.newOutputStream(partial)) {
                    rows = status
                            ? exports.writeStatus(statusService.report(coverage.fiscalYear, scope), as, file)
                            : exports.writeAccepted(coverage.fiscalYear, scope, as, file);
                }
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println("Exported " + rows + " rows of " + (status ? "status" : "accepted data") + " of fiscal year "
                        + coverage.fiscalYear + ", " + scope.describe() + ", to " + output);
                return 0;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
