package dev.footnote.feeds;

import java.util.List;

/** A feed document read: its title and its items, newest first as the feed lists them. */
public record ParsedFeed(String title, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
