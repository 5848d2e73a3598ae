package dev.footnote.app;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Answerer;
import dev.footnote.config.ConfigException;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.eval.Pipeline;
import dev.footnote.eval.PipelineFactory;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.llm.Provider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answer pipelines, one way for everyone: {@code ask}, {@code chat} and {@code summarize}
 * (with {@code --provider}, {@code --base-url}, {@code --model}), the bot, the prompt lab and
 * {@code /prompt-test} all get their {@link AnswerService} here, wired with the same store,
 * retriever, claim checker and options, and the answerer of the provider asked for. A model
 * provider reads its templates from the prompt-set folder; the offline extractive answerer uses
 * no templates, so a prompt folder changes nothing for it (the lab says so in its notes).
 */
public final class Pipelines implements PipelineFactory {

    private final App app;
    /** By provider override: a command line's pipeline is built once however often it is asked for. */
    private final Map<ProviderOverride, Pipeline> built = new HashMap<>();

    Pipelines(App app) {
        this.app = app;
    }

    /** The configured provider's pipeline (answer.provider, llm.*, the configured prompts). */
    public Pipeline configured() {
        return forProvider(ProviderOverride.CONFIGURED);
    }

    /** The pipeline of the provider, server and model named (nulls keep the configured ones), with the configured prompts. */
    public synchronized Pipeline forProvider(ProviderOverride override) {
        Pipeline p = built.get(override);
        if (p == null) {
            p = create(null, override);
            built.put(override, p);
        }
        return p;
    }

    /** The provider answering when nothing overrides it: answer.provider, as written. */
    String configuredProvider() {
        return app.config().answer().provider().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Says what is wrong with a provider override before anything is built or stored (an unknown
     * provider, a server or model for the offline answerer); returns it when it is usable.
     */
    public ProviderOverride check(ProviderOverride override) {
        if (App.OFFLINE.equals(provider(override)) && (override.baseUrl() != null || override.model() != null)) {
            throw new UserException("--base-url and --model need a model provider; add --provider "
                    + "openai, ollama, anthropic or gemini (the offline answerer uses no model).");
        }
        return override;
    }

    @Override
    public Pipeline create(Path promptsDir, ProviderOverride override) {
        FootnoteConfig cfg = app.config();
        String provider = provider(check(override));
        FootnoteConfig.AnswerConfig a = cfg.answer();
        AnswerService.Options options = new AnswerService.Options(cfg.retrieval().k(), a.historyTurns(), 60);
        if (App.OFFLINE.equals(provider)) {
            AnswerChecker checker = app.answerChecker();
            Answerer answerer = app.offlineAnswerer();
            AnswerService service = new AnswerService(app.storage(), app.retriever(), answerer, checker, options, App.EXTRACTIVE_VERSION);
            return new Pipeline(service, App.OFFLINE, "extractive", App.EXTRACTIVE_VERSION, false, checker != AnswerChecker.NONE);
        }
        // LangChain4j's classes are loaded only here, never on the offline path.
        LlmPipelines.Built llm = LlmPipelines.answerer(app, provider, cfg.llm().with(override.baseUrl(), override.model()),
                promptsDir == null ? cfg.prompts() : promptsDir.toString());
        AnswerChecker checker = app.answerChecker(llm.answerer());
        AnswerService service = new AnswerService(app.storage(), app.retriever(), llm.answerer(), checker, options, llm.promptVersion());
        return new Pipeline(service, provider, llm.model(), llm.promptVersion(), true, checker != AnswerChecker.NONE);
    }

    /** The provider id asked for; one the user typed that is no provider is their mistake, one in the config the config's. */
    private String provider(ProviderOverride override) {
        if (override.provider() != null) {
            String p = override.provider().toLowerCase(Locale.ROOT);
            if (!App.OFFLINE.equals(p) && Provider.byId(p).isEmpty()) {
                throw new UserException("Unknown provider '" + override.provider() + "'; choose one of " + Provider.choices() + ".");
            }
            return p;
        }
        String p = configuredProvider();
        if (!App.OFFLINE.equals(p) && Provider.byId(p).isEmpty()) {
            throw new ConfigException("answer.provider '" + p + "' is not a provider; choose one of " + Provider.choices() + ".");
        }
        return p;
    }
}
