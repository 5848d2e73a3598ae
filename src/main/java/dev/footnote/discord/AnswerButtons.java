package dev.footnote.discord;

import dev.footnote.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;

/** The buttons under an answer; their custom ids refer to the answer's record. */
final class AnswerButtons {

    static final String SOURCES = "sources";
    static final String UP = "up";
    static final String DOWN = "down";
    static final String FOLLOW_UP = "follow";

    private AnswerButtons() {
    }

    /** Sources (if it cites any), 👍, 👎 and, outside a follow-up thread, Ask a follow-up. */
    static List<ActionRow> rows(long answerId, Answer answer, boolean inThread) {
        if (answerId < 0) {
            return List.of(); // not recorded, so there is nothing for a button to refer to
        }
        List<Button> buttons = new ArrayList<>();
        if (!answer.citations().isEmpty()) {
            buttons.add(Button.secondary(ButtonId.of(SOURCES, answerId).toString(), "Sources"));
        }
        buttons.add(Button.secondary(ButtonId.of(UP, answerId).toString(), Emoji.fromUnicode("👍")));
        buttons.add(Button.secondary(ButtonId.of(DOWN, answerId).toString(), Emoji.fromUnicode("👎")));
        if (!inThread) {
            buttons.add(Button.primary(ButtonId.of(FOLLOW_UP, answerId).toString(), "Ask a follow-up"));
        }
        return List.of(ActionRow.of(buttons));
    }
}
