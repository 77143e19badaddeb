package org.infodesk.server.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the command line as {@code main} does, on a given database and data folder, catching what it prints. */
final class Commands {

    private Commands() {}

    static int run(String jdbcUrl, Path dataDir, StringWriter out, StringWriter err, String... args) {
        CommandLine line = ServerMain.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--jdbc-url", jdbcUrl, "--data-dir", dataDir.toString()}, 0, all, args.length, 4);
        return line.execute(all);
    }
}
