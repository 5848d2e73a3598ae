package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.AnswerException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingTest {

    /** A reply that records what it was told. */
    static final class Recorder implements Reply {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public void stillWorking(Duration elapsed) {
            events.add("working");
        }

        @Override
        public void send(List<String> parts, List<ActionRow> components) {
            events.add("sent:" + String.join("|", parts));
            done.countDown();
        }

        @Override
        public void fail(String sentence) {
            events.add("failed:" + sentence);
            done.countDown();
        }
    }

    Working working;

    private Working working(Duration stillWorking, Duration timeout) {
        working = BotFixture.working(stillWorking, timeout);
        return working;
    }

    @AfterEach
    void stop() {
        working.shutdown(Duration.ZERO);
    }

    @Test
    void theResultIsSentOnceAndNoUpdateFollowsIt() throws Exception {
        Recorder r = new Recorder();
        CountDownLatch release = new CountDownLatch(1);
        working(Duration.ofMillis(20), Duration.ofSeconds(30)).submit("test", r, () -> {
            release.await(5, TimeUnit.SECONDS);
            return "answer";
        }, v -> r.send(List.of(v), List.of()));
        AskSlashCommandTest.waitFor(() -> r.events.contains("working"));
        release.countDown();
        assertThat(r.done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(r.events.get(r.events.size() - 1)).isEqualTo("sent:answer");
        assertThat(working.running()).isZero();
    }

    @Test
    void aFailureForTheUserIsTheirSentenceAndAnythingElseIsGeneric() throws Exception {
        Recorder plain = new Recorder();
        working(Duration.ofSeconds(5), Duration.ofSeconds(30)).submit("test", plain,
                () -> { throw new AnswerException("The question is empty."); }, v -> { });
        assertThat(plain.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(plain.events).containsExactly("failed:The question is empty.");

        Recorder bug = new Recorder();
        working.submit("test", bug, () -> { throw new IllegalArgumentException("index 7 out of bounds"); }, v -> { });
        assertThat(bug.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bug.events).containsExactly("failed:" + Working.BROKEN);
    }

    @Test
    void workThatTakesTooLongIsGivenUpWithAPlainSentence() throws Exception {
        Recorder r = new Recorder();
        working(Duration.ofSeconds(5), Duration.ofMillis(200)).submit("test", r, () -> {
            Thread.sleep(10_000);
            return "late";
        }, v -> r.send(List.of(v), List.of()));
        assertThat(r.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(r.events).containsExactly("failed:" + Working.TOO_SLOW);
    }

    @Test
    void shutdownLetsShortWorkFinishAndTellsTheRestToAskAgain() throws Exception {
        Recorder quick = new Recorder();
        Recorder stuck = new Recorder();
        CountDownLatch started = new CountDownLatch(2);
        working(Duration.ofSeconds(5), Duration.ofSeconds(60));
        working.submit("quick", quick, () -> {
            started.countDown();
            Thread.sleep(100);
            return "quick answer";
        }, v -> quick.send(List.of(v), List.of()));
        working.submit("stuck", stuck, () -> {
            started.countDown();
            Thread.sleep(30_000);
            return "never";
        }, v -> stuck.send(List.of(v), List.of()));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        int cut = working.shutdown(Duration.ofMillis(500));

        assertThat(cut).isEqualTo(1);
        assertThat(quick.events).containsExactly("sent:quick answer");
        assertThat(stuck.events).containsExactly("failed:" + Working.RESTARTING);
        Recorder late = new Recorder();
        working.submit("late", late, () -> "x", v -> late.send(List.of(v), List.of()));
        assertThat(late.events).containsExactly("failed:" + Working.RESTARTING);
    }
}
