package dev.footnote.cli;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.eval.Pipeline;
import dev.footnote.eval.PipelineFactory;
import dev.footnote.eval.ProviderOverride;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The prompt lab's pipelines, wired like {@code ask}'s: the same store, retriever, claim checker and
 * options, with the answerer of the provider asked for. The offline extractive answerer uses no
 * prompt templates, so a prompt folder changes nothing for it.
 */
final class EvalPipelines implements PipelineFactory {

    static final String OFFLINE = "offline";
    static final String EXTRACTIVE_VERSION = "extractive-v1";

    private final App app;

    EvalPipelines(App app) {
        this.app = app;
    }

    @Override
    public Pipeline create(Path promptsDir, ProviderOverride override) {
        FootnoteConfig cfg = app.config();
        String provider = (override.provider() != null ? override.provider() : cfg.answer().provider())
                .strip().toLowerCase(Locale.ROOT);
        if (!OFFLINE.equals(provider)) {
            throw new UserException("Provider '" + provider + "' is not available in this build; the prompt lab can use "
                    + "'offline' only until the language-model providers land.");
        }
        if (override.baseUrl() != null || override.model() != null) {
            throw new UserException("--base-url and --model need a model provider; the offline answerer uses no model.");
        }
        FootnoteConfig.AnswerConfig a = cfg.answer();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(app.retriever()::idf,
                new ExtractiveAnswerer.Options(a.maxSentences(), a.minScore(), 4));
        AnswerChecker checker = app.answerChecker();
        AnswerService service = new AnswerService(app.store(), app.retriever(), answerer, checker,
                new AnswerService.Options(cfg.retrieval().k(), a.historyTurns(), 60), EXTRACTIVE_VERSION);
        return new Pipeline(service, OFFLINE, "extractive", EXTRACTIVE_VERSION, false, checker != AnswerChecker.NONE);
    }
}
