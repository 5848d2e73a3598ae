package dev.footnote.ingest;

import java.util.List;

/** The outcome of one ingest run, item by item. */
public record IngestReport(List<Item> items) {

    public IngestReport {
        items = List.copyOf(items);
    }

    public enum Status { ADDED, UPDATED, UNCHANGED, REJECTED }

    public record Item(String source, Status status, String articleId, String title, int passages, String reason) {

        /** A source that was not stored, and why. */
        public static Item rejected(String source, String reason) {
            return new Item(source, Status.REJECTED, null, null, 0, reason);
        }
    }

    public long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }

    public String summary() {
        return String.format("%d added, %d updated, %d unchanged, %d rejected", count(Status.ADDED),
                count(Status.UPDATED), count(Status.UNCHANGED), count(Status.REJECTED));
    }
}
