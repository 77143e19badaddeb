package org.infodesk.app.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Slow work off the JavaFX thread, its outcome back on it: a sign-in (one Argon2id hash, a
 * quarter of a second, ADR 0005), a certification (a sign-in and a signature), the first
 * certification sheet (up to two seconds, ADR 0004). The screen keeps drawing meanwhile; the view
 * model says it is busy. One worker thread: work is done in the order it was asked for.
 */
public final class Background {

    /** A piece of slow work. */
    public interface Work<T> {
        T call() throws Exception;
    }

    private final Executor executor;

    public Background(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** One daemon worker thread of this name, made when first needed. */
    public static Background worker(String name) {
        return new Background(java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Runs {@code work} on the worker; then, on the JavaFX thread, {@code done} with its result or
     * {@code failed} with what it threw. Call on the JavaFX thread.
     */
    public <T> Task<T> run(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        executor.execute(task);
        return task;
    }
}
