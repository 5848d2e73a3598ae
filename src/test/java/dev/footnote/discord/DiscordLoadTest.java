package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty /ask interactions at once through a real JDA client and the loopback fake Discord: each
 * gets its cited answer or, past the configured per-member limit, a polite note only the asker sees.
 */
@Timeout(120)
class DiscordLoadTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";

    @TempDir
    Path dir;

    private static long jdaThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("JDA")).count();
    }

    @Test
    void fiftySimultaneousQuestionsAllGetAnAnswerOrAPoliteLimit() throws Exception {
        int userLimit = 30;
        try (FakeDiscord discord = new FakeDiscord();
             BotFixture fx = new BotFixture(dir, BotFixture.config(null, userLimit, 1000, 60), Duration.ofSeconds(5))) {
            FootnoteBot bot = new FootnoteBot(fx.ctx);
            bot.start("fake-token", discord::configure, Duration.ofSeconds(20));
            assertThat(jdaThreads()).as("JDA's threads while connected").isPositive();
            try {
                ExecutorService senders = Executors.newFixedThreadPool(10);
                List<String> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
                for (int i = 0; i < 50; i++) {
                    senders.submit(() -> tokens.add(discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024")));
                }
                senders.shutdown();
                assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
                assertThat(tokens).hasSize(50);

                Map<String, String> outcome = new ConcurrentHashMap<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (outcome.size() < 50 && System.nanoTime() < deadline) {
                    for (FakeDiscord.Request r : discord.requests) {
                        for (String t : tokens) {
                            if (outcome.containsKey(t) || !r.path().contains(t)) {
                                continue;
                            }
                            if (r.is("PATCH", t + "/messages/@original") && r.body().path("content").asText().contains("41.3 million euros")) {
                                outcome.put(t, "answer");
                            } else if (r.is("POST", "interactions/") && r.body().path("type").asInt() == 4) {
                                String text = r.body().path("data").path("content").asText();
                                assertThat(r.body().path("data").path("flags").asInt() & 64).as("only the asker sees it").isEqualTo(64);
                                outcome.put(t, text);
                            }
                        }
                    }
                    Thread.sleep(100);
                }
                assertThat(outcome).hasSize(50);
                long answers = outcome.values().stream().filter("answer"::equals).count();
                assertThat(answers).isEqualTo(userLimit);
                assertThat(outcome.values().stream().filter(v -> !v.equals("answer")))
                        .hasSize(50 - userLimit)
                        .allSatisfy(v -> assertThat(v).isNotBlank().doesNotContain("Exception"));
                // every answer is recorded; no SQLITE_BUSY surfaced as an error edit
                assertThat(fx.app.storage().answers().recent(null, false, 100)).hasSize(userLimit);
            } finally {
                bot.shutdown();
            }
            // No thread leaks: once the bot is shut down none of JDA's threads is left (the fake Discord
            // and OkHttp's shared idle pool are test infrastructure and close on their own schedule).
            // A leak never ends; on a machine busy with other builds JDA's threads took more than 15 s to.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (jdaThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(jdaThreads()).as("JDA threads left: %s", Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("JDA")).map(Thread::getName).toList()).isZero();
        }
    }
}
