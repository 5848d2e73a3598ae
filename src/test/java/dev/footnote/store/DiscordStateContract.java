package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Discord bot relies on from any {@link DiscordState}; subclasses supply the implementation. */
public abstract class DiscordStateContract {

    /** The state on a fresh database, and that database (closed after each test). */
    public record Fixture(DiscordState state, AutoCloseable database) {
    }

    @TempDir
    protected Path dir;

    private Fixture fx;
    private DiscordState d;

    protected abstract Fixture open(Path dir) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        fx = open(dir);
        d = fx.state();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.database().close();
    }

    @Test
    void settingsDefaultToNoneAndASaveReplacesThemWhole() {
        assertThat(d.settings("g")).isEqualTo(StoredSettings.NONE);

        d.saveSettings("g", new StoredSettings(List.of("c1", "c2"), null, List.of("r1"), true), "u1");
        d.saveSettings("g", new StoredSettings(List.of("c3"), List.of(), null, false), "u2");

        assertThat(d.settings("g")).isEqualTo(new StoredSettings(List.of("c3"), List.of(), null, false));
        assertThat(d.settings("other")).isEqualTo(StoredSettings.NONE);
        d.resetSettings("g");
        assertThat(d.settings("g")).isEqualTo(StoredSettings.NONE);
    }

    @Test
    void theAnnounceChannelChangesNothingElse() {
        // GIVEN one server with settings and one without
        d.saveSettings("g1", new StoredSettings(List.of("c1"), null, null, null), "u");

        // WHEN both get an announcement channel
        d.saveAnnounceChannel("g1", "a1", "u");
        d.saveAnnounceChannel("g2", "a2", "u");

        // THEN the settings are as they were, and the channels are listed by server
        assertThat(d.settings("g1")).isEqualTo(new StoredSettings(List.of("c1"), null, null, null));
        assertThat(d.settings("g2")).isEqualTo(StoredSettings.NONE);
        assertThat(d.announceChannel("g1")).isEqualTo("a1");
        assertThat(d.announceChannels()).containsExactly(Map.entry("g1", "a1"), Map.entry("g2", "a2"));
        d.saveAnnounceChannel("g1", null, "u");
        assertThat(d.announceChannel("g1")).isNull();
        assertThat(d.announceChannels()).containsOnlyKeys("g2");
        assertThat(d.settings("g1").channels()).containsExactly("c1");
    }

    @Test
    void aViewKeepsItsKindAndDataUntilPruned() {
        long id = d.saveView("articles", Map.of("query", "bridge", "until", 42));
        long other = d.saveView("flags", Map.of());

        assertThat(other).isNotEqualTo(id);
        View v = d.view(id).orElseThrow();
        assertThat(v.kind()).isEqualTo("articles");
        assertThat(v.string("query")).isEqualTo("bridge");
        assertThat(v.number("until", -1)).isEqualTo(42);
        assertThat(v.number("missing", -1)).isEqualTo(-1);
        assertThat(d.view(id + other + 1)).isEmpty();

        assertThat(d.pruneViews(Instant.now().minusSeconds(3600))).isZero();
        assertThat(d.pruneViews(Instant.now().plusSeconds(60))).isEqualTo(2);
        assertThat(d.view(id)).isEmpty();
    }

    @Test
    void aThreadKeepsItsOriginAndItsLastTurnsOldestFirst() {
        // GIVEN a thread opened from an article's answer (answer ids are the answer store's,
        // which this contract does not write), and two more turns
        ThreadInfo t = new ThreadInfo("t1", "g", null, "art");
        d.openThread(t, new ThreadTurn("q1", "a1"));
        d.addTurn("t1", new ThreadTurn("q2", "a2"), 8L);
        d.addTurn("t1", new ThreadTurn("q3", "a3"), null);

        // WHEN it is opened again (a second click) and read back
        d.openThread(t, new ThreadTurn("again", "ignored"));

        // THEN it is as first opened, and the last turns come oldest first
        assertThat(d.thread("t1")).contains(t);
        assertThat(d.thread("t2")).isEmpty();
        assertThat(d.turns("t1", 10)).containsExactly(new ThreadTurn("q1", "a1"), new ThreadTurn("q2", "a2"), new ThreadTurn("q3", "a3"));
        assertThat(d.turns("t1", 2)).containsExactly(new ThreadTurn("q2", "a2"), new ThreadTurn("q3", "a3"));
        assertThat(d.turns("t1", 0)).isEmpty();
        d.openThread(new ThreadInfo("t2", "g", null, null), new ThreadTurn("q", "a"));
        assertThat(d.thread("t2")).contains(new ThreadInfo("t2", "g", null, null));
    }

    @Test
    void anArticleIsQueuedOncePerAnnouncingServerAndTakenOnce() {
        // GIVEN two announcing servers and one that announces nowhere
        d.saveAnnounceChannel("g1", "a1", "u");
        d.saveAnnounceChannel("g2", "a2", "u");
        d.saveSettings("g3", new StoredSettings(List.of("c"), null, null, null), "u");
        Instant now = Instant.now();

        // WHEN two articles are queued, and the first again (a second poller's report, say)
        d.queueAnnouncements(List.of("art1", "art2"), "Feed", now);
        d.queueAnnouncements(List.of("art1"), "Feed", now);

        // THEN each announcing server has each article once, in order, and only its own
        List<Announcement> g1 = d.queuedAnnouncements(List.of("g1"), 10);
        assertThat(g1).extracting(Announcement::articleId).containsExactly("art1", "art2");
        assertThat(g1).extracting(Announcement::feedTitle).containsOnly("Feed");
        assertThat(d.queuedAnnouncements(List.of("g1", "g2", "g3"), 10)).hasSize(4);
        assertThat(d.queuedAnnouncements(List.of("g1", "g2"), 3)).hasSize(3);
        assertThat(d.queuedAnnouncements(List.of("g3"), 10)).isEmpty();
        assertThat(d.queuedAnnouncements(List.of(), 10)).isEmpty();

        // and one taking gets it: a second take of the same is refused
        assertThat(d.takeAnnouncement(g1.get(0).id())).isTrue();
        assertThat(d.takeAnnouncement(g1.get(0).id())).isFalse();
        assertThat(d.queuedAnnouncements(List.of("g1"), 10)).extracting(Announcement::articleId).containsExactly("art2");
        d.queueAnnouncements(List.of("art1"), "Feed", now);
        assertThat(d.queuedAnnouncements(List.of("g1"), 10)).as("taken, so it may be queued anew").hasSize(2);

        assertThat(d.pruneAnnouncements(now.minusSeconds(60))).isZero();
        assertThat(d.pruneAnnouncements(now.plusSeconds(1))).isEqualTo(4);
        assertThat(d.queuedAnnouncements(List.of("g1", "g2"), 10)).isEmpty();
    }
}
