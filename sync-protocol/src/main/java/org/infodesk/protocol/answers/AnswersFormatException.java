package org.infodesk.protocol.answers;

import java.util.List;

/** An answers document could not be read; each problem names the value ({@code domain.item}) and why. */
public final class AnswersFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One unreadable value. */
    public record Problem(String where, String reason) {}

    private final transient List<Problem> problems;

    public AnswersFormatException(List<Problem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
