package io.newsmon.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.dto.EntityMentionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity mentions become linked runs of the body's own text, wherever the recogniser's offsets point. */
class ArticleTextTest {

    @Test
    void mentionsAreLinkedWhereTheirTextIsEvenWhenTheOffsetsDrift() {
        String body = "Morocco and Spain signed.\n\nUnder the accord, Youssef Benali and Lucía Ortega met.";
        List<EntityMentionView> mentions = List.of(
                new EntityMentionView("LOCATION", "Morocco", 0, 7, "crf"),
                // offsets counted on another form of the text: four characters early
                new EntityMentionView("PERSON", "Youssef Benali", 40, 54, "crf"),
                new EntityMentionView("PERSON", "Nobody", 3, 9, "crf"));
        List<List<ArticleText.Run>> paragraphs = ArticleText.paragraphs(body, mentions);
        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.get(0).get(0).text()).isEqualTo("Morocco");
        assertThat(paragraphs.get(0).get(0).href()).isEqualTo("/entities/find?type=LOCATION&name=Morocco");
        List<ArticleText.Run> second = paragraphs.get(1);
        assertThat(second)
                .extracting(ArticleText.Run::text)
                .containsExactly("Under the accord, ", "Youssef Benali", " and Lucía Ortega met.");
        assertThat(second.get(1).isMention()).isTrue();
        assertThat(String.join("", second.stream().map(ArticleText.Run::text).toList()))
                .isEqualTo("Under the accord, Youssef Benali and Lucía Ortega met.");
    }

    @Test
    void namedEntitiesAreCountedMostMentionedFirst() {
        List<EntityMentionView> mentions = List.of(
                new EntityMentionView("PERSON", "Ortega", 0, 6, "crf"),
                new EntityMentionView("LOCATION", "Spain", 0, 5, "crf"),
                new EntityMentionView("LOCATION", "Spain", 9, 14, "crf"));
        assertThat(ArticleText.named(mentions))
                .extracting(ArticleText.Named::name, ArticleText.Named::mentions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Spain", 2),
                        org.assertj.core.groups.Tuple.tuple("Ortega", 1));
    }
}
