package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.answer.Flag;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.AnswerLog;
import dev.footnote.store.Since;
import dev.footnote.store.View;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /flags [since]}: moderators review recent answers that carried flags: the question, the
 * flagged sentences and the 👍/👎 they got. Paged with buttons; only the moderator sees it.
 */
final class FlagsCommand implements SlashCommand, ButtonAction {

    static final String ACTION = "flags";
    static final int MAX_ANSWERS = 100;
    static final int PAGE_CHARS = 1800;
    private static final List<String> SUGGESTIONS = List.of("1h", "24h", "7d", "30d");
    private static final SentenceSplitter SENTENCES = new SentenceSplitter();

    private final BotContext ctx;
    private final AnswerLog flagged;

    FlagsCommand(BotContext ctx) {
        this.ctx = ctx;
        this.flagged = ctx.storage().answers();
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("flags", "Moderators: recent answers that carried flags")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, "since", "How far back: 24h, 7d, or a date like 2026-11-01 (default 7d)", false, true));
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.moderator(ctx, e)) {
            return;
        }
        Instant since;
        try {
            since = since(Interactions.option(e, "since"), Instant.now());
        } catch (AnswerException ex) {
            Interactions.refuse(e, ex.getMessage());
            return;
        }
        // Only this server's answers: other servers' questions, and the CLI's, are not its moderators' to read.
        List<AnswerRecord> records = flagged.flaggedOfServer(e.getGuild() == null ? null : e.getGuild().getId(), since, Long.MAX_VALUE, MAX_ANSWERS);
        long until = records.isEmpty() ? 0 : records.get(0).id();
        List<String> pages = pages(records, since);
        long viewId = pages.size() > 1 ? ctx.discord().saveView(ACTION, Map.of("since", since.toString(), "until", until)) : 0;
        e.reply(Messages.create(pages.get(0), Paging.rows(ACTION, viewId, 0, pages.size()))).setEphemeral(true).queue();
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        if (!Interactions.moderator(ctx, e)) {
            return;
        }
        View view = ctx.discord().view(id.ref()).filter(v -> ACTION.equals(v.kind())).orElse(null);
        if (view == null) {
            Interactions.refuse(e, "This list has expired; run /flags again.");
            return;
        }
        Instant since = Instant.parse(view.string("since"));
        long until = view.number("until", Long.MAX_VALUE);
        List<AnswerRecord> records = flagged.flaggedOfServer(e.getGuild() == null ? null : e.getGuild().getId(), since, until, MAX_ANSWERS);
        List<String> pages = pages(records, since);
        int page = Paging.clamp(id.page(), pages.size());
        e.editMessage(Messages.edit(pages.get(page), Paging.rows(ACTION, view.id(), page, pages.size()))).queue();
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent e) {
        boolean mod = e.getGuild() != null && ctx.settings(e.getGuild()).isModerator(e.getMember());
        e.replyChoices(mod ? Interactions.stringChoices(SUGGESTIONS, e.getFocusedOption().getValue()) : List.of()).queue();
    }

    /** "24h", "7d", "2w", "30m" ago, or a date (UTC midnight); 7 days when empty. */
    static Instant since(String text, Instant now) {
        try {
            return Since.parse(text, now);
        } catch (IllegalArgumentException e) {
            throw new AnswerException(e.getMessage());
        }
    }

    /** The listing in pages under Discord's limit; an answer is never split across pages. */
    List<String> pages(List<AnswerRecord> records, Instant since) {
        String head = "**" + DiscordFormat.plural(records.size(), "flagged answer", "flagged answers") + "** since "
                + since.toString().substring(0, 16).replace('T', ' ') + " UTC"
                + (records.size() >= MAX_ANSWERS ? " (the latest " + MAX_ANSWERS + ")" : "");
        if (records.isEmpty()) {
            return List.of(head + ". Nothing to review.");
        }
        List<String> pages = MessageSplitter.pack(records.stream().map(r -> MessageSplitter.Unit.atomic(item(r), "\n\n", null)).toList(),
                PAGE_CHARS);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            out.add(head + (pages.size() > 1 ? " · page " + (i + 1) + " of " + pages.size() : "") + "\n\n" + pages.get(i));
        }
        return out;
    }

    private String item(AnswerRecord r) {
        int[] votes = ctx.storage().feedback().votes(r.id());
        StringBuilder b = new StringBuilder("**#").append(r.id()).append("** · ")
                .append(r.createdAt() == null ? "" : r.createdAt().substring(0, Math.min(16, r.createdAt().length())).replace('T', ' '))
                .append(" · ").append(r.kind()).append(" · 👍 ").append(votes[0]).append(" · 👎 ").append(votes[1]).append('\n')
                .append("> ").append(DiscordFormat.oneLine(DiscordFormat.safe(r.question()), 200));
        List<Flag> flags = DiscordFormat.flags(r.flagsJson());
        List<Span> sentences = SENTENCES.split(r.answer() == null ? "" : r.answer());
        int shown = Math.min(4, flags.size());
        for (Flag f : flags.subList(0, shown)) {
            b.append("\n- ").append(DiscordFormat.where(f)).append(" — ").append(f.label());
            if (f.sentence() >= 1 && f.sentence() <= sentences.size()) {
                b.append(": \"").append(DiscordFormat.oneLine(DiscordFormat.safe(sentences.get(f.sentence() - 1).of(r.answer())), 200)).append('"');
            }
        }
        if (flags.size() > shown) {
            b.append("\n- and ").append(flags.size() - shown).append(" more");
        }
        return b.toString();
    }
}
