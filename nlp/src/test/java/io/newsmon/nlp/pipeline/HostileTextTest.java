package io.newsmon.nlp.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text no article should have still ends enriched: empty, a megabyte of one word, emoji only, mixed
 * scripts, control characters, a million-character line without spaces. None of them stalls the queue:
 * a normal article queued behind them is enriched too.
 */
@QuarkusTest
class HostileTextTest {

    @Test
    void everyOddBodyIsEnrichedAndTheArticleBehindThemToo() {
        List<Long> ids = new ArrayList<>();
        ids.add(insert("https://odd.example/empty", "", ""));
        ids.add(insert("https://odd.example/one-word", "Word", "harbour ".repeat(131_072)));
        ids.add(insert("https://odd.example/emoji", "🚢🚢🚢", "🚢⚓🌊 ".repeat(2000)));
        ids.add(insert(
                "https://odd.example/scripts",
                "Порт 港口 ميناء Harbour",
                "Der Hafen von Quetta, 港口的起重机, الميناء مغلق, Порт закрыт. Pakistani officials said so."));
        ids.add(insert(
                "https://odd.example/control",
                "Control\u0000characters\u0007here",
                "Text with \u0000 NUL, \u0008 backspace, \u001B[31m escape codes\u001B[0m and \uFFFF noncharacters."));
        ids.add(insert("https://odd.example/no-spaces", "x", "x".repeat(1_000_000)));
        long normal = insert(
                "https://odd.example/normal",
                "Harbour board meets in Quetta",
                "The harbour board met in Quetta on Monday. Pakistani officials said the new quay opens in spring.");

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> stateOf(normal) == PipelineState.ENRICHED
                        && ids.stream().allMatch(id -> stateOf(id) != PipelineState.EXTRACTED));
        for (long id : ids) {
            assertThat(stateOf(id)).as("article %d", id).isEqualTo(PipelineState.ENRICHED);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Article n = Article.findById(normal);
            assertThat(n.language).isEqualTo("en");
            @SuppressWarnings("unchecked")
            List<Object> countries = Article.getEntityManager()
                    .createNativeQuery("SELECT code FROM article_country WHERE article_id = ?1")
                    .setParameter(1, normal)
                    .getResultList();
            assertThat(countries).contains("PK");
        });
    }

    private static PipelineState stateOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id).state);
    }

    private static long insert(String url, String title, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = new Article();
            a.url = url;
            a.title = title;
            a.body = body;
            a.discoveredAt = Instant.now();
            a.fetchedAt = Instant.now();
            a.state = PipelineState.EXTRACTED;
            a.persist();
            return a.id;
        });
    }
}
