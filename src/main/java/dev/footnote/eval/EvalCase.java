package dev.footnote.eval;

import java.util.List;

/**
 * One case of a prompt-lab case file: a question and what a good answer to it looks like.
 *
 * @param expectArticles  articles (id or title) the answer must cite; empty: not checked
 * @param expectPassages  phrases a cited passage must contain; empty: any passage of the expected articles
 * @param mustRefuse      the articles do not answer it, so the answer must be "The articles don't say."
 * @param mustFlag        flag kinds that must appear on the answer
 * @param mustNotFlag     flag kinds that must not appear on the answer
 * @param expectAnswers   strings of which the answer must contain one (case ignored); empty: not checked
 */
public record EvalCase(String id, String question, List<String> expectArticles, List<String> expectPassages,
                       boolean mustRefuse, List<String> mustFlag, List<String> mustNotFlag, List<String> expectAnswers) {

    public EvalCase(String id, String question, List<String> expectArticles, List<String> expectPassages,
                    boolean mustRefuse, List<String> mustFlag, List<String> mustNotFlag) {
        this(id, question, expectArticles, expectPassages, mustRefuse, mustFlag, mustNotFlag, List.of());
    }

    public EvalCase {
        expectAnswers = clean(expectAnswers);
        expectArticles = clean(expectArticles);
        expectPassages = clean(expectPassages);
        mustFlag = clean(mustFlag);
        mustNotFlag = clean(mustNotFlag);
    }

    /** Whether the case says which passages a correct citation points to. */
    public boolean expectsCitations() {
        return !mustRefuse && (!expectArticles.isEmpty() || !expectPassages.isEmpty());
    }

    public boolean expectsAnswers() {
        return !mustRefuse && !expectAnswers.isEmpty();
    }

    public boolean expectsFlags() {
        return !mustFlag.isEmpty() || !mustNotFlag.isEmpty();
    }

    private static List<String> clean(List<String> in) {
        return in == null ? List.of() : in.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }
}
