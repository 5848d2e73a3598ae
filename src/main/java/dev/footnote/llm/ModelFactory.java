package dev.footnote.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the LangChain4j {@link ChatModel} for a provider, and its {@link StreamingChatModel} with
 * the same settings. Every model gets the same transport, {@link RetryingHttpClient}, which does
 * the retrying (LangChain4j's own is turned off) and applies the timeout; request and response
 * logging stay off so keys never reach a log.
 */
public final class ModelFactory {

    private final RetryingHttpClient.Sleeper sleeper;

    public ModelFactory() {
        this(d -> Thread.sleep(d.toMillis()));
    }

    ModelFactory(RetryingHttpClient.Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    private RetryingHttpClient.Builder http(LlmSettings s) {
        return RetryingHttpClient.builder()
                .fixTimeouts(connectTimeout(s.timeout()), s.timeout())
                .maxRetries(s.maxRetries())
                .backoff(s.retryBackoff())
                .maxReplyBytes(maxReplyBytes(s.maxOutputTokens()))
                .sleeper(sleeper);
    }

    public ChatModel create(LlmSettings s) {
        RetryingHttpClient.Builder http = http(s);
        return switch (s.provider()) {
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .maxTokens(s.maxOutputTokens())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (s.apiKey() != null) {
                    b.apiKey(s.apiKey());
                }
                yield b.build();
            }
            case OLLAMA -> {
                OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .numPredict(s.maxOutputTokens())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (s.apiKey() != null) {
                    // Ollama behind an authenticating proxy, or ollama.com: key named by llm.api-key-env.
                    b.customHeaders(Map.of("Authorization", "Bearer " + s.apiKey()));
                }
                yield b.build();
            }
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .temperature(s.temperature())
                    .maxTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case GEMINI -> GoogleAiGeminiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .temperature(s.temperature())
                    .maxOutputTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /**
     * The streaming twin of {@link #create}: the same request, sent to the provider's streaming
     * endpoint. A retry happens only before any text has come (an error status as the stream
     * opens); once text is flowing, a failure ends the answer.
     */
    public StreamingChatModel createStreaming(LlmSettings s) {
        RetryingHttpClient.Builder http = http(s);
        return switch (s.provider()) {
            case OPENAI -> {
                OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b = OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .maxTokens(s.maxOutputTokens())
                        .timeout(s.timeout())
                        .logRequests(false)
                        .logResponses(false);
                if (s.apiKey() != null) {
                    b.apiKey(s.apiKey());
                }
                yield b.build();
            }
            case OLLAMA -> {
                OllamaStreamingChatModel.OllamaStreamingChatModelBuilder b = OllamaStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .temperature(s.temperature())
                        .numPredict(s.maxOutputTokens())
                        .timeout(s.timeout())
                        .logRequests(false)
                        .logResponses(false);
                if (s.apiKey() != null) {
                    b.customHeaders(Map.of("Authorization", "Bearer " + s.apiKey()));
                }
                yield b.build();
            }
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .temperature(s.temperature())
                    .maxTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .temperature(s.temperature())
                    .maxOutputTokens(s.maxOutputTokens())
                    .timeout(s.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /**
     * The longest reply body read: 1 MiB for the provider's envelope (ids, usage, safety ratings)
     * and 256 bytes per output token, some forty times what a token of text takes even escaped.
     */
    static long maxReplyBytes(int maxOutputTokens) {
        return (1L << 20) + 256L * maxOutputTokens;
    }

    /** Connecting should not take as long as answering: at most 10 s, never more than the timeout. */
    static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    }
}
