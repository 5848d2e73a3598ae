package dev.footnote.eval;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Flag;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores one answer against its case. Definitions (also in the README):
 * <ul>
 * <li>citation validity: share of the distinct {@code [n]} in the answer that point at a passage
 *     the answerer was given;</li>
 * <li>citation precision (ALCE-style): share of the distinct {@code [n]} whose passage is an expected
 *     one: from an {@code expect_articles} article and, when {@code expect_passages} is given,
 *     containing one of its phrases;</li>
 * <li>citation recall: share of the expectations some cited passage meets: each
 *     {@code expect_passages} phrase if there are any, else each {@code expect_articles} article;</li>
 * <li>refusal: correct when the answer refuses exactly when {@code must_refuse};</li>
 * <li>flags: correct when every {@code must_flag} kind is on the answer and no {@code must_not_flag} kind;</li>
 * <li>support rate: share of answer sentences with no {@code uncited} or {@code unsupported} flag.</li>
 * </ul>
 * A case passes when it did not fail with an error, refusal and flags are correct, every
 * citation is valid and recall is complete.
 */
public final class Scorer {

    private static final Set<String> UNSUPPORTED = Set.of(Flag.UNCITED, Flag.UNSUPPORTED);

    private Scorer() {
    }

    /**
     * @param expectedArticleIds the case's {@code expect_articles}, resolved to article ids, in order
     * @param result             the pipeline's answer; null when it failed with {@code error}
     */
    public static CaseResult score(EvalCase c, List<String> expectedArticleIds, AnswerService.Result result, String error,
                                   long latencyMs, Integer inputTokens, Integer outputTokens, boolean checksClaims) {
        List<String> problems = new ArrayList<>();
        if (result == null) {
            problems.add("error: " + (error == null ? "no answer" : error));
            return new CaseResult(c.id(), c.question(), CaseResult.ERROR, null, false, List.of(), List.of(), error,
                    latencyMs, inputTokens, outputTokens, null, null, c.expectsCitations() ? 0.0 : null, false,
                    c.expectsFlags() ? false : null, null, problems, -1, c.expectsAnswers() ? false : null);
        }
        Answer a = result.answer();
        Map<Integer, NumberedPassage> given = result.given().stream()
                .collect(Collectors.toMap(NumberedPassage::n, Function.identity(), (x, y) -> x));

        // citations
        List<CaseResult.CheckedCitation> checked = new ArrayList<>();
        if (!a.refused()) {
            for (int n : new LinkedHashSet<>(AnswerService.citedNumbers(a.answer()))) {
                NumberedPassage p = given.get(n);
                boolean expected = p != null && c.expectsCitations() && isExpected(c, expectedArticleIds, p);
                checked.add(new CaseResult.CheckedCitation(n, p == null ? null : p.passage().id(),
                        p == null ? null : p.passage().articleId(), p != null, expected));
            }
        }
        Double validity = null;
        Double precision = null;
        Double recall = null;
        if (!checked.isEmpty()) {
            long valid = checked.stream().filter(CaseResult.CheckedCitation::valid).count();
            validity = valid / (double) checked.size();
            if (valid < checked.size()) {
                problems.add("cites " + checked.stream().filter(x -> !x.valid()).map(x -> "[" + x.n() + "]")
                        .collect(Collectors.joining(", ")) + ", which no given passage has");
            }
        }
        if (c.expectsCitations()) {
            if (!checked.isEmpty()) {
                precision = checked.stream().filter(CaseResult.CheckedCitation::expected).count() / (double) checked.size();
            }
            List<NumberedPassage> cited = checked.stream().filter(CaseResult.CheckedCitation::valid)
                    .map(x -> given.get(x.n())).toList();
            List<String> missing = new ArrayList<>();
            int items;
            if (!c.expectPassages().isEmpty()) {
                items = c.expectPassages().size();
                for (String phrase : c.expectPassages()) {
                    if (cited.stream().noneMatch(p -> articleOk(expectedArticleIds, p) && contains(p.passage().text(), phrase))) {
                        missing.add("\"" + phrase + "\"");
                    }
                }
            } else {
                items = expectedArticleIds.size();
                for (int i = 0; i < expectedArticleIds.size(); i++) {
                    String id = expectedArticleIds.get(i);
                    if (cited.stream().noneMatch(p -> p.passage().articleId().equals(id))) {
                        missing.add(c.expectArticles().get(i));
                    }
                }
            }
            recall = items == 0 ? null : (items - missing.size()) / (double) items;
            if (!missing.isEmpty() && !a.refused()) {
                problems.add("no cited passage " + (c.expectPassages().isEmpty() ? "from " : "contains ")
                        + String.join(", ", missing));
            }
        }

        // refusal
        boolean refusalCorrect = a.refused() == c.mustRefuse();
        if (!refusalCorrect) {
            problems.add(c.mustRefuse() ? "answered, but should have refused" : "refused, but the articles answer it");
        }

        // answer strings
        Boolean answerCorrect = null;
        if (c.expectsAnswers()) {
            String text = a.refused() ? "" : a.answer().toLowerCase(java.util.Locale.ROOT);
            answerCorrect = c.expectAnswers().stream().anyMatch(x -> text.contains(x.toLowerCase(java.util.Locale.ROOT)));
            if (!answerCorrect && !a.refused()) {
                problems.add("the answer contains none of " + c.expectAnswers().stream().map(x -> "\"" + x + "\"")
                        .collect(Collectors.joining(", ")));
            }
        }

        // flags
        Set<String> kinds = new LinkedHashSet<>();
        a.flags().forEach(f -> kinds.add(f.kind()));
        Boolean flagsCorrect = null;
        if (c.expectsFlags()) {
            List<String> absent = c.mustFlag().stream().filter(k -> !kinds.contains(k)).toList();
            List<String> present = c.mustNotFlag().stream().filter(kinds::contains).toList();
            flagsCorrect = absent.isEmpty() && present.isEmpty();
            if (!absent.isEmpty()) {
                problems.add("missing flag " + String.join(", ", absent));
            }
            if (!present.isEmpty()) {
                problems.add("unwanted flag " + String.join(", ", present));
            }
        }

        // support
        Double support = null;
        if (checksClaims && !a.refused()) {
            support = supportRate(a);
        }

        boolean pass = refusalCorrect && !Boolean.FALSE.equals(flagsCorrect) && !Boolean.FALSE.equals(answerCorrect)
                && (validity == null || validity == 1.0) && (recall == null || recall == 1.0);
        return new CaseResult(c.id(), c.question(), pass ? CaseResult.PASS : CaseResult.FAIL, a.answer(), a.refused(),
                checked, new ArrayList<>(kinds), null, latencyMs, inputTokens, outputTokens, validity, precision, recall,
                refusalCorrect, flagsCorrect, support, problems, result.id(), answerCorrect);
    }

