package dev.footnote.discord;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/**
 * The threads JDA sends REST requests on, owned by the bot rather than by JDA. When a shard
 * manager's first login fails (no network, say), the shard it was building has already started its
 * rate-limit pools and nobody can shut that shard down; pools of our own can be. They are shared
 * by all of a process's shards and closed once every shard has stopped.
 */
final class RestPools implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final ExecutorService elastic;

    RestPools(int shards) {
        // As JDA sizes its own shared scheduler: twice the log of the shard count, at least 2.
        int threads = Math.max(2, 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, shards))));
        scheduler = Executors.newScheduledThreadPool(threads, named("JDA RateLimit-Scheduler-Worker"));
        elastic = Executors.newCachedThreadPool(named("JDA RateLimit-Elastic-Worker"));
    }

    /** Makes every shard of {@code b} use these pools, which JDA then leaves for {@link #close} to stop. */
    void applyTo(DefaultShardManagerBuilder b) {
        b.setRateLimitScheduler(scheduler, false).setRateLimitElastic(elastic, false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        elastic.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + " " + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
