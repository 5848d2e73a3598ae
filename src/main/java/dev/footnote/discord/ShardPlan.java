package dev.footnote.discord;

import dev.footnote.app.UserException;
import dev.footnote.config.DiscordConfig;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which gateway shards this process runs: ids {@code first} to {@code last} of {@code total}, or,
 * with {@code total} {@link #AUTO}, every shard of as many as Discord recommends (known only once
 * logged in). Discord sends a server's events down shard {@code (server id >> 22) % total}, and
 * direct messages down shard 0, so processes running disjoint ranges of one total split the servers.
 */
record ShardPlan(int first, int last, int total) {

    static final int AUTO = -1;
    /** One connection for every server, as a bot without discord.shards or --shards runs. */
    static final ShardPlan SINGLE = new ShardPlan(0, 0, 1);

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?/(\\d{1,6})");

    /** The plan discord.shards asks for (one connection when unset); a --shards flag wins over it. */
    static ShardPlan of(DiscordConfig config) {
        int n = config.shardCount();
        return n == 0 ? SINGLE : n == AUTO ? new ShardPlan(0, 0, AUTO) : new ShardPlan(0, n - 1, n);
    }

    /** "0-3/8" (shards 0 to 3 of 8), "2/8" (shard 2 of 8), "8" (all 8 here) or "auto". */
    static ShardPlan parse(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("auto")) {
            return new ShardPlan(0, 0, AUTO);
        }
        if (s.matches("\\d{1,6}")) {
            int n = Integer.parseInt(s);
            check(n >= 1 && n <= DiscordConfig.MAX_SHARDS, text, "the number of shards must be from 1 to " + DiscordConfig.MAX_SHARDS);
            return new ShardPlan(0, n - 1, n);
        }
        Matcher m = RANGE.matcher(s);
        check(m.matches(), text, "write FIRST-LAST/TOTAL (0-3/8: shards 0 to 3 of 8), ID/TOTAL (2/8), TOTAL or auto");
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        check(total >= 1 && total <= DiscordConfig.MAX_SHARDS, text, "the total must be from 1 to " + DiscordConfig.MAX_SHARDS);
        check(first <= last, text, "the first shard must not come after the last");
        check(last < total, text, "shard ids go from 0 to " + (total - 1) + " of " + total);
        return new ShardPlan(first, last, total);
    }

    private static void check(boolean ok, String text, String problem) {
        if (!ok) {
            throw new UserException("--shards " + DiscordFormat.oneLine(text.strip(), 40) + ": " + problem + ".");
        }
    }

    boolean auto() {
        return total == AUTO;
    }

    /** The shard ids this process runs; all of them when {@link #auto}, once {@code knownTotal} is known. */
    List<Integer> ids(int knownTotal) {
        return auto() ? IntStream.range(0, knownTotal).boxed().toList() : IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** "shard 2 of 8", "shards 0-3 of 8", "1 shard". */
    static String describe(List<Integer> ids, int total) {
        if (total == 1) {
            return "1 shard";
        }
        if (ids.size() == total) {
            return "all " + total + " shards";
        }
        return ids.size() == 1 ? "shard " + ids.get(0) + " of " + total
                : "shards " + ids.get(0) + "-" + ids.get(ids.size() - 1) + " of " + total;
    }
}
