package org.infodesk.app.shell;

import java.util.concurrent.CompletableFuture;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * Reading and compiling the questionnaire on a thread of its own, begun when first asked for. At
 * a start that can show the saved dashboard, the shell begins it after the first frame, so that
 * its half second of work on two cores does not delay that frame (docs/adr/0007).
 */
final class QuestionnaireLoad {

    private CompletableFuture<Questionnaire> future;

    /** Begins reading, once; the same future every time. */
    synchronized CompletableFuture<Questionnaire> start() {
        if (future == null) {
            future = CompletableFuture.supplyAsync(Questionnaire::fy2564, Startup.onThread("infodesk-questionnaire"));
        }
        return future;
    }

    /** Whether it has been read (without beginning to). */
    synchronized boolean ready() {
        return future != null && future.isDone() && !future.isCompletedExceptionally();
    }

    /** The questionnaire, reading it now if nobody began to. */
    Questionnaire join() {
        return start().join();
    }
}
