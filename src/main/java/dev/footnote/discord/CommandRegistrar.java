package dev.footnote.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.footnote.app.UserException;
import dev.footnote.store.Meta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands with Discord only when they changed. Discord rate-limits command
 * registration, so the fingerprint of what was last registered (the commands' JSON, the application
 * and the target) is kept in the {@code meta} table and a restart with the same commands sends nothing.
 * Of several processes sharing the bot's shards, one registers: the one running shard 0 for global
 * commands, the one running the shard of discord.commands-guild for that server's.
 */
final class CommandRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);
    static final String META_KEY = "discord.registered-commands";
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Meta store;

    CommandRegistrar(Meta store) {
        this.store = store;
    }

    /**
     * Registers {@code commands} globally, or in one server when {@code guildId} is set (instant, for
     * trying changes out). Returns true when it sent a registration; false too when another process
     * runs the shard that registers.
     */
    boolean registerIfChanged(ShardManager shards, List<SlashCommandData> commands, String guildId, boolean force) {
        int shard = guildId == null ? 0 : MiscUtil.getShardForGuild(guildId, shards.getShardsTotal());
        JDA jda = shards.getShardById(shard);
        if (jda == null) {
            LOG.info("slash commands are registered by the process running shard {}, not this one", shard);
            return false;
        }
        String target = jda.getSelfUser().getApplicationId() + (guildId == null ? ":global" : ":guild:" + guildId);
        String fingerprint = target + ":" + fingerprint(commands);
        if (!force && store.get(META_KEY).filter(fingerprint::equals).isPresent()) {
            LOG.info("slash commands unchanged since they were last registered; not registering again");
            return false;
        }
        if (guildId == null) {
            jda.updateCommands().addCommands(commands).complete();
        } else {
            Guild guild = jda.getGuildById(guildId);
            if (guild == null) {
                throw new UserException("The bot is not in the server " + guildId + " (discord.commands-guild); invite it there first.");
            }
            guild.updateCommands().addCommands(commands).complete();
        }
        store.put(META_KEY, fingerprint);
        LOG.info("registered {} slash commands ({})", commands.size(), target);
        return true;
    }

    /** SHA-256 of the commands' JSON with keys in a fixed order. */
    static String fingerprint(List<SlashCommandData> commands) {
        String json = DataArray.fromCollection(commands.stream().map(SlashCommandData::toData).toList()).toString();
        try {
            String canonical = CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
