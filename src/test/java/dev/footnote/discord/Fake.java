package dev.footnote.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.IThreadContainerUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Mockito stand-ins for JDA's interaction events that record what a handler sent: immediate replies
 * (and whether they were ephemeral), the deferral, edits of the original response and follow-ups.
 */
final class Fake {

    static final String GUILD = "900000000000000001";
    static final String CHANNEL = "900000000000000002";
    static final String USER = "900000000000000003";

    /** A member of the test server. */
    record Who(String userId, boolean manageMessages, List<String> roleIds) {
        static Who member() {
            return new Who(USER, false, List.of());
        }

        static Who moderator() {
            return new Who(USER, true, List.of());
        }

        static Who withRole(String roleId) {
            return new Who(USER, false, List.of(roleId));
        }
    }

    /** Everything a handler sent back for one interaction. */
    static final class Sent {
        final List<MessageCreateData> replies = new CopyOnWriteArrayList<>();
        final List<Boolean> ephemeral = new CopyOnWriteArrayList<>();
        final List<Boolean> deferred = new CopyOnWriteArrayList<>();
        final List<MessageEditData> edits = new CopyOnWriteArrayList<>();
        final List<MessageCreateData> followUps = new CopyOnWriteArrayList<>();
        final List<MessageEditData> componentEdits = new CopyOnWriteArrayList<>();
        final List<Collection<Command.Choice>> choices = new CopyOnWriteArrayList<>();
        final InteractionHook hook = mock(InteractionHook.class);

        String reply() {
            return replies.isEmpty() ? null : replies.get(0).getContent();
        }

        List<String> editContents() {
            return edits.stream().map(MessageEditData::getContent).toList();
        }

        /** Waits for an edit matching {@code p} (answers are written on a worker thread). */
        MessageEditData awaitEdit(Predicate<MessageEditData> p) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < end) {
                for (MessageEditData e : edits) {
                    if (p.test(e)) {
                        return e;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no matching edit within 10 s; edits: " + editContents() + ", replies: "
                    + replies.stream().map(MessageCreateData::getContent).toList());
        }
    }

    private Fake() {
    }

    /**
     * A subcommand ({@code /name sub}) whose options answer both as text and as a mentionable
     * (a channel or role option carries the id), as the settings and feeds commands read them.
     */
    static SlashCommandInteractionEvent subcommand(String name, String sub, Map<String, String> options, Who who, Sent sent) {
        SlashCommandInteractionEvent e = slash(name, Map.of(), who, sent);
        lenient().when(e.getSubcommandName()).thenReturn(sub);
        options.forEach((k, v) -> {
            OptionMapping o = mock(OptionMapping.class);
            lenient().when(o.getAsString()).thenReturn(v);
            net.dv8tion.jda.api.entities.IMentionable target = mock(net.dv8tion.jda.api.entities.IMentionable.class);
            lenient().when(target.getId()).thenReturn(v);
            lenient().when(o.getAsMentionable()).thenReturn(target);
            lenient().when(e.getOption(k)).thenReturn(o);
        });
        return e;
    }

    static SlashCommandInteractionEvent slash(String name, Map<String, String> options, Who who, Sent sent) {
        SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
        lenient().when(e.getName()).thenReturn(name);
        options.forEach((k, v) -> {
            OptionMapping o = mock(OptionMapping.class);
            lenient().when(o.getAsString()).thenReturn(v);
            lenient().when(o.getName()).thenReturn(k);
            lenient().when(e.getOption(k)).thenReturn(o);
        });
        callback(e, who, sent, channel(CHANNEL));
        return e;
    }