    /** Share of the answer's sentences that carry no uncited/unsupported flag (sentence 0 = the whole answer). */
    static double supportRate(Answer a) {
        int sentences = Math.max(1, new SentenceSplitter().split(a.answer()).size());
        Set<Integer> bad = new HashSet<>();
        for (Flag f : a.flags()) {
            if (UNSUPPORTED.contains(f.kind())) {
                if (f.sentence() <= 0) {
                    return 0.0;
                }
                bad.add(Math.min(f.sentence(), sentences));
            }
        }
        return (sentences - bad.size()) / (double) sentences;
    }

    static boolean isExpected(EvalCase c, List<String> expectedArticleIds, NumberedPassage p) {
        if (!articleOk(expectedArticleIds, p)) {
            return false;
        }
        return c.expectPassages().isEmpty() || c.expectPassages().stream().anyMatch(ph -> contains(p.passage().text(), ph));
    }

    private static boolean articleOk(List<String> expectedArticleIds, NumberedPassage p) {
        return expectedArticleIds.isEmpty() || expectedArticleIds.contains(p.passage().articleId());
    }

    /** Case- and whitespace-insensitive containment, with typographic quotes folded to plain ones. */
    static boolean contains(String text, String phrase) {
        return normalise(text).contains(normalise(phrase));
    }

    private static String normalise(String s) {
        return s.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
