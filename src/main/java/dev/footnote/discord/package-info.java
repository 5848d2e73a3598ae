/**
 * The Discord bot (JDA): {@link dev.footnote.discord.FootnoteBot} routes slash commands (the
 * {@code ...SlashCommand} classes), buttons and thread messages to the same answer service as the
 * command line. An entry point: only cli's {@code bot} command starts it, through
 * {@link dev.footnote.discord.BotLauncher}, and no other package imports it. Uses {@code dev.footnote.app}
 * for the wiring and {@code UserException}, and answer, config, feeds, ingest, store and text.
 */
package dev.footnote.discord;
