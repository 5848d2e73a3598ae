package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.app.UserException;
import dev.footnote.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (answers, ingest) on a small pool so JDA's event thread stays free, shows "still
 * working" while it runs, gives up after a timeout, and on shutdown lets running work finish for a
 * grace period before telling the rest, cleanly, that the bot is restarting.
 *
 * <p>Exactly one of result, failure, timeout or shutdown ends each job; once it has ended no more
 * "still working" updates are sent, so a late update can never overwrite the answer.
 */
final class Working {

    private static final Logger LOG = LoggerFactory.getLogger(Working.class);

    static final String RESTARTING = "The bot is restarting; please ask again in a minute.";
    static final String TOO_SLOW = "That took too long to answer; please try again in a moment.";
    static final String BROKEN = "Something went wrong on my side; the details are in the bot's log.";

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Duration stillWorkingEvery;
    private final Duration timeout;
    private final Duration editEvery;
    private final Set<Job<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /** How often a streamed answer's message is edited with the text so far: within Discord's edit limits. */
    static final Duration EDIT_EVERY = Duration.ofMillis(1_500);

    Working(ExecutorService workers, ScheduledExecutorService timer, Duration stillWorkingEvery, Duration timeout) {
        this(workers, timer, stillWorkingEvery, timeout, EDIT_EVERY);
    }

    Working(ExecutorService workers, ScheduledExecutorService timer, Duration stillWorkingEvery, Duration timeout,
            Duration editEvery) {
        this.workers = workers;
        this.timer = timer;
        this.stillWorkingEvery = stillWorkingEvery;
        this.timeout = timeout;
        this.editEvery = editEvery;
    }

    /** The timer "still working" notes run on; streamed answers' edits run on it too. */
    ScheduledExecutorService timer() {
        return timer;
    }

    Duration editEvery() {
        return editEvery;
    }

    boolean accepting() {
        return accepting;
    }

    int running() {
        return running.size();
    }

    /** Runs {@code task} for {@code reply}; {@code onResult} gets its value on the worker thread. */
    <T> void submit(String what, Reply reply, Callable<T> task, Consumer<T> onResult) {
        if (!accepting) {
            reply.fail(RESTARTING);
            return;
        }
        Job<T> job = new Job<>(what, reply, onResult);
        running.add(job);
        try {
            long every = stillWorkingEvery.toMillis();
            job.ticker = timer.scheduleAtFixedRate(job::tick, every, every, TimeUnit.MILLISECONDS);
            job.deadline = timer.schedule(job::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
            job.future = workers.submit(() -> job.run(task));
        } catch (RejectedExecutionException e) {
            job.end(() -> reply.fail(RESTARTING));
        }
    }

    /**
     * Stops taking work, waits up to {@code grace} for running work, then ends the rest with a plain
     * "restarting" message. Returns how many jobs had to be cut short.
     */
    int shutdown(Duration grace) {
        accepting = false;
        workers.shutdown();
        try {
            workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<CompletableFuture<?>> told = new ArrayList<>();
        for (Job<?> job : running) {
            if (job.end(() -> told.add(job.reply.failAndConfirm(RESTARTING)))) {
                if (job.future != null) {
                    job.future.cancel(true);
                }
            }
        }
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            // Wait (briefly) until Discord has the notes, so closing the connection cannot drop them.
            CompletableFuture.allOf(told.stream().filter(Objects::nonNull).toArray(CompletableFuture[]::new))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not tell everyone waiting that the bot is restarting: {}", e.toString());
        }
        return told.size();
    }

    /** Turns a failure into one plain sentence for the user; the detail goes to the log. */
    static String sentence(Throwable e, String what) {
        if (e instanceof AnswerException || e instanceof UserException) {
            return e.getMessage();
        }
        if (e instanceof StoreException) {
            LOG.error("{} failed on the database", what, e);
            return "The database is not answering right now; please try again in a moment.";
        }
        LOG.error("{} failed", what, e);
        return BROKEN;
    }

    private final class Job<T> {
        final String what;
        final Reply reply;
        final Consumer<T> onResult;
        final long started = System.nanoTime();
        volatile Future<?> future;
        volatile ScheduledFuture<?> ticker;
        volatile ScheduledFuture<?> deadline;
        private boolean ended;

        Job(String what, Reply reply, Consumer<T> onResult) {
            this.what = what;
            this.reply = reply;
            this.onResult = onResult;
        }

        void run(Callable<T> task) {
            T value;
            try {
                value = task.call();
            } catch (Throwable e) {
                if (!isEnded()) { // after a timeout or shutdown the interruption is ours, not a failure
                    String s = sentence(e, what);
                    end(() -> reply.fail(s));
                }
                return;
            }
            end(() -> {
                try {
                    onResult.accept(value);
                } catch (RuntimeException e) {
                    reply.fail(sentence(e, what));
                }
            });
        }

        synchronized void tick() {
            if (!ended) {
                try {
                    reply.stillWorking(Duration.ofNanos(System.nanoTime() - started));
                } catch (RuntimeException e) {
                    LOG.debug("still-working update failed", e);
                }
            }
        }

        void expire() {
            if (end(() -> reply.fail(TOO_SLOW))) {
                LOG.warn("{} took longer than {} s; gave up", what, timeout.toSeconds());
                if (future != null) {
                    future.cancel(true);
                }
            }
        }

        synchronized boolean isEnded() {
            return ended;
        }

        /** Ends the job with {@code last} unless it already ended; true if this call ended it. */
        boolean end(Runnable last) {
            synchronized (this) {
                if (ended) {
                    return false;
                }
                ended = true;
            }
            if (ticker != null) {
                ticker.cancel(false);
            }
            if (deadline != null) {
                deadline.cancel(false);
            }
            running.remove(this);
            try {
                last.run();
            } catch (RuntimeException e) {
                LOG.warn("could not deliver the outcome of {}: {}", what, e.toString());
            }
            return true;
        }
    }
}
