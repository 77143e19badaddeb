package org.infodesk.app.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * Reading and compiling the questionnaire on a thread of its own, begun when first asked for. At
 * a start that can show the saved dashboard, the shell begins it after the first frame, so that
 * its half second of work on two cores does not delay that frame (docs/adr/0007).
 */
final class QuestionnaireLoad {

    /** Thai words for the line breaker to walk once; never shown. */
    private static final String THAI_WORDS = "ผลรวมความยาวถนนแยกตามประเภทผิวจราจร";

    private CompletableFuture<Questionnaire> future;
    private Callable<Questionnaire> source = Questionnaire::fy2564;

    /**
     * Where the questionnaire comes from, if not the bundled FY 2564 one (a newer version received
     * from the server); only before reading has begun.
     */
    synchronized void from(Callable<Questionnaire> newSource) {
        if (future != null) {
            throw new IllegalStateException("the questionnaire is being read already");
        }
        source = newSource;
    }

    /** Begins reading, once; the same future every time. */
    synchronized CompletableFuture<Questionnaire> start() {
        if (future == null) {
            Callable<Questionnaire> read = source;
            future = CompletableFuture.supplyAsync(() -> {
                Questionnaire q;
                try {
                    q = read.call();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
                warmThaiLineBreaks();
                return q;
            }, Startup.onThread("infodesk-questionnaire"));
        }
        return future;
    }

    /** Whether reading has begun. */
    synchronized boolean started() {
        return future != null;
    }

    /** Whether it has been read (without beginning to). */
    synchronized boolean ready() {
        return future != null && future.isDone() && !future.isCompletedExceptionally();
    }

    /**
     * Loads the JDK's Thai line-break dictionary here, off the JavaFX thread: the first message that
     * wraps (ui.WrappingLabel) would otherwise pay about 0.15 s for it in the middle of typing.
     */
    private static void warmThaiLineBreaks() {
        java.text.BreakIterator words = java.text.BreakIterator.getLineInstance(java.util.Locale.forLanguageTag("th"));
        words.setText(THAI_WORDS);
        while (words.next() != java.text.BreakIterator.DONE) {
            // walk it once: the dictionary loads on first use
        }
    }

    /** The questionnaire, reading it now if nobody began to. */
    Questionnaire join() {
        return start().join();
    }
}
