package io.newsmon.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static String marked(List<Snippet.Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Snippet.Part p : parts) {
            out.append(p.mark() ? "[" + p.text() + "]" : p.text());
        }
        return out.toString();
    }

    @Test
    void marksWholeWordsCaseInsensitively() {
        assertThat(marked(Snippet.of("Iran and Iranian officials met in IRAN.", "iran", false)))
                .isEqualTo("[Iran] and Iranian officials met in [IRAN].");
    }

    @Test
    void wildcardsAndStemmedTermsMarkWordForms() {
        assertThat(marked(Snippet.of("The economy and economists", "econom*", false)))
                .isEqualTo("The [economy] and [economists]");
        assertThat(marked(Snippet.of("talks and talking", "talk", true))).isEqualTo("[talks] and [talking]");
    }

    @Test
    void longTextIsCutAroundTheFirstMatch() {
        String text = "filler ".repeat(100) + "the harbour strike " + "more ".repeat(100);
        String snippet = marked(Snippet.of(text, "harbour", false));
        assertThat(snippet).startsWith("…").endsWith(" …").contains("[harbour]");
        assertThat(snippet.length()).isLessThanOrEqualTo(Snippet.LENGTH + 6);
    }

    @Test
    void noTermsMeansThePlainStart() {
        assertThat(Snippet.of("Short text.", null, false)).containsExactly(new Snippet.Part("Short text.", false));
        assertThat(Snippet.of(null, "x", false)).isEmpty();
    }
}
