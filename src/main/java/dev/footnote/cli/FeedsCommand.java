package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import dev.footnote.feeds.FeedParser;
import dev.footnote.feeds.FeedPoller;
import dev.footnote.ingest.FetchException;
import dev.footnote.store.Feed;
import dev.footnote.store.FeedStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code footnote feeds add|list|remove|poll}: RSS and Atom feeds polled into the store. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "RSS and Atom feeds whose items are ingested as articles.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class, FeedsCommand.Poll.class},
        footer = {"", "Examples:", "  footnote feeds add https://example.org/news/rss.xml",
                "  footnote feeds poll --json", "  footnote feeds remove 2"})
final class FeedsCommand implements Callable<Integer> {

    /** Exit code of a poll in which a feed failed (as ingest's for a rejected input): the other feeds were read. */
    static final int SOME_FAILED = ExitCodes.PARTLY;

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a feed: fetch it once and say what it holds.",
            footer = {"", "Examples:", "  footnote feeds add https://example.org/news/rss.xml", "  footnote feeds add https://example.org/atom.xml --json"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "URL", description = "The feed's address (RSS or Atom).")
        String url;
        @Option(names = "--json", description = "Print {\"feed\": {...}, \"items\": N} as JSON.")
        boolean json;

        @Override
        public Integer call() {
            App app = feeds.root.app();
            PrintWriter out = spec.commandLine().getOut();
            FeedPoller.Added a;
            try {
                a = app.feedPoller().add(url, "cli");
            } catch (FetchException | FeedParser.FeedFormatException e) {
                throw new UserException("Could not add the feed " + url.strip() + ": " + e.getMessage() + ".");
            }
            if (json) {
                out.println(Render.json(Map.of("feed", feedJson(a.feed()), "items", a.items())));
            } else {
                out.println("Added feed " + a.feed().id() + ": " + title(a.feed()) + " (" + a.items() + " item"
                        + (a.items() == 1 ? "" : "s") + "). Run 'footnote feeds poll' to read them in.");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the feeds, when each was last read and its last error.",
            footer = {"", "Examples:", "  footnote feeds list", "  footnote feeds list --json"})
    static final class ListFeeds implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print {\"feeds\": [{\"id\", \"url\", \"title\", \"last_fetched\", \"last_error\", \"articles\"}]}.")
        boolean json;

        @Override
        public Integer call() {
            App app = feeds.root.app();
            PrintWriter out = spec.commandLine().getOut();
            List<Feed> all = app.storage().feeds().list();
            if (json) {
                out.println(Render.json(Map.of("feeds", all.stream().map(FeedsCommand::feedJson).toList())));
            } else if (all.isEmpty()) {
                out.println("No feeds yet; add one with: footnote feeds add URL");
            } else {
                for (Feed f : all) {
                    out.println(f.id() + "  " + title(f) + "  " + f.url());
                    out.println("   " + f.articles() + " article" + (f.articles() == 1 ? "" : "s") + ", last read "
                            + (f.lastFetched() == null ? "never" : f.lastFetched())
                            + (f.enabled() ? "" : ", PAUSED after " + f.failures() + " errors in a row (add it again to resume)")
                            + (f.lastError() == null ? "" : ", last error: " + f.lastError()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a feed (its articles stay).",
            footer = {"", "Examples:", "  footnote feeds remove 2", "  footnote feeds remove https://example.org/news/rss.xml"})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID|URL", description = "The feed's id, as 'footnote feeds list' shows it, or its URL.")
        String ref;

        @Override
        public Integer call() {
            App app = feeds.root.app();
            FeedStore store = app.storage().feeds();
            Feed f = store.find(ref).orElseThrow(() -> new UserException("No feed is " + ref.strip() + "; see 'footnote feeds list'."));
            store.remove(f.id());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Removed feed " + f.id() + " (" + title(f) + "); "
                    + (f.articles() == 1 ? "its article stays." : "its " + f.articles() + " articles stay."));
            out.flush();
            return 0;
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true,
            description = "Poll every due feed now; exits 3 when a feed failed.",
            footer = {"", "Examples:", "  footnote feeds poll", "  footnote feeds poll --all --json", "  */10 * * * * footnote feeds poll    (crontab: each feed is still read at most every feeds.poll-minutes)"})
    static final class Poll implements Callable<Integer> {
        @ParentCommand
        FeedsCommand feeds;
        @Spec
        CommandSpec spec;
        @Option(names = "--all", description = "Poll every enabled feed, due or not.")
        boolean all;
        @Option(names = "--json", description = "Print {\"feeds\": [{\"id\", \"url\", \"new\", \"updated\", \"unchanged\", \"rejected\", \"items\", \"error\"}]}.")
        boolean json;

        @Override
        public Integer call() {
            App app = feeds.root.app();
            PrintWriter out = spec.commandLine().getOut();
            List<FeedPoller.PollReport> reports = app.feedPoller().poll(all);
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (FeedPoller.PollReport r : reports) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.feed().id());
                    m.put("url", r.feed().url());
                    m.put("not_modified", r.notModified());
                    for (String s : List.of("new", "updated", "unchanged", "rejected")) {
                        m.put(s, r.count(s));
                    }
                    m.put("items", r.items().stream().map(i -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("title", i.title());
                        x.put("link", i.link());
                        x.put("status", i.status());
                        x.put("article_id", i.articleId());
                        x.put("reason", i.reason());
                        return x;
                    }).toList());
                    m.put("error", r.error());
                    m.put("paused", r.paused());
                    rows.add(m);
                }
                out.println(Render.json(Map.of("feeds", rows)));
            } else if (reports.isEmpty()) {
                out.println("No feed is due; 'footnote feeds poll --all' polls them anyway.");
            } else {
                for (FeedPoller.PollReport r : reports) {
                    String head = r.feed().id() + "  " + title(r.feed()) + ": ";
                    if (r.failed()) {
                        out.println(head + "failed: " + r.error() + (r.paused() ? " The feed is paused; add it again to resume." : ""));
                    } else if (r.notModified()) {
                        out.println(head + "not modified since the last poll.");
                    } else {
                        out.println(head + r.count("new") + " new, " + r.count("updated") + " updated, " + r.count("unchanged")
                                + " unchanged, " + r.count("rejected") + " rejected");
                        r.items().stream().filter(i -> i.status().equals("rejected"))
                                .forEach(i -> out.println("   rejected " + (i.link() != null ? i.link() : i.title()) + ": " + i.reason()));
                    }
                }
            }
            out.flush();
            return reports.stream().anyMatch(FeedPoller.PollReport::failed) ? SOME_FAILED : 0;
        }
    }

    static Map<String, Object> feedJson(Feed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("url", f.url());
        m.put("title", f.title());
        m.put("last_fetched", f.lastFetched());
        m.put("last_error", f.lastError());
        m.put("articles", f.articles());
        m.put("enabled", f.enabled());
        m.put("next_poll", f.nextPoll());
        return m;
    }

    static String title(Feed f) {
        return f.title() == null ? f.url() : f.title();
    }
}
