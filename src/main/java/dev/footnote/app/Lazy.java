package dev.footnote.app;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A part of the application made on first use and then shared. Each has its own lock, and a part's
 * maker only asks for parts below it, so two threads building different parts never wait on each
 * other in a circle.
 */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private T value;

    Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = maker.get();
        }
        return value;
    }

    synchronized boolean isBuilt() {
        return value != null;
    }

    /** Hands the part, if made, to {@code closer} and forgets it: a later {@link #get()} makes a new one. */
    synchronized void release(Consumer<T> closer) {
        if (value != null) {
            T v = value;
            value = null;
            closer.accept(v);
        }
    }
}
