package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt lab's report.html, laid out by a real browser (headless Chromium) at 1200 and 800 px:
 * no table, cell or heading runs past the window and no cell hides its text. Skips when chromium
 * is not installed (.ci/run installs it).
 */
class ReportLayoutTest {

    /** Appended to a copy of the report: records every element that ends right of the window, or clips its text. */
    static final String MEASURE = """
            <script>addEventListener('load', () => {
              const w = document.documentElement.clientWidth, bad = [];
              document.querySelectorAll('table, svg, td, th, p, h1, h2').forEach(e => {
                if (e.getBoundingClientRect().right > w + 0.5) bad.push(e.tagName + ' ends at ' + Math.round(e.getBoundingClientRect().right));
                if ((e.tagName === 'TD' || e.tagName === 'TH') && e.scrollWidth > e.clientWidth + 1) bad.push(e.tagName + ' clips ' + e.textContent.slice(0, 40));
              });
              const p = document.createElement('pre');
              p.id = 'measure';
              p.textContent = JSON.stringify({width: w, scroll: document.documentElement.scrollWidth, bad: bad});
              document.body.appendChild(p);
            });</script>
            """;

    @TempDir
    Path dir;

    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!p.isEmpty() && Files.isExecutable(Path.of(p, name))) {
                    return Path.of(p, name).toString();
                }
            }
        }
        return null;
    }

    @Test
    void theReportFitsTheWindowAt1200And800Pixels() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed");
        Path out = dir.resolve("report");
        Cli.Run r = new Cli().run("--db", dir.resolve("lab.db").toString(), "eval", "config/eval-cases.example.yaml",
                "--prompts", "prompts", "--against", "prompts", "--report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("problems").contains("https://");
        Path page = Files.writeString(dir.resolve("measured.html"), html.replace("</body>", MEASURE + "</body>"));
        for (int width : new int[] {1200, 800}) {
            JsonNode m = measure(chromium, page, width);
            assertThat(m.get("width").asInt()).isEqualTo(width);
            assertThat(m.get("bad")).as("at " + width + " px").isEmpty();
            assertThat(m.get("scroll").asInt()).as("page width at " + width + " px").isEqualTo(width);
        }
    }

    private JsonNode measure(String chromium, Path page, int width) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile-" + width));
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + ",2000", "--virtual-time-budget=3000",
                "--dump-dom", page.toUri().toString())
                .redirectError(dir.resolve("chromium-" + width + ".log").toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String text = new String(dom, StandardCharsets.UTF_8);
        int at = text.indexOf("<pre id=\"measure\">");
        assertThat(at).as("the measuring script ran; chromium said: " + Files.readString(dir.resolve("chromium-" + width + ".log"))).isNotNegative();
        String json = text.substring(at + "<pre id=\"measure\">".length(), text.indexOf("</pre>", at))
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new ObjectMapper().readTree(json);
    }
}
