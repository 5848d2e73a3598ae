package dev.footnote.ingest;

import java.util.List;

/** The outcome of one ingest run, item by item. */
public record IngestReport(List<Item> items) {

    public IngestReport {
        items = List.copyOf(items);
    }

    public enum Status { ADDED, UPDATED, UNCHANGED, REJECTED }

    public record Item(String source, Status status, String articleId, String title, int passages, String reason) {
    }

    public long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }

    public String summary() {
        return String.format("%d added, %d updated, %d unchanged, %d rejected", count(Status.ADDED),
                count(Status.UPDATED), count(Status.UNCHANGED), count(Status.REJECTED));
    }
}
