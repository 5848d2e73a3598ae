package dev.footnote.app;

import dev.footnote.ingest.IngestReport;
import dev.footnote.store.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample articles (resources/samples, listed in index.txt), loaded into a new database
 * once so a newcomer can ask something at once. The database remembers that it was offered them,
 * so removing them later does not bring them back.
 */
final class Samples {

    static final String OFFERED = "samples_offered";

    private final App app;

    Samples(App app) {
        this.app = app;
    }

    void offer() {
        Storage s = app.storage();
        if (s.meta().get(OFFERED).isPresent()) {
            return;
        }
        if (s.articles().count() == 0) {
            ingest();
        }
        s.meta().put(OFFERED, "yes");
    }

    void decline() {
        Storage s = app.storage();
        if (s.meta().get(OFFERED).isEmpty()) {
            s.meta().put(OFFERED, "declined");
        }
    }

    IngestReport ingest() {
        List<IngestReport.Item> items = new ArrayList<>();
        for (String name : names()) {
            try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    continue;
                }
                items.add(app.ingester().ingestBytes("sample:" + name, name, in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled sample " + name, e);
            }
        }
        return new IngestReport(items);
    }

    static List<String> names() {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
