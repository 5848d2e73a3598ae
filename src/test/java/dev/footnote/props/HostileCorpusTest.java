package dev.footnote.props;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.CitationMarkers;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.answer.TermWeights;
import dev.footnote.cli.CliTestAccess;
import dev.footnote.discord.DiscordTestAccess;
import dev.footnote.discord.MessageSplitter;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.IngestTestAccess;
import dev.footnote.llm.LlmTestAccess;
import dev.footnote.retrieve.FtsQuery;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import dev.footnote.text.Mentions;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Terms;
import dev.footnote.verify.CitedPassage;
import dev.footnote.verify.ClaimChecker;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.ClaimContext;
import dev.footnote.verify.SupportChecker;
import dev.footnote.verify.VerifyTestAccess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The guard for super-linear text processing: every pattern and scanner that sees untrusted text
 * (article files and pages, questions, model replies) runs on about 1 MB of each hostile shape
 * under a preemptive bound. A linear pass takes well under a second; a quadratic one takes
 * minutes, so the bound is generous and only catches blow-ups. The slowest pair is printed at the end.
 *
 * <p>{@code -Dhostile.size=N} changes the size (characters) of each shape and {@code -Dhostile.top=N}
 * how many of the slowest pairs are printed, for measuring.
 */
class HostileCorpusTest {

    private static final int SIZE = Integer.getInteger("hostile.size", 1_000_000);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Map<String, Long> MILLIS = new ConcurrentHashMap<>();

    private static final ClaimClassifier CLASSIFIER = new ClaimClassifier();
    private static final SupportChecker SUPPORT = new SupportChecker();
    private static final ClaimContext CONTEXT = new ClaimContext("2024-03-01", List.of("Reuters", "https://e.org/report"));

    /** Every scanner of untrusted text, by the name a failure reports. */
    static Map<String, Consumer<String>> scanners() {
        Map<String, Consumer<String>> m = new LinkedHashMap<>();
        m.put("markdown reader", s -> IngestTestAccess.parseOrReject(utf8(s), "md"));
        m.put("front matter", s -> IngestTestAccess.parseOrReject(utf8("---\ntitle: " + s + "\ndate: " + s + "\n---\n" + s), "md"));
        m.put("text reader", s -> IngestTestAccess.parseOrReject(utf8(s), "txt"));
        m.put("html reader", s -> IngestTestAccess.parseOrReject(utf8(s), "html"));
        m.put("utf-16 text reader, word count", s -> {
            byte[] body = s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            byte[] all = new byte[body.length + 2];
            all[0] = (byte) 0xFF;
            all[1] = (byte) 0xFE;
            System.arraycopy(body, 0, all, 2, body.length);
            IngestTestAccess.parseOrReject(all, "txt");
            IngestTestAccess.words(s);
        });
        m.put("dates", IngestTestAccess::date);
        m.put("sentence splitter", s -> new SentenceSplitter().split(s));
        m.put("chunker", s -> new Chunker().chunk(s));
        m.put("claim classifier", s -> CLASSIFIER.classifyText(s, CONTEXT));
        m.put("claim classifier, one line", s -> CLASSIFIER.classify(s, CONTEXT));
        m.put("corroboration key", VerifyTestAccess::claimKey);
        m.put("support checker", s -> SUPPORT.check(s, List.of(s, "The council said the bridge cost 41.3 million euros.")));
        // As answering sees it: a model's reply cut to twice llm.max-output-tokens (800), checked
        // against the passages retrieval can give (chunks of the article, five at most).
        m.put("claim checker", s -> new ClaimChecker(SUPPORT).check(LlmTestAccess.reply(s, 800), chunks(s)));
        m.put("citation parser", s -> {
            CitationMarkers.numbers(s);
            CitationMarkers.strip(s);
            CitationMarkers.hasMarker(s);
            AnswerService.citedNumbers(s);
        });
        m.put("extractive answerer", s -> {
            ExtractiveAnswerer a = new ExtractiveAnswerer(TermWeights.UNIFORM, ExtractiveAnswerer.Options.defaults());
            List<NumberedPassage> given = List.of(numbered(1, s), numbered(2, "Alpha Beta said the bridge cost 41.3 million in 2019."));
            a.answer("What did Alpha Beta say about the bridge in 2019?", given, List.of());
            a.answer(s, given, List.of());
            a.summarize("Alpha Beta", given);
        });
        m.put("mention neutraliser", Mentions::neutralise);
        m.put("chat text wrap", s -> dev.footnote.cli.CliTestAccess.wrap(s, 80));
        m.put("terms", s -> {
            Terms.words(s);
            new Terms().contentTerms(s);
        });
        m.put("fts sanitiser", s -> FtsQuery.anyOf(FtsQuery.words(s)));
        m.put("discord message splitter", s -> {
            MessageSplitter.split(s, MessageSplitter.LIMIT);
            MessageSplitter.pack(List.of(MessageSplitter.Unit.prose(s), MessageSplitter.Unit.atomic(s, "\n", "(continued)")),
                    MessageSplitter.LIMIT);
        });
        m.put("discord links", s -> {
            DiscordTestAccess.noPreviews(s);
            DiscordTestAccess.noPreviews("https://e.org " + s);
            DiscordTestAccess.wrapped("https://" + s);
        });
        m.put("model reply cleaners", s -> {
            LlmTestAccess.reply(s, 100);
            LlmTestAccess.reply(s, 1_000_000);
            LlmTestAccess.opinion(s);
            LlmTestAccess.history("q", s);
        });
        m.put("claims article file", s -> {
            CliTestAccess.articleFile(s);
            CliTestAccess.articleFile("---\ndate: " + s + "\n---\n" + s);
            CliTestAccess.isoDate(s);
        });
        return m;
    }

