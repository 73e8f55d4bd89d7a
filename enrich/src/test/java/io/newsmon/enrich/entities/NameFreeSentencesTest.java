package io.newsmon.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameFreeSentencesTest {

    @Test
    void sentencesWithoutCapitalsAfterACommonFirstWordAreSkipped() {
        String text = "The talks went on for hours. Jalil Abbas Jilani met his counterpart in Islamabad. It was"
                + " cold and the rooms were full. They said nothing more.\nBut Quetta stayed calm.";
        List<int[]> runs = NameFreeSentences.runsWorthReading(text);
        assertThat(runs).hasSize(2);
        assertThat(text.substring(runs.get(0)[0], runs.get(0)[1]).strip())
                .isEqualTo("Jalil Abbas Jilani met his counterpart in Islamabad.");
        assertThat(text.substring(runs.get(1)[0], runs.get(1)[1])).isEqualTo("But Quetta stayed calm.");
        assertThat(NameFreeSentences.runsWorthReading("the end, said nobody at all."))
                .isEmpty();
        assertThat(NameFreeSentences.runsWorthReading("Reuters reported it.")).hasSize(1);
    }

    @Test
    void onRealNewsTheSkippedSentencesHoldNoEntityTheModelWouldFind() throws Exception {
        Path truth = Path.of("..", "..", "shared", "eval", "extraction-dev", "ground-truth.json");
        assumeTrue(Files.isRegularFile(truth), "../shared/eval/extraction-dev is absent: the check is skipped");
        CrfRecognizer crf = CrfRecognizer.load(CrfRecognizer.ALL_3CLASS, false);
        int whole = 0;
        int kept = 0;
        Iterator<JsonNode> pages = new ObjectMapper().readTree(truth.toFile()).elements();
        for (int n = 0; n < 30 && pages.hasNext(); n++) {
            String body = pages.next().path("articleBody").asText();
            Set<String> all = spans(crf.recognizeEverySentence(body));
            Set<String> filtered = spans(crf.recognize(body));
            whole += all.size();
            all.retainAll(filtered);
            kept += all.size();
        }
        assertThat(whole).isPositive();
        assertThat((double) kept / whole)
                .as("%d of %d entities kept", kept, whole)
                .isGreaterThanOrEqualTo(0.98);
    }

    private static Set<String> spans(List<Entity> entities) {
        Set<String> s = new HashSet<>();
        entities.forEach(e -> s.add(e.start() + ":" + e.end() + ":" + e.type()));
        return s;
    }
}
