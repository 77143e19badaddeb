package org.infodesk.app.shell;

import javafx.application.Application;

/**
 * The main class. It does not extend {@link Application}, so that the app starts from a plain
 * class path without the "JavaFX runtime components are missing" check.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] given) {
        // SLF4J on the JDK's logging (ADR 0007, 2), named: without it the first logger looks for a
        // provider through every jar of the class path, while the JavaFX toolkit starts
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.jul.JULServiceProvider");
        }
        String[] args = PresetConfig.applyTo(given); // IT staff's infodesk.conf: defaults under the command line (issue 9)
        Startup.begin(args); // load while the JavaFX toolkit starts
        Application.launch(InfoDeskApp.class, args);
        if (SmokeTest.result() != null) {
            System.exit(SmokeTest.exitCode());
        }
    }
}
