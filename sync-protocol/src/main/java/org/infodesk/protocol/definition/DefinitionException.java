package org.infodesk.protocol.definition;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A definition was refused; {@link #problems()} lists every reason found, most basic first. */
public final class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** All problems as lines in the user's language, for a dialog or a log. */
    public String describe(Locale locale) {
        return problems.stream().map(p -> p.message(locale)).collect(Collectors.joining("\n"));
    }
}
