package dev.footnote.cli;

import dev.footnote.Footnote;
import dev.footnote.embed.OnnxEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs footnote commands one after another in one JVM ("--then" separates them), then prints how often the model loaded. */
public final class ModelLoadProbe {

    private ModelLoadProbe() {
    }

    public static void main(String[] args) {
        List<String> cmd = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--then")) {
                Footnote.run(new FootnoteCommand(), cmd.toArray(new String[0]));
                cmd.clear();
            } else {
                cmd.add(a);
            }
        }
        if (!cmd.isEmpty()) {
            Footnote.run(new FootnoteCommand(), cmd.toArray(new String[0]));
        }
        System.out.println("model-loads=" + OnnxEmbedder.loads() + " " + Arrays.toString(args).length());
        System.exit(0);
    }
}
