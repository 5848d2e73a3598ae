package dev.footnote.llm;

import dev.footnote.answer.DraftListener;
import dev.footnote.config.Redactor;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One streamed model reply, whatever the provider: LangChain4j turns each provider's stream into
 * the same callbacks, and this collects them, tells a {@link DraftListener} the text so far, and
 * gives the caller the provider's final response, exactly what a non-streamed call would have
 * returned, so everything after it (cleaning, bounding, the refusal test, checking) is shared.
 *
 * <p>What the listener is shown has the process's secrets blanked and any unfinished reasoning
 * held back, as the final text has. A reply that ends without the provider's finish reason was
 * cut off (the server closed the connection mid-answer) and fails as a broken connection does.
 */
final class StreamedReply implements StreamingChatResponseHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamedReply.class);
    private static final long POLL_MS = 50;

    /** How the stream ended: the provider's response, or, when the asker stopped it, the text so far. */
    record Outcome(ChatResponse response, String stoppedText) {
        boolean stopped() {
            return response == null;
        }
    }

    private final DraftListener listener;
    private final Redactor redactor;
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private volatile StreamingHandle handle;
    private volatile long lastEvent = System.nanoTime();
    private volatile boolean abandoned;

    private StreamedReply(DraftListener listener, Redactor redactor) {
        this.listener = listener;
        this.redactor = redactor;
    }

    /**
     * Sends the request and waits for the reply. {@code idle} bounds the wait for each piece (the
     * transport enforces the same limit; this is the backstop should a read not be interruptible),
     * {@code total} the whole reply, as it bounds a reply that is not streamed. Throws what the
     * stream failed with, for {@link Failures} to explain.
     */
    static Outcome run(StreamingChatModel model, ChatRequest request, DraftListener listener, Redactor redactor, Duration idle,
                       Duration total) {
        StreamedReply reply = new StreamedReply(listener, redactor);
        long deadline = System.nanoTime() + total.toNanos();
        model.chat(request, reply);
        return reply.await(idle.plusSeconds(1), deadline);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        lastEvent = System.nanoTime();
        if (context != null) {
            handle = context.streamingHandle();
        }
        if (abandoned) {
            cancel();
            return;
        }
        String soFar;
        synchronized (text) {
            text.append(partial.text() == null ? "" : partial.text());
            soFar = text.toString();
        }
        String shown = visible(redactor.redact(soFar));
        if (!shown.isEmpty()) {
            try {
                listener.partial(shown);
            } catch (RuntimeException e) {
                // Showing the text is a courtesy; the answer itself must not depend on it.
                LOG.debug("could not show the text so far: {}", e.toString());
            }
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (response.metadata() == null || response.metadata().finishReason() == null) {
            // Every provider names why it stopped in its last event; without one the stream was cut short.
            done.completeExceptionally(new UncheckedIOException(new EOFException("the stream ended before the reply was complete")));
        } else {
            done.complete(response);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    private Outcome await(Duration idle, long deadline) {
        while (true) {
            if (listener.stopRequested()) {
                abandon();
                synchronized (text) {
                    return new Outcome(null, redactor.redact(text.toString()));
                }
            }
            try {
                return new Outcome(done.get(POLL_MS, TimeUnit.MILLISECONDS), null);
            } catch (java.util.concurrent.TimeoutException notYet) {
                long now = System.nanoTime();
                if (now - lastEvent > idle.toNanos() || now - deadline > 0) {
                    abandon();
                    throw new dev.langchain4j.exception.TimeoutException("no data from the model server within the timeout");
                }
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the model was writing", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Stops reading: at once if the provider gave a handle, else at its next piece. */
    private void abandon() {
        abandoned = true;
        cancel();
    }

    private void cancel() {
        StreamingHandle h = handle;
        if (h != null && !h.isCancelled()) {
            try {
                h.cancel();
            } catch (RuntimeException e) {
                LOG.debug("could not cancel the stream: {}", e.toString());
            }
        }
    }

    /**
     * The part of the text so far that may be shown: reasoning a local model prints first is left
     * out, and while its closing tag has not come, so is everything from the opening one on.
     */
    static String visible(String soFar) {
        String t = Reasoning.strip(soFar);
        int open = t.indexOf("<think");
        if (open >= 0) {
            t = t.substring(0, open);
        }
        return t.strip();
    }
}
