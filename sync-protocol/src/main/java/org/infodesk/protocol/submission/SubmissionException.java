package org.infodesk.protocol.submission;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A submission envelope was refused: it could not be read, or it does not verify.
 * {@link #problems()} lists every reason found, most basic first.
 */
public final class SubmissionException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<SubmissionProblem> problems;

    public SubmissionException(List<SubmissionProblem> problems) {
        super(problems.stream().map(SubmissionProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem");
        }
        this.problems = List.copyOf(problems);
    }

    static SubmissionException of(SubmissionProblem.Code code, String where, String detail) {
        return new SubmissionException(List.of(new SubmissionProblem(code, where, detail)));
    }

    public List<SubmissionProblem> problems() {
        return problems;
    }

    /** The first (most basic) problem's code. */
    public SubmissionProblem.Code code() {
        return problems.get(0).code();
    }

    /** All problems as lines in the user's language, for a dialog or a log. */
    public String describe(Locale locale) {
        return problems.stream().map(p -> p.message(locale)).collect(Collectors.joining("\n"));
    }
}
