package dev.footnote.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.xml.sax.InputSource;

/**
 * Reads RSS 0.9x, 1.0, 2.0 and Atom with ROME, which also handles their dialects' dates and
 * content modules (content:encoded). Document type declarations are refused, so a feed cannot
 * make the parser read local files or expand entities without end (XXE, "billion laughs").
 */
public final class FeedParser {

    /** A feed with more items than this is cut: a poll is about what is new, not the archive. */
    static final int MAX_ITEMS = 200;

    public ParsedFeed parse(byte[] xml) throws FeedFormatException {
        SyndFeedInput in = new SyndFeedInput();
        in.setAllowDoctypes(false);
        in.setXmlHealerOn(true);
        SyndFeed feed;
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(xml));
            feed = in.build(source);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFormatException("not an RSS or Atom feed (" + reason(e) + ")");
        } catch (RuntimeException e) {
            throw new FeedFormatException("not an RSS or Atom feed (" + e.getClass().getSimpleName() + ")");
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            if (items.size() == MAX_ITEMS) {
                break;
            }
            items.add(new FeedItem(blankToNull(e.getUri()), blankToNull(e.getLink()), clean(e.getTitle()), iso(e.getPublishedDate()),
                    iso(e.getUpdatedDate()), blankToNull(e.getAuthor()), e.getDescription() == null ? null : e.getDescription().getValue(),
                    content(e.getContents())));
        }
        return new ParsedFeed(clean(feed.getTitle()), items);
    }

    private static String content(List<SyndContent> contents) {
        StringBuilder b = new StringBuilder();
        for (SyndContent c : contents) {
            if (c.getValue() != null) {
                b.append(b.length() > 0 ? "\n" : "").append(c.getValue());
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 120 ? m.substring(0, 120) + "…" : m;
    }

    private static String iso(Date d) {
        return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A document that is not a feed. The message is the reason shown to the user. */
    public static final class FeedFormatException extends Exception {
        public FeedFormatException(String reason) {
            super(reason);
        }
    }
}
