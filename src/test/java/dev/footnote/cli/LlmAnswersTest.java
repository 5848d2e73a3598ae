package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Flag;
import dev.footnote.app.App;
import dev.footnote.app.UserException;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.llm.Loopback;
import dev.footnote.store.AnswerRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole answering path with a language model: retrieval over the sample articles, the real
 * OpenAI-compatible LangChain4j client against a loopback server, citation mapping, flags and the
 * answer record.
 */
class LlmAnswersTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";

    @TempDir
    Path tmp;

    private final Loopback server = new Loopback();
    private App app;
    private ProviderOverride override;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    private AnswerService service(int k, int timeoutSeconds) {
        return app(k, timeoutSeconds).answerService(override);
    }

    private App app(int k, int timeoutSeconds) {
        FootnoteConfig cfg = new FootnoteConfig(null, null, null,
                new FootnoteConfig.RetrievalConfig(k, null, null, null, null), null,
                new LlmConfig(null, null, null, null, null, timeoutSeconds, 1, 0, null), null);
        app = new App(cfg, tmp.resolve("t.db"), new Secrets(Map.of()));
        override = new ProviderOverride("openai", server.url("/v1"), "loopback-model");
        app.offerSamples();
        return app;
    }

    @Test
    void citationsMapToTheNumberedPassagesAndEverythingIsRecorded() {
        AnswerService service = service(5, 5);
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1]. Every one of the 212 cables was replaced [2].", 812, 24));

        AnswerService.Result r = service.ask(QUESTION, null, List.of(), "test");

        Answer a = r.answer();
        assertThat(a.refused()).isFalse();
        assertThat(a.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(a.citations().get(0).passageId()).isEqualTo(r.given().get(0).passage().id());
        assertThat(a.citations().get(1).passageId()).isEqualTo(r.given().get(1).passage().id());
        assertThat(a.citations().get(0).quote()).contains("41.3 million euros");
        // With the claim checker wired in, sentence 1 is supported by [1]; only [2] (another article's
        // passage here) may be questioned, and never as a missing or invalid citation.
        assertThat(a.flags()).allSatisfy(f -> assertThat(f.sentence()).isEqualTo(2))
                .extracting(dev.footnote.answer.Flag::kind).doesNotContain("bad_citation", "uncited");

        String user = Loopback.body(server.take()).path("messages").get(1).path("content").asText();
        for (int i = 0; i < r.given().size(); i++) {
            assertThat(user).contains("<passage n=\"" + (i + 1) + "\"");
        }
        assertThat(user).contains(r.given().get(0).passage().text().strip());

        AnswerRecord rec = app.storage().answers().get(r.id()).orElseThrow();
        assertThat(rec.provider()).isEqualTo("openai");
        assertThat(rec.model()).isEqualTo("loopback-model");
        assertThat(rec.promptVersion()).isEqualTo(app.pipelines().forProvider(override).promptVersion()).startsWith("prompts-");
        assertThat(rec.inputTokens()).isEqualTo(812);
        assertThat(rec.outputTokens()).isEqualTo(24);
        assertThat(rec.passagesJson()).contains(r.given().get(0).passage().id());
        assertThat(rec.error()).isNull();
    }

    @Test
    void aCitationBeyondThePassagesGivenIsFlaggedAndIsNotASource() {
        AnswerService service = service(3, 5);
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1]. The mayor resigned over it [9].", 1, 1));

        AnswerService.Result r = service.ask(QUESTION, null, List.of(), "test");

        assertThat(r.given()).hasSize(3);
        assertThat(r.answer().citations()).extracting(Citation::n).containsExactly(1);
        assertThat(r.answer().flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.BAD_CITATION);
            assertThat(f.citation()).isEqualTo(9);
            assertThat(f.sentence()).isEqualTo(2);
        });
        assertThat(app.storage().answers().get(r.id()).orElseThrow().flagCount()).isEqualTo(1);
    }

    @Test
    void anAnswerWithNoCitationsIsFlagged() {
        AnswerService service = service(5, 5);
        server.enqueueJson(Loopback.openAi("The repairs were very expensive.", 1, 1));

        Answer a = service.ask(QUESTION, null, List.of(), "test").answer();

        assertThat(a.citations()).isEmpty();
        assertThat(a.flags()).extracting(Flag::kind).containsExactly(Flag.UNCITED);
        assertThat(Render.answer(a)).contains("no citation");
    }

    @Test
    void aRefusalHasNoSources() {
        AnswerService service = service(5, 5);
        server.enqueueJson(Loopback.openAi("The articles don't say.", 1, 1));

        AnswerService.Result r = service.ask(QUESTION, null, List.of(), "test");

        // The model read the passages and said they don't answer it: a refusal naming the closest article.
        assertThat(r.answer().refused()).isTrue();
        assertThat(r.answer().answer()).startsWith(Answer.NOT_FOUND).contains("The closest article is:");
        assertThat(r.answer().closest()).isNotNull();
        assertThat(r.answer().citations()).isEmpty();
        assertThat(app.storage().answers().get(r.id()).orElseThrow().refused()).isTrue();
    }

    @Test
    void aRewordedQuestionReachesTheModelAndOnlyAnOffTopicOneIsRefusedBeforeAsking() {
        AnswerService service = service(5, 5);
        // Few of its words are in the article: the old coverage gate refused it without asking.
        server.enqueueJson(Loopback.openAi("The overrun came from a shortage of specialist welders [1].", 1, 1));
        AnswerService.Result r = service.ask("Why did fixing the crossing in Lowmere go over what was planned?", null,
                List.of(), "test");
        int asked = server.requestCount();
        assertThat(asked).as("asked, and maybe asked for a second opinion").isBetween(1, 2);
        assertThat(r.answer().refused()).isFalse();
        assertThat(Loopback.body(server.take()).toString()).contains("Harbor Bridge");

        AnswerService.Result off = service.ask("Xylophone zeppelin quokka?", null, List.of(), "test");
        assertThat(off.answer().refused()).isTrue();
        assertThat(off.answer().closest()).isNull();
        assertThat(off.answer().answer()).isEqualTo(Answer.NOT_FOUND);
        assertThat(server.requestCount()).as("the model is not asked about nothing").isEqualTo(asked);
    }

    @Test
    void aTimedOutQuestionIsKeptForTheModerators() {
        AnswerService service = service(5, 1);
        server.enqueueHang(10, Loopback.openAi("late [1].", 1, 1));

        assertThatThrownBy(() -> service.ask(QUESTION, null, List.of(), "test"))
                .isInstanceOf(AnswerException.class)
                .hasMessageContaining("did not answer within 1 second");

        AnswerRecord rec = app.storage().answers().recent(null, false, 1).get(0);
        assertThat(rec.question()).isEqualTo(QUESTION);
        assertThat(rec.provider()).isEqualTo("openai");
        assertThat(rec.error()).contains("did not answer within 1 second");
    }

    @Test
    void chatFollowUpsSendTheEarlierTurn() {
        App a = app(5, 5);
        ChatSession chat = new ChatSession(a.answerService(override), a.storage(), 4);
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1].", 1, 1));
        server.enqueueJson(Loopback.openAi("About 3,400 passengers a day used the ferry [2].", 1, 1));

        chat.handle(QUESTION);
        server.take();
        chat.handle("What about the ferry during the Harbor Bridge closure?");

        JsonNode second = Loopback.body(server.take());
        String user = second.path("messages").get(1).path("content").asText();
        assertThat(user).contains("Q: " + QUESTION + "\nA: The repairs cost 41.3 million euros.");
        assertThat(user).contains("<question>What about the ferry during the Harbor Bridge closure?</question>");
    }

    @Test
    void summariesUseTheSummarizeTemplate() {
        AnswerService service = service(5, 5);
        server.enqueueJson(Loopback.openAi("The Harbor Bridge reopened after eighteen months [1].", 1, 1));

        AnswerService.Result r = service.summarize("harbor", "test");

        assertThat(r.answer().citations()).extracting(Citation::n).containsExactly(1);
        String user = Loopback.body(server.take()).path("messages").get(1).path("content").asText();
        assertThat(user).contains("passages of the article \"Lowmere's Harbor Bridge reopens").contains("Summarize the article");
    }

    @Test
    void providerOverridesAreChecked() {
        App a = new App(FootnoteConfig.defaults(), tmp.resolve("o.db"), new Secrets(Map.of()));
        assertThatThrownBy(() -> a.pipelines().check(new ProviderOverride("gpt", null, null)))
                .isInstanceOf(UserException.class).hasMessageContaining("Unknown provider 'gpt'");
        assertThatThrownBy(() -> a.pipelines().check(new ProviderOverride(null, null, "llama3")))
                .isInstanceOf(UserException.class).hasMessageContaining("--base-url and --model need a model provider");
        ProviderOverride anthropic = a.pipelines().check(new ProviderOverride("ANTHROPIC", null, null));
        assertThat(anthropic.provider()).isEqualTo("anthropic");
        assertThatThrownBy(() -> a.answerService(anthropic))
                .isInstanceOf(dev.footnote.config.ConfigException.class)
                .hasMessageStartingWith("The anthropic provider needs ANTHROPIC_API_KEY");
        a.close();
    }
}