    static ButtonInteractionEvent button(String customId, Who who, Sent sent) {
        ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
        lenient().when(e.getComponentId()).thenReturn(customId);
        MessageEditCallbackAction edit = mock(MessageEditCallbackAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(e.editMessage(any(MessageEditData.class))).thenAnswer(inv -> {
            sent.componentEdits.add(inv.getArgument(0));
            return edit;
        });
        callback(e, who, sent, channel(CHANNEL));
        return e;
    }

    static CommandAutoCompleteInteractionEvent autocomplete(String command, String option, String typed, Who who, Sent sent) {
        CommandAutoCompleteInteractionEvent e = mock(CommandAutoCompleteInteractionEvent.class);
        lenient().when(e.getName()).thenReturn(command);
        OptionMapping o = mock(OptionMapping.class);
        lenient().when(o.getName()).thenReturn(option);
        lenient().when(o.getType()).thenReturn(OptionType.STRING);
        lenient().when(o.getAsString()).thenReturn(typed);
        AutoCompleteQuery q = new AutoCompleteQuery(o);
        lenient().when(e.getFocusedOption()).thenReturn(q);
        Guild guild = guild();
        lenient().when(e.getGuild()).thenReturn(guild);
        Member m = member(who);
        lenient().when(e.getMember()).thenReturn(m);
        AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(e.replyChoices(any(Collection.class))).thenAnswer(inv -> {
            sent.choices.add(new ArrayList<>(inv.<Collection<Command.Choice>>getArgument(0)));
            return action;
        });
        return e;
    }

    /** Wires the reply, deferral and hook of any interaction mock to {@code sent}. */
    static void callback(IReplyCallback e, Who who, Sent sent, MessageChannelUnion channel) {
        Guild guild = guild();
        Member member = member(who);
        User user = member.getUser();
        lenient().when(e.getGuild()).thenReturn(guild);
        lenient().when(e.getMember()).thenReturn(member);
        lenient().when(e.getUser()).thenReturn(user);
        lenient().when(e.getChannel()).thenReturn(channel);
        lenient().when(e.getHook()).thenReturn(sent.hook);

        ReplyCallbackAction replyAction = mock(ReplyCallbackAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(replyAction.setEphemeral(anyBoolean())).thenAnswer(inv -> {
            sent.ephemeral.add(inv.getArgument(0));
            return replyAction;
        });
        lenient().when(e.reply(any(MessageCreateData.class))).thenAnswer(inv -> {
            sent.replies.add(inv.getArgument(0));
            lenient().when(e.isAcknowledged()).thenReturn(true);
            return replyAction;
        });
        ReplyCallbackAction deferAction = mock(ReplyCallbackAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(e.deferReply(anyBoolean())).thenAnswer(inv -> {
            sent.deferred.add(inv.getArgument(0));
            lenient().when(e.isAcknowledged()).thenReturn(true);
            return deferAction;
        });

        WebhookMessageEditAction<?> editAction = mock(WebhookMessageEditAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(sent.hook.editOriginal(any(MessageEditData.class))).thenAnswer(inv -> {
            sent.edits.add(inv.getArgument(0));
            return editAction;
        });
        WebhookMessageCreateAction<?> createAction = mock(WebhookMessageCreateAction.class, withSettings().defaultAnswer(RETURNS_SELF));
        lenient().when(sent.hook.sendMessage(any(MessageCreateData.class))).thenAnswer(inv -> {
            sent.followUps.add(inv.getArgument(0));
            return createAction;
        });
    }

    static Guild guild() {
        Guild g = mock(Guild.class);
        lenient().when(g.getId()).thenReturn(GUILD);
        lenient().when(g.getIdLong()).thenReturn(Long.parseLong(GUILD));
        return g;
    }

    static Member member(Who who) {
        Member m = mock(Member.class);
        User u = mock(User.class);
        lenient().when(u.getId()).thenReturn(who.userId());
        lenient().when(m.getUser()).thenReturn(u);
        lenient().when(m.getId()).thenReturn(who.userId());
        lenient().when(m.hasPermission(Permission.MESSAGE_MANAGE)).thenReturn(who.manageMessages());
        List<Role> roles = new ArrayList<>();
        for (String id : who.roleIds()) {
            Role r = mock(Role.class);
            lenient().when(r.getId()).thenReturn(id);
            lenient().when(r.getName()).thenReturn("role-" + id);
            roles.add(r);
        }
        lenient().when(m.getRoles()).thenReturn(roles);
        return m;
    }

    static MessageChannelUnion channel(String id) {
        MessageChannelUnion c = mock(MessageChannelUnion.class);
        lenient().when(c.getId()).thenReturn(id);
        lenient().when(c.getName()).thenReturn("general");
        return c;
    }

    /** A thread (as the union JDA hands out) under the test channel. */
    static MessageChannelUnion thread(String id) {
        MessageChannelUnion c = mock(MessageChannelUnion.class, withSettings().extraInterfaces(ThreadChannel.class));
        lenient().when(c.getId()).thenReturn(id);
        lenient().when(c.getName()).thenReturn("Follow-up");
        IThreadContainerUnion parent = mock(IThreadContainerUnion.class);
        lenient().when(parent.getId()).thenReturn(CHANNEL);
        lenient().when(parent.getName()).thenReturn("general");
        lenient().when(((ThreadChannel) c).getParentChannel()).thenReturn(parent);
        return c;
    }
}
