package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.text.Plural;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote ingest notes/bridge.md", "  footnote ingest ~/articles https://example.org/news/story.html", "  footnote ingest --json ~/articles > ingest.json"},
        description = "Add articles from files, folders (.md, .txt, .html) or http(s) URLs. Unchanged files are skipped; changed ones replace their article.")
final class IngestCommand implements Callable<Integer> {

    /**
     * Exit code when some (or all) inputs were rejected and the rest stored. Not 2: picocli gives
     * that to a wrong command line. 1 stays for errors that stop the command.
     */
    static final int SOME_REJECTED = ExitCodes.PARTLY;

    @ParentCommand
    FootnoteCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders or article URLs.")
    List<String> targets;

    @Option(names = "--samples", description = "Also (re-)add the bundled sample articles.")
    boolean samples;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        App app = root.app();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        app.declineSamples();
        Progress progress = new Progress(err, json);
        IngestReport report = app.ingester().ingest(targets, progress);
        if (samples) {
            List<IngestReport.Item> all = new java.util.ArrayList<>(report.items());
            all.addAll(app.ingestSamples().items());
            report = new IngestReport(all);
        }
        if (json) {
            out.println(Render.json(report));
        } else {
            for (IngestReport.Item i : report.items()) {
                switch (i.status()) {
                    case ADDED, UPDATED -> out.printf("%-9s %s  %s (%s)%n", i.status().name().toLowerCase(),
                            i.articleId(), i.title(), Plural.of(i.passages(), "passage"));
                    case REJECTED -> out.printf("rejected  %s: %s%n", i.source(), i.reason());
                    case UNCHANGED -> {
                        if (i.reason() != null) {
                            out.printf("unchanged %s: %s%n", i.source(), i.reason());
                        }
                    }
                    default -> { }
                }
            }
            out.println(report.summary() + ".");
        }
        out.flush();
        long rejected = report.count(IngestReport.Status.REJECTED);
        if (rejected == 0) {
            return 0;
        }
        err.println("footnote: " + rejected + " of " + Plural.of(report.items().size(), "input") + (rejected == 1 ? " was" : " were") + " rejected; fix them and run ingest again"
                + " (the others are stored).");
        err.flush();
        return SOME_REJECTED;
    }

    /**
     * Progress of a large folder on stderr: one bar for the files, one for the embeddings that
     * follow them. Small batches and --json runs show nothing; terminal redraws are throttled.
     */
    static final class Progress implements Ingester.Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final java.util.Map<String, ProgressBar> bars = new java.util.HashMap<>();
        private long last;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void update(int done, int total, String current) {
            if (quiet || total < 20) {
                return;
            }
            long now = System.nanoTime();
            if (done < total && now - last < 250_000_000L) {
                return;
            }
            last = now;
            String series = Ingester.EMBEDDING.equals(current) ? Ingester.EMBEDDING : "files";
            ProgressBar bar = bars.computeIfAbsent(series, k -> new ProgressBar(err, System.console() != null));
            bar.update(series, done, total);
            if (done == total) {
                bar.done();
            }
        }
    }
}