    @TestFactory
    Stream<DynamicTest> everyScannerIsLinearOnEveryHostileShape() {
        Map<String, String> shapes = HostileShapes.all(SIZE);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Consumer<String>> scanner : scanners().entrySet()) {
            for (Map.Entry<String, String> shape : shapes.entrySet()) {
                String name = scanner.getKey() + " on " + shape.getKey();
                tests.add(DynamicTest.dynamicTest(name, () -> assertTimeoutPreemptively(BOUND, () -> {
                    long t0 = System.nanoTime();
                    scanner.getValue().accept(shape.getValue());
                    MILLIS.put(name, (System.nanoTime() - t0) / 1_000_000);
                }, () -> name + " took over " + BOUND.toSeconds() + " s: super-linear on this shape")));
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void printSlowest() {
        List<Map.Entry<String, Long>> slow = MILLIS.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(Integer.getInteger("hostile.top", 10)).toList();
        StringBuilder b = new StringBuilder("hostile corpus (" + SIZE + " characters a shape, " + MILLIS.size()
                + " scanner/shape pairs): slowest\n");
        slow.forEach(e -> b.append(String.format("  %6d ms  %s%n", e.getValue(), e.getKey())));
        System.out.print(b);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Passage passage(String text) {
        return new Passage("a#0", "a", 0, 0, text.length(), text);
    }

    private static NumberedPassage numbered(int n, String text) {
        return new NumberedPassage(n, passage(text), "Alpha Beta report", "https://e.org/a");
    }

    private static List<CitedPassage> chunks(String text) {
        List<CitedPassage> out = new ArrayList<>();
        for (Chunker.Chunk c : new Chunker().chunk(text)) {
            if (out.size() == 5) {
                break;
            }
            out.add(cited(out.size() + 1, text.substring(c.start(), c.end())));
        }
        out.add(cited(out.size() + 1, text.substring(0, Math.min(text.length(), 20_000))));
        return out;
    }

    private static CitedPassage cited(int n, String text) {
        // labels at both ends, so the check of what the answer draws on reads the passage too
        List<ClaimLabel> labels = List.of(new ClaimLabel("a#0", 0, 0, Math.min(200, text.length()), "vague_attribution", "experts say",
                "Cites experts."), new ClaimLabel("a#0", 1, Math.max(0, text.length() - 200), text.length(), "speculation", "could", "Guesses."));
        return new CitedPassage(n, passage(text), "Alpha Beta report", labels);
    }
}
