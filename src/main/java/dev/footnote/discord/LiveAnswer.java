package dev.footnote.discord;

import dev.footnote.answer.DraftListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An answer shown in Discord while the model writes it: the deferred reply is edited with the text
 * so far, with a Stop button for the asker. Edits are throttled to one per {@code every} (1.5 s in
 * the bot, within Discord's limit of five edits per five seconds per message) and never more than
 * one in flight, so a slow Discord makes the updates sparser rather than queueing them.
 *
 * <p>The text is the model's, unchecked: mentions are made inert and links kept from unfurling as in
 * every answer, and a last line says it is still being written and not yet checked. The checked
 * answer (sources, flags, buttons), or the failure sentence, replaces it: {@link #close} stops the
 * edits and waits for the one in flight, so no late edit can overwrite the final message.
 */
final class LiveAnswer implements DraftListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAnswer.class);

    static final String STILL_WRITING = "✍️ *Still writing… not yet checked; sources and flags follow when it's done.*";
    /** Room left in a 2000-character message for the text so far, after the heading and the last line. */
    static final int MAX_SHOWN = 1_600;

    final long id;
    final String askerId;
    private final InteractionHook hook;
    private final String heading;
    private final Duration every;
    private volatile String latest;
    private volatile boolean stop;
    private String shown;
    private long lastEdit;
    private CompletableFuture<?> inFlight;
    private ScheduledFuture<?> ticker;
    private boolean closed;

    LiveAnswer(long id, String askerId, InteractionHook hook, String heading, Duration every) {
        this.id = id;
        this.askerId = askerId;
        this.hook = hook;
        this.heading = heading;
        this.every = every;
    }

    /** Checks for new text several times per interval, so the first text shows without waiting a whole one. */
    synchronized void start(ScheduledExecutorService timer) {
        long check = Math.max(10, Math.min(250, every.toMillis() / 5));
        ticker = timer.scheduleAtFixedRate(this::tick, check, check, TimeUnit.MILLISECONDS);
    }

    @Override
    public void partial(String soFar) {
        latest = soFar;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /** The asker pressed Stop: the answerer ends the stream at its next look. */
    void requestStop() {
        stop = true;
    }

    /** True once some text has been shown (then "still working" notes would overwrite it). */
    synchronized boolean showing() {
        return shown != null;
    }

    synchronized void tick() {
        String t = latest;
        long now = System.nanoTime();
        if (closed || t == null || t.equals(shown) || (inFlight != null && !inFlight.isDone())
                || (shown != null && now - lastEdit < every.toNanos())) {
            return;
        }
        shown = t;
        lastEdit = now;
        try {
            inFlight = hook.editOriginal(Messages.edit(render(heading, t), stopRow())).submit();
        } catch (RuntimeException e) {
            LOG.debug("could not show the text so far: {}", e.toString());
        }
    }

    /** No more edits; returns once the one in flight (if any) is done, so the final message comes after it. */
    void close() {
        CompletableFuture<?> last;
        synchronized (this) {
            closed = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
            last = inFlight;
        }
        if (last != null) {
            try {
                last.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.debug("the last edit of the text so far failed: {}", e.toString());
            }
        }
    }

    private List<ActionRow> stopRow() {
        return List.of(ActionRow.of(Button.danger(ButtonId.of(StopButton.ACTION, id).toString(), "Stop")));
    }

    /** The heading, the text so far (its end, when long) made safe, and the line saying it is unchecked. */
    static String render(String heading, String soFar) {
        String text = DiscordFormat.safe(soFar.strip());
        if (text.length() > MAX_SHOWN) {
            int from = text.length() - MAX_SHOWN;
            int space = text.indexOf(' ', from);
            text = "…" + text.substring(space > 0 && space < from + 100 ? space : from);
        }
        return (heading == null || heading.isBlank() ? "" : DiscordFormat.oneLine(heading, 300) + "\n")
                + text + "\n\n" + STILL_WRITING;
    }
}
