-- The Discord server an answer was asked in, read from its origin ('discord:<server id>', or
-- 'discord:<server id>:prompt-test'), so /flags can show a server only its own answers. NULL for
-- the CLI, chat and direct messages. Generated, so old answers have it too and it cannot disagree
-- with the origin.
ALTER TABLE answers ADD COLUMN guild_id TEXT GENERATED ALWAYS AS (
    CASE WHEN origin GLOB 'discord:[0-9]*' THEN
        substr(origin, 9, CASE WHEN instr(substr(origin, 9), ':') > 0 THEN instr(substr(origin, 9), ':') - 1
                               ELSE length(origin) END)
    END) VIRTUAL;
CREATE INDEX answers_guild_flagged ON answers(guild_id, flag_count, created_at);
