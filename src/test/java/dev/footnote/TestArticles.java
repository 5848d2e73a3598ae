package dev.footnote;

import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small hand-written articles for tests, written into a folder and ingested into a real store. */
public final class TestArticles {

    public static final String BRIDGE = """
            ---
            title: Harbor Bridge reopens
            date: 2026-03-14
            ---
            The Harbor Bridge in Lowmere reopened to traffic on Friday after eighteen months of repairs.
            The town's public works department said the repairs cost 41.3 million euros.
            Chief engineer Tomasz Reyes said all 212 cables were replaced.
            """;

    public static final String COMPOST = """
            ---
            title: Greyford composting pilot extended
            date: 2026-01-20
            ---
            The Greyford council voted 23 to 6 to extend the food-waste composting pilot to every household.
            Households in the pilot sent 31% less waste to landfill, the council's evaluation report found.
            Councillor Jonah Whitfield said the expansion will cost 1.2 million pounds a year.
            """;

    public static final String STRIKE = """
            ---
            title: Tidewater Rail drivers vote to strike
            date: 2026-06-18
            ---
            Train drivers at Tidewater Rail voted to strike for three days in July over new shift rosters.
            The union said 91% of voting members backed the strike.
            The operations director Hugo Lindqvist said the rosters were needed for extra evening services.
            """;

    private TestArticles() {
    }

    public static Path write(Path dir) {
        try {
            Path d = Files.createDirectories(dir.resolve("articles"));
            Files.writeString(d.resolve("bridge.md"), BRIDGE);
            Files.writeString(d.resolve("compost.md"), COMPOST);
            Files.writeString(d.resolve("strike.md"), STRIKE);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IngestReport ingest(Storage store, Path dir) {
        return new Ingester(store.articles(), ClaimLabeller.NONE, Ingester.Options.defaults())
                .ingest(List.of(write(dir).toString()), Ingester.Progress.NONE);
    }
}
