package dev.footnote.cli;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Answerer;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.eval.Pipeline;
import dev.footnote.eval.PipelineFactory;
import dev.footnote.eval.ProviderOverride;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The prompt lab's pipelines, wired like {@code ask}'s: the same store, retriever, claim checker and
 * options, with the answerer of the provider asked for. A model provider reads its templates from
 * the prompt-set folder; the offline extractive answerer uses no templates, so a prompt folder
 * changes nothing for it (the lab says so in its notes).
 */
final class EvalPipelines implements PipelineFactory {

    static final String OFFLINE = App.OFFLINE;

    private final App app;

    EvalPipelines(App app) {
        this.app = app;
    }

    @Override
    public Pipeline create(Path promptsDir, ProviderOverride override) {
        FootnoteConfig cfg = app.config();
        String provider = (override.provider() != null ? override.provider() : cfg.answer().provider())
                .strip().toLowerCase(Locale.ROOT);
        AnswerChecker checker = app.answerChecker();
        FootnoteConfig.AnswerConfig a = cfg.answer();
        AnswerService.Options options = new AnswerService.Options(cfg.retrieval().k(), a.historyTurns(), 60);
        if (OFFLINE.equals(provider)) {
            if (override.baseUrl() != null || override.model() != null) {
                throw new UserException("--base-url and --model need a model provider; the offline answerer uses no model.");
            }
            Answerer answerer = app.offlineAnswerer();
            AnswerService service = new AnswerService(app.storage(), app.retriever(), answerer, checker, options,
                    App.EXTRACTIVE_VERSION);
            return new Pipeline(service, OFFLINE, "extractive", App.EXTRACTIVE_VERSION, false, checker != AnswerChecker.NONE);
        }
        if (dev.footnote.llm.Provider.byId(provider).isEmpty()) {
            throw new UserException("Unknown provider '" + provider + "'; choose one of " + dev.footnote.llm.Provider.choices() + ".");
        }
        // LangChain4j's classes are loaded only here, never on the offline path.
        EvalLlm.Built llm = EvalLlm.answerer(app, provider, cfg.llm().with(override.baseUrl(), override.model()),
                promptsDir == null ? cfg.prompts() : promptsDir.toString());
        AnswerChecker llmChecker = app.answerChecker(llm.answerer());
        AnswerService service = new AnswerService(app.storage(), app.retriever(), llm.answerer(), llmChecker, options, llm.promptVersion());
        return new Pipeline(service, provider, llm.model(), llm.promptVersion(), true, llmChecker != AnswerChecker.NONE);
    }
}
