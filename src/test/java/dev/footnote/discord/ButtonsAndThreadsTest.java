package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Turn;
import dev.footnote.store.StoredSettings;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer buttons, follow-up threads, questions written as messages, and the router's refusals. */
class ButtonsAndThreadsTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";
    static final String BOT = "800000000000000001";

    @TempDir
    Path dir;

    BotFixture fx;
    Features features;
    AnswerService.Result answer;

    @BeforeEach
    void setUp() {
        fx = new BotFixture(dir);
        features = new Features(fx.ctx);
        answer = fx.ctx.answers().ask(QUESTION, null, List.of(), "discord:" + Fake.GUILD);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private void click(String customId, Fake.Who who, Fake.Sent sent) {
        router().onButtonInteraction(Fake.button(customId, who, sent));
    }

    private InteractionRouter router() {
        return new InteractionRouter(features.commands, features.buttons, fx.ctx.working());
    }

    @Test
    void sourcesShowsTheQuotedPassagesOnlyToWhoeverClicked() {
        Fake.Sent sent = new Fake.Sent();
        click("fn:sources:" + answer.id(), Fake.Who.member(), sent);
        assertThat(sent.ephemeral).containsExactly(true);
        assertThat(sent.reply()).startsWith("**[1] Lowmere's Harbor Bridge reopens after eighteen months of repairs — <https://")
                .contains("> The Harbor Bridge in the fictional town of Lowmere", "41.3 million euros", "passage `lowmere-s-harbor-bridge-reopens-after#0`");
    }

    @Test
    void votesAreStoredWithTheAnswerAndASecondVoteReplacesTheFirst() {
        Fake.Sent up = new Fake.Sent();
        click("fn:up:" + answer.id(), Fake.Who.member(), up);
        assertThat(up.reply()).startsWith("Thanks, your 👍 is recorded");
        assertThat(up.ephemeral).containsExactly(true);
        assertThat(fx.app.storage().feedback().votes(answer.id())).containsExactly(1, 0);

        click("fn:down:" + answer.id(), Fake.Who.member(), new Fake.Sent());
        assertThat(fx.app.storage().feedback().votes(answer.id())).containsExactly(0, 1);

        Fake.Sent gone = new Fake.Sent();
        click("fn:up:999999", Fake.Who.member(), gone);
        assertThat(gone.reply()).isEqualTo("That answer is no longer stored.");
    }

    @Test
    void buttonsFromAnotherVersionAreExplained() {
        Fake.Sent sent = new Fake.Sent();
        click("legacy-button-42", Fake.Who.member(), sent);
        assertThat(sent.reply()).isEqualTo(InteractionRouter.OLD_BUTTON);
        Fake.Sent unknown = new Fake.Sent();
        click("fn:teleport:1", Fake.Who.member(), unknown);
        assertThat(unknown.reply()).isEqualTo(InteractionRouter.OLD_BUTTON);
    }

    @Test
    void aHandlerThatThrowsStillLeavesOnePlainSentence() {
        ButtonAction broken = new ButtonAction() {
            @Override
            public String action() {
                return "broken";
            }

            @Override
            public void handle(ButtonInteractionEvent event, ButtonId id) {
                throw new IllegalStateException("NullPointer somewhere deep");
            }
        };
        Fake.Sent sent = new Fake.Sent();
        new InteractionRouter(List.of(), List.of(broken), fx.ctx.working()).onButtonInteraction(Fake.button("fn:broken:1", Fake.Who.member(), sent));
        assertThat(sent.reply()).isEqualTo(Working.BROKEN);
    }

    @Test
    void whileShuttingDownNewRequestsAreTurnedAwayPolitely() {
        fx.ctx.working().shutdown(Duration.ZERO);
        Fake.Sent sent = new Fake.Sent();
        router().onSlashCommandInteraction(Fake.slash("ask", java.util.Map.of("question", QUESTION), Fake.Who.member(), sent));
        assertThat(sent.reply()).isEqualTo(Working.RESTARTING);
        assertThat(sent.deferred).isEmpty();
    }

    @Test
    void followUpOpensAThreadOnTheAnswerAndRemembersTheConversation() throws Exception {
        Fake.Sent sent = new Fake.Sent();
        ButtonInteractionEvent e = Fake.button("fn:follow:" + answer.id(), Fake.Who.member(), sent);
        Message message = mock(Message.class);
        lenient().when(message.getId()).thenReturn("610000000000000001");
        lenient().when(e.getMessage()).thenReturn(message);
        ThreadChannel thread = mock(ThreadChannel.class);
        lenient().when(thread.getId()).thenReturn("610000000000000001");
        MessageCreateAction intro = mock(MessageCreateAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        List<MessageCreateData> inThread = new CopyOnWriteArrayList<>();
        lenient().when(thread.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            inThread.add(inv.getArgument(0));
            return intro;
        });
        ThreadChannelAction create = mock(ThreadChannelAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(message.createThreadChannel(anyString())).thenReturn(create);
        doAnswer(inv -> {
            inv.<Consumer<ThreadChannel>>getArgument(0).accept(thread);
            return null;
        }).when(create).queue(any(), any());

        router().onButtonInteraction(e);

        verify(message).createThreadChannel("Follow-up: " + QUESTION);
        assertThat(sent.deferred).containsExactly(true);
        assertThat(sent.awaitEdit(x -> true).getContent()).isEqualTo("Opened <#610000000000000001> for your follow-up questions.");
        assertThat(inThread).extracting(MessageCreateData::getContent).containsExactly(FollowUpButton.INTRO);
        assertThat(fx.ctx.discord().thread("610000000000000001")).get()
                .satisfies(t -> assertThat(t.answerId()).isEqualTo(answer.id()));
        assertThat(fx.ctx.discord().turns("610000000000000001", 10)).containsExactly(new ThreadTurn(QUESTION, answer.answer().answer()));

        Fake.Sent again = new Fake.Sent();
        ButtonInteractionEvent e2 = Fake.button("fn:follow:" + answer.id(), Fake.Who.member(), again);
        lenient().when(e2.getMessage()).thenReturn(message);
        router().onButtonInteraction(e2);
        assertThat(again.reply()).isEqualTo("Follow-ups on this answer are in <#610000000000000001>.");
        verify(message).createThreadChannel(anyString());
    }

    @Test
    void aMessageInAFollowUpThreadIsAnsweredWithTheThreadsHistory() throws Exception {
        String threadId = "620000000000000001";
        fx.ctx.discord().openThread(new ThreadInfo(threadId, Fake.GUILD, answer.id(), null),
                new ThreadTurn(QUESTION, answer.answer().answer()));
        Written w = written(threadId, true, "What was the overrun attributed to?", false);
        AnswerService service = spy(fx.ctx.answers());

        new Features(fx.with(service)).messages.onMessageReceived(w.event);

        MessageCreateData reply = w.awaitReply();
        assertThat(reply.getContent()).contains("welders", "[1]");
        verify(service).ask(eq("What was the overrun attributed to?"), isNull(),
                eq(List.of(new Turn(QUESTION, answer.answer().answer()))), eq("discord:" + Fake.GUILD), any());
        assertThat(reply.getAllowedMentions()).isEmpty();
        assertThat(reply.isMentionRepliedUser()).isFalse();
        assertThat(AskSlashCommandTest.buttonIds(reply.getComponents().stream().map(c -> (net.dv8tion.jda.api.components.actionrow.ActionRow) c).toList()))
                .as("no follow-up button inside the thread").noneMatch(id -> id.startsWith("fn:follow:"));
        AskSlashCommandTest.waitFor(() -> fx.ctx.discord().turns(threadId, 10).size() == 2);
        assertThat(fx.ctx.discord().turns(threadId, 10).get(1).question()).isEqualTo("What was the overrun attributed to?");
    }

    @Test
    void mentionsAskOnlyWhereTheServerTurnedItOnAndBotsAreIgnored() throws Exception {
        Written off = written(Fake.CHANNEL, false, "<@" + BOT + "> How much did the Harbor Bridge repairs cost?", true);
        features.messages.onMessageReceived(off.event);
        verify(off.message, never()).reply(any(MessageCreateData.class));

        fx.ctx.discord().saveSettings(Fake.GUILD, new StoredSettings(null, null, null, true), "mod");
        Written on = written(Fake.CHANNEL, false, "<@" + BOT + "> How much did the Harbor Bridge repairs cost?", true);
        features.messages.onMessageReceived(on.event);
        assertThat(on.awaitReply().getContent()).contains("41.3 million euros");

        Written bot = written(Fake.CHANNEL, false, "<@" + BOT + "> How much did the Harbor Bridge repairs cost?", true);
        lenient().when(bot.author.isBot()).thenReturn(true);
        features.messages.onMessageReceived(bot.event);
        verify(bot.message, never()).reply(any(MessageCreateData.class));
    }

    /** A member's message and what the bot replied to it. */
    record Written(MessageReceivedEvent event, Message message, User author, List<MessageCreateData> replies) {
        MessageCreateData awaitReply() throws InterruptedException {
            AskSlashCommandTest.waitFor(() -> !replies.isEmpty() && !replies.get(0).getContent().isEmpty());
            return replies.get(0);
        }
    }

    private static Written written(String channelId, boolean thread, String content, boolean mentionsBot) {
        MessageReceivedEvent e = mock(MessageReceivedEvent.class);
        Message m = mock(Message.class);
        User author = mock(User.class);
        lenient().when(author.getId()).thenReturn(Fake.USER);
        lenient().when(e.isFromGuild()).thenReturn(true);
        lenient().when(e.isFromThread()).thenReturn(thread);
        lenient().when(e.getAuthor()).thenReturn(author);
        lenient().when(e.getMessage()).thenReturn(m);
        var guild = Fake.guild();
        lenient().when(e.getGuild()).thenReturn(guild);
        MessageChannelUnion channel = thread ? Fake.thread(channelId) : Fake.channel(channelId);
        lenient().when(e.getChannel()).thenReturn(channel);
        lenient().when(m.getChannel()).thenReturn(channel);
        RestAction<Void> typing = mock(RestAction.class);
        lenient().when(channel.sendTyping()).thenReturn(typing);
        JDA jda = mock(JDA.class);
        SelfUser self = mock(SelfUser.class);
        lenient().when(self.getId()).thenReturn(BOT);
        lenient().when(self.getIdLong()).thenReturn(Long.parseLong(BOT));
        lenient().when(jda.getSelfUser()).thenReturn(self);
        lenient().when(e.getJDA()).thenReturn(jda);
        Mentions mentions = mock(Mentions.class);
        lenient().when(mentions.isMentioned(self, Message.MentionType.USER)).thenReturn(mentionsBot);
        lenient().when(m.getMentions()).thenReturn(mentions);
        lenient().when(m.getContentRaw()).thenReturn(content);
        List<MessageCreateData> replies = new CopyOnWriteArrayList<>();
        MessageCreateAction action = mock(MessageCreateAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(m.reply(any(MessageCreateData.class))).thenAnswer(inv -> {
            replies.add(inv.getArgument(0));
            return action;
        });
        lenient().when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            replies.add(inv.getArgument(0));
            return action;
        });
        return new Written(e, m, author, replies);
    }
}
