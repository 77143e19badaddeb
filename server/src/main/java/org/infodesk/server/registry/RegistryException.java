package org.infodesk.server.registry;

import java.util.List;
import java.util.stream.Collectors;

/** A registry file that was refused, with each problem found (line and what is wrong); nothing was imported. */
public final class RegistryException extends Exception {

    /** One problem: the file's line (1 = the first line; 0 = the whole file) and what is wrong there. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? message : "line " + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public RegistryException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
