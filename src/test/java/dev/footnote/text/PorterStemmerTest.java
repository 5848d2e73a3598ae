package dev.footnote.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {

    /** Pairs from Porter's published vocabulary/output lists. */
    @ParameterizedTest
    @CsvSource({
            "caresses,caress", "ponies,poni", "cats,cat", "feed,feed", "agreed,agre", "plastered,plaster",
            "motoring,motor", "sing,sing", "conflated,conflat", "hopping,hop", "filing,file", "happy,happi",
            "relational,relat", "conditional,condit", "digitizer,digit", "operator,oper", "hopefulness,hope",
            "formality,formal", "electrical,electr", "revival,reviv", "adjustable,adjust", "adoption,adopt",
            "probate,probat", "controll,control", "generalizations,gener", "resigned,resign", "repairs,repair",
            "bridge,bridg", "nobel,nobel", "prize,prize", "a,a", "is,is"})
    void stemsLikePorter(String word, String stem) {
        assertThat(new PorterStemmer().stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({"héllo", "2004", "abc1", "ÜBER"})
    void leavesNonAsciiLowercaseAlone(String word) {
        assertThat(new PorterStemmer().stem(word)).isEqualTo(word);
    }

    /** What SQLite's FTS5 porter tokenizer stored for these tokens (read back through fts5vocab). */
    @ParameterizedTest
    @CsvSource({"1990s,1990", "mp3s,mp3", "x86s,x86", "2020s,2020", "straße,straß", "covid19,covid19", "running3,running3",
            "abcs,abc", "ies,ie", "sses,sse", "pies,pi", "asses,ass", "yes,ye", "ees,ee", "nandues,nandu", "bridges,bridg", "ab,ab",
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbings,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbing",
            "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccings,cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccings"})
    void stemsBytesAsFts5Does(String token, String stem) {
        assertThat(new PorterStemmer().stemBytes(token)).isEqualTo(stem);
    }
}
