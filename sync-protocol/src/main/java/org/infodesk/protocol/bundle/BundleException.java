package org.infodesk.protocol.bundle;

import java.util.Locale;

/** A bundle file was refused as a whole: nothing of it is to be kept. */
public final class BundleException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient BundleProblem problem;

    public BundleException(BundleProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public BundleException(BundleProblem.Code code, String file, String detail) {
        this(new BundleProblem(code, file, detail));
    }

    public BundleProblem problem() {
        return problem;
    }

    public BundleProblem.Code code() {
        return problem.code();
    }

    /** The message in the user's language. */
    public String describe(Locale locale) {
        return problem.message(locale);
    }
}
