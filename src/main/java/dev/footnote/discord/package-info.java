/**
 * The Discord bot (JDA): {@link dev.footnote.discord.FootnoteBot} routes slash commands (the
 * {@code ...SlashCommand} classes), buttons and thread messages to the same answer service as the
 * command line. An entry point: nothing imports it but the launcher, {@code dev.footnote.Footnote},
 * which registers {@link dev.footnote.discord.BotCommand} ({@code footnote bot}); the bot's parts meet
 * in {@link dev.footnote.discord.BotLauncher}. Uses {@code dev.footnote.app} for the wiring and
 * {@code UserException}, and answer, config, feeds, ingest, store and text.
 */
package dev.footnote.discord;
