package dev.footnote.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the comparison through two {@link AnswerService}s, so both answers go through the same
 * retrieval, citation mapping and claim checking as every other answer (and are recorded).
 *
 * <p>The candidate service comes from {@code candidateService}: the application builds it from the
 * prompt set's folder. With the offline answerer, which uses no prompts, both runs give the same
 * answer; a language-model answerer makes the comparison meaningful.
 */
public final class ServicePromptTester implements PromptTester {

    private final AnswerService live;
    private final String liveSet;
    private final Path promptsDir;
    private final Function<String, AnswerService> candidateService;

    public ServicePromptTester(AnswerService live, String liveSet, Path promptsDir,
                               Function<String, AnswerService> candidateService) {
        this.live = live;
        this.liveSet = liveSet;
        this.promptsDir = promptsDir;
        this.candidateService = candidateService;
    }

    @Override
    public String livePromptSet() {
        return liveSet;
    }

    @Override
    public List<String> promptSets() {
        if (promptsDir == null || !Files.isDirectory(promptsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(promptsDir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Comparison compare(String question, String candidateSet, String origin) {
        String q = AnswerService.validateQuestion(question);
        List<String> sets = promptSets();
        if (sets.isEmpty()) {
            throw new AnswerException("There are no candidate prompt sets: the prompts folder (" + promptsDir
                    + ") is missing or empty.");
        }
        if (candidateSet == null || !sets.contains(candidateSet)) {
            throw new AnswerException("There is no prompt set \"" + candidateSet + "\"; choose one of: "
                    + String.join(", ", sets) + ".");
        }
        Run a = run(liveSet, live, q, origin);
        Run b = run(candidateSet, candidateService.apply(candidateSet), q, origin);
        return new Comparison(q, a, b);
    }

    private static Run run(String set, AnswerService service, String question, String origin) {
        long t0 = System.nanoTime();
        try {
            AnswerService.Result r = service.ask(question, null, List.of(), origin);
            return new Run(set, service.answerer().provider(), r.answer(), (System.nanoTime() - t0) / 1_000_000, null,
                    r.timeToFirstTokenMs());
        } catch (AnswerException e) {
            return new Run(set, service.answerer().provider(), null, (System.nanoTime() - t0) / 1_000_000, e.getMessage());
        }
    }
}
