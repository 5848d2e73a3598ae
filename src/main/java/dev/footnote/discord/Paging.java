package dev.footnote.discord;

import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/** Previous / Next buttons of a stored listing. */
final class Paging {

    private Paging() {
    }

    /**
     * No buttons for a single page; otherwise ◀ and ▶, disabled at the ends. Each names the page it
     * leads to, so the two ids always differ, as Discord requires within a message.
     */
    static List<ActionRow> rows(String action, long viewId, int page, int pages) {
        if (pages <= 1) {
            return List.of();
        }
        Button prev = Button.secondary(ButtonId.of(action, viewId, Math.max(0, page - 1)).toString(), "◀ Previous")
                .withDisabled(page == 0);
        Button next = Button.secondary(ButtonId.of(action, viewId, Math.min(pages - 1, page + 1)).toString(), "Next ▶")
                .withDisabled(page >= pages - 1);
        return List.of(ActionRow.of(prev, next));
    }

    static int clamp(int page, int pages) {
        return Math.max(0, Math.min(page, pages - 1));
    }
}
