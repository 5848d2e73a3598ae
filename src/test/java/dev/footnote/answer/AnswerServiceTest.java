package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.footnote.TestArticles;
import dev.footnote.retrieve.Retriever;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerServiceTest {

    @TempDir
    Path dir;
    Storage store;
    Retriever retriever;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dir.resolve("a.db"));
        TestArticles.ingest(store, dir);
        retriever = new Retriever(store.keywords(), Retriever.Options.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private AnswerService service(Answerer answerer, AnswerChecker checker) {
        return new AnswerService(store, retriever, answerer, checker, AnswerService.Options.defaults(), "test-v1");
    }

    @Test
    void mapsCitationsToTheNumberedPassagesAndRecordsTheAnswer() {
        Answerer fake = mock(Answerer.class);
        when(fake.provider()).thenReturn("fake");
        when(fake.answer(anyString(), anyList(), anyList(), any())).thenAnswer(inv -> {
            List<NumberedPassage> given = inv.getArgument(1);
            assertThat(given).isNotEmpty();
            return new Draft("The repairs cost 41.3 million euros [1]. Also [9] and [1].", false, "m1", 10, 5);
        });
        AnswerChecker checker = (text, given) -> List.of(new Flag(2, Flag.BAD_CITATION, 9, "[9]", "no passage 9"));
        AnswerService.Result r = service(fake, checker).ask("How much did the bridge repairs cost?", null, List.of(), "test");
        assertThat(r.answer().refused()).isFalse();
        assertThat(r.answer().citations()).singleElement().satisfies(c -> {
            assertThat(c.n()).isEqualTo(1);
            assertThat(c.title()).isEqualTo("Harbor Bridge reopens");
            assertThat(c.quote()).isEqualTo(r.given().get(0).passage().text());
            assertThat(c.passageId()).isEqualTo(r.given().get(0).passage().id());
        });
        assertThat(r.answer().flags()).extracting(Flag::kind).containsExactly(Flag.BAD_CITATION);
        AnswerRecord rec = store.answers().get(r.id()).orElseThrow();
        assertThat(rec.provider()).isEqualTo("fake");
        assertThat(rec.model()).isEqualTo("m1");
        assertThat(rec.promptVersion()).isEqualTo("test-v1");
        assertThat(rec.flagCount()).isEqualTo(1);
        assertThat(rec.inputTokens()).isEqualTo(10);
        assertThat(rec.passagesJson()).contains(r.given().get(0).passage().id());
    }

    @Test
    void irrelevantQuestionsAreRefusedWithoutCallingTheAnswerer() {
        Answerer fake = mock(Answerer.class);
        when(fake.provider()).thenReturn("fake");
        AnswerService.Result r = service(fake, AnswerChecker.NONE).ask("Which planet did Voyager photograph last week?", null, List.of(), "t");
        assertThat(r.answer().refused()).isTrue();
        assertThat(r.answer().answer()).isEqualTo(Answer.NOT_FOUND);
        assertThat(r.answer().citations()).isEmpty();
        verify(fake, never()).answer(any(), any(), any(), any());
        assertThat(store.answers().get(r.id()).orElseThrow().refused()).isTrue();
    }

    @Test
    void badQuestionsGetClearMessages() {
        AnswerService s = service(mock(Answerer.class), AnswerChecker.NONE);
        assertThatThrownBy(() -> s.ask("   ", null, List.of(), "t")).isInstanceOf(AnswerException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> s.ask("x".repeat(10_000), null, List.of(), "t")).hasMessageContaining("10000 characters");
        assertThatThrownBy(() -> s.ask("?!?! ...", null, List.of(), "t")).hasMessageContaining("no words");
    }

    @Test
    void mentionsInAnswersAreNeutralised() {
        Answerer fake = mock(Answerer.class);
        when(fake.provider()).thenReturn("fake");
        when(fake.answer(anyString(), anyList(), anyList(), any())).thenReturn(new Draft("Ping @everyone and <@123> [1].", false, "m", null, null));
        AnswerService.Result r = service(fake, AnswerChecker.NONE).ask("bridge repairs cost", null, List.of(), "t");
        assertThat(r.answer().answer()).doesNotContain("@everyone", "<@123>");
    }

    @Test
    void followUpsUseThePreviousQuestionForTheirTopic() {
        AnswerService s = service(new ExtractiveAnswerer(retriever::idf, ExtractiveAnswerer.Options.defaults()), AnswerChecker.NONE);
        AnswerService.Result r = s.ask("what about the cost?", null,
                List.of(new Turn("When did the Harbor Bridge reopen?", "On Friday [1].")), "t");
        assertThat(r.answer().refused()).isFalse();
        assertThat(r.answer().answer()).contains("41.3 million");
    }

    @Test
    void summarizesByIdOrTitleAndExplainsAmbiguity() {
        AnswerService s = service(new ExtractiveAnswerer(retriever::idf, ExtractiveAnswerer.Options.defaults()), AnswerChecker.NONE);
        AnswerService.Result r = s.summarize("harbor bridge", "t");
        assertThat(r.answer().refused()).isFalse();
        assertThat(r.answer().citations()).isNotEmpty().allSatisfy(c -> assertThat(c.articleId()).isEqualTo("harbor-bridge-reopens"));
        assertThatThrownBy(() -> s.summarize("nothing like this", "t")).hasMessageContaining("No article matches");
        assertThatThrownBy(() -> s.summarize("e", "t")).hasMessageContaining("matches 3 articles");
    }

    @Test
    void citationNumbersParseInAllCommonForms() {
        assertThat(AnswerService.citedNumbers("a [1] b [2, 3] c [4-5] d [6][7] e [x] f [99999]"))
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
}
