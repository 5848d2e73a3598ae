package dev.footnote.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.AnswerException;
import dev.footnote.config.Redactor;
import dev.langchain4j.exception.HttpException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Pattern;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a model call threw into one sentence for the person asking: which server, what
 * went wrong, what to check. The exception it returns carries no cause, so neither a server's
 * reply nor a request (with its key) can reach a log or a stack trace through it; the key is also
 * blanked out of any server text quoted.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The masked forms providers print of keys ("sk-abc...xyz"), which no redactor value matches. */
    private static final Pattern MASKED_KEY = Pattern.compile("\\b(?:sk|sk-ant|AIza)[-_A-Za-z0-9.*]{6,}+");

    private final LlmSettings s;
    private final Redactor redactor;

    Failures(LlmSettings settings, Redactor redactor) {
        this.s = settings;
        this.redactor = redactor;
    }

    AnswerException explain(Throwable t) {
        String msg = message(t);
        LOG.debug("model call failed: {} ({})", msg, t.getClass().getName());
        return new AnswerException(msg);
    }

    String message(Throwable t) {
        String who = s.describe();
        HttpException http = find(t, HttpException.class);
        if (http != null) {
            return httpMessage(http);
        }
        BoundedBody.TooLargeException big = find(t, BoundedBody.TooLargeException.class);
        if (big != null) {
            return who + " sent a reply of more than " + megabytes(big.limit) + ", far longer than an answer within"
                    + " llm.max-output-tokens (" + s.maxOutputTokens() + ") can be; check base-url and the server's settings.";
        }
        if (find(t, SseStream.NotStreamedException.class) != null) {
            return who + " sent a whole reply to a request for a stream; set llm.stream: false for this server.";
        }
        if (find(t, HttpConnectTimeoutException.class) != null) {
            return who + " did not accept a connection within " + seconds() + "; check base-url and that the server is running.";
        }
        if (find(t, HttpTimeoutException.class) != null || find(t, dev.langchain4j.exception.TimeoutException.class) != null
                || find(t, java.net.SocketTimeoutException.class) != null) {
            return who + " did not answer within " + seconds() + " (llm.timeout-seconds); the question was kept for the"
                    + " moderators. Try again, or raise the timeout for a slow model.";
        }
        if (find(t, ConnectException.class) != null) {
            return who + " refused the connection; check base-url" + (s.provider() == Provider.OLLAMA
                    ? " and that Ollama is running (ollama serve)." : " and that the server is running.");
        }
        if (find(t, UnresolvedAddressException.class) != null || find(t, UnknownHostException.class) != null
                || find(t, dev.langchain4j.exception.UnresolvedModelServerException.class) != null) {
            return who + " could not be found (unknown host); check base-url.";
        }
        if (find(t, NoRouteToHostException.class) != null) {
            return who + " cannot be reached (no route to host); check base-url and the network.";
        }
        if (find(t, SSLException.class) != null) {
            return who + " failed the TLS handshake; check that base-url uses the right scheme (http or https).";
        }
        if (find(t, com.fasterxml.jackson.core.JacksonException.class) != null) {
            // Jackson's parse errors are IOExceptions too, but the connection was fine: the body was not.
            return who + " sent a reply that could not be read (not the JSON its API returns); check that base-url points at a "
                    + s.provider().id() + " API, and try again.";
        }
        if (find(t, java.io.IOException.class) != null) {
            return who + " closed the connection before answering (" + find(t, java.io.IOException.class).getClass().getSimpleName()
                    + "); check base-url and try again.";
        }
        // An error event inside a stream (Anthropic sends overloaded_error and rate_limit_error so once
        // text is flowing) means what HTTP 529 or 429 would have meant before it: say it the same way.
        String chain = chainText(t);
        if (chain.contains("overloaded")) {
            return who + " is overloaded (it ended the reply with an overloaded error); the question was kept for the moderators."
                    + " Try again later.";
        }
        if (chain.contains("rate_limit") || chain.contains("rate limit")) {
            return who + " is rate-limiting requests (it ended the reply with a rate-limit error); the question was kept for the"
                    + " moderators. Try again later.";
        }
        return who + " gave a reply Footnote could not use (" + t.getClass().getSimpleName() + redact(firstLine(t.getMessage()))
                + "); check that base-url points at a " + s.provider().id() + " API.";
    }

    /** The messages of {@code t} and its causes, lower-cased, for recognising an error a provider named in a stream. */
    private static String chainText(Throwable t) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 10; c = c.getCause(), depth++) {
            if (c.getMessage() != null) {
                b.append(c.getMessage().toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
        }
        return b.toString();
    }

    private String httpMessage(HttpException e) {
        String who = s.describe();
        int status = e.statusCode();
        int attempts = e instanceof RetryingHttpClient.GaveUpException g ? g.attempts : 1;
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (e instanceof RetryingHttpClient.GaveUpException g && g.askedToWait != null) {
            return who + " is busy (HTTP " + status + ") and asked to wait " + g.askedToWait.toSeconds()
                    + " seconds; the question was kept for the moderators. Try again later.";
        }
        String detail = serverMessage(e.getMessage());
        if (status == 429) {
            return who + " is rate-limiting requests (HTTP 429)" + tries + "; the question was kept for the moderators."
                    + " Try again later" + (detail.isEmpty() ? "." : " (" + detail + ").");
        }
        if (status >= 500) {
            return who + " failed with HTTP " + status + tries + "; the question was kept for the moderators. Try again later"
                    + (detail.isEmpty() ? "." : " (" + detail + ").");
        }
        if (status == 401 || status == 403) {
            return who + " rejected the API key (HTTP " + status + ")"
                    + (s.keyEnv() == null ? "; none was sent: set llm.api-key-env to the variable holding this server's key."
                    : "; check " + s.keyEnv() + ".");
        }
        if (status == 404) {
            return who + " has no model '" + s.model() + "' or no such endpoint (HTTP 404); check llm.model (--model) and base-url"
                    + (detail.isEmpty() ? "." : " (" + detail + ").");
        }
        return who + " rejected the request (HTTP " + status + (detail.isEmpty() ? "" : ": " + detail) + ").";
    }

    /** The error text of a provider's JSON error body, short and without the key. */
    String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode n = JSON.readTree(text);
            JsonNode err = n.path("error");
            if (err.isTextual()) {
                text = err.asText();
            } else if (err.path("message").isTextual()) {
                text = err.path("message").asText();
            } else if (n.path("message").isTextual()) {
                text = n.path("message").asText();
            }
        } catch (Exception notJson) {
            // keep the raw text
        }
        text = redact(text.replaceAll("\\s+", " ").strip());
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    String redact(String text) {
        if (text == null) {
            return "";
        }
        // Providers echo a masked form of keys ("sk-abc...xyz"); keep nothing that looks like one.
        return MASKED_KEY.matcher(redactor.redact(text)).replaceAll(Redactor.MARK);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private String seconds() {
        long sec = s.timeout().toSeconds();
        return sec + " second" + (sec == 1 ? "" : "s");
    }

    private static String firstLine(String m) {
        if (m == null || m.isBlank()) {
            return "";
        }
        int nl = m.indexOf('\n');
        String l = (nl < 0 ? m : m.substring(0, nl)).strip();
        return ": " + (l.length() > 120 ? l.substring(0, 117) + "..." : l);
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
