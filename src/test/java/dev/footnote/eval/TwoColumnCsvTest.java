package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoColumnCsvTest {

    @TempDir
    Path dir;

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlines() {
        // GIVEN a header and rows whose quoted text holds a comma, a doubled quote and a line break
        String csv = "text,label\n\"a, b\",1\n\"say \"\"no\"\"\",0\n\"two\nlines\",1\n";
        // WHEN it is parsed
        // THEN the header is skipped and each field is as written, quotes removed
        assertThat(TwoColumnCsv.parse(csv)).containsExactly(new TwoColumnCsv.Row("a, b", "1"),
                new TwoColumnCsv.Row("say \"no\"", "0"), new TwoColumnCsv.Row("two\nlines", "1"));
    }

    @Test
    void windowsLineEndsAndALastLineWithoutOneAreRows() {
        // GIVEN CRLF line ends and a last row with no line break
        String csv = "text,label\r\nplain,0\r\nlast,1";
        // WHEN it is parsed
        // THEN both rows are read, without a stray carriage return
        assertThat(TwoColumnCsv.parse(csv)).containsExactly(new TwoColumnCsv.Row("plain", "0"), new TwoColumnCsv.Row("last", "1"));
    }

    @Test
    void shortRowsAreSkippedAndExtraColumnsIgnored() {
        // GIVEN a row with one field and a row with three
        String csv = "text,label\nalone\na,1,extra\n";
        // WHEN it is parsed
        // THEN only the three-field row is kept, with its first two fields
        assertThat(TwoColumnCsv.parse(csv)).containsExactly(new TwoColumnCsv.Row("a", "1"));
    }

    @Test
    void readsAFileAsUtf8() throws Exception {
        // GIVEN a file with non-ASCII text
        Path f = Files.writeString(dir.resolve("w.csv"), "text,label\n\"Kraków, they say\",1\n");
        // WHEN it is read
        // THEN the text comes back whole
        assertThat(TwoColumnCsv.read(f)).containsExactly(new TwoColumnCsv.Row("Kraków, they say", "1"));
    }

    @Test
    void aHeaderAloneHasNoRows() {
        // GIVEN only a header, with and without a line break
        // WHEN each is parsed
        // THEN there are no rows
        assertThat(TwoColumnCsv.parse("text,label\n")).isEmpty();
        assertThat(TwoColumnCsv.parse("text,label")).isEmpty();
    }
}
