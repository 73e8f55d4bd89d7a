package io.newsmon.search.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.search.ArticleDocument;
import io.newsmon.search.query.QueryLimits;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Saved topics against articles mapped as search maps them: the right topics, with the words they matched. */
class TopicMonitorTest {

    private final FakeStore store = new FakeStore();
    private TopicMonitor matcher;

    private static final ArticleDocument BORDER = new ArticleDocument(
            1,
            1,
            "https://www.dawn.com/news/1",
            "Pakistan and Iran agree to de-escalate after border strikes",
            "Pakistan's foreign minister Jalil Abbas Jilani met Hossein Amir-Abdollahian in Islamabad on Monday."
                    + " Both sides pledged to improve border security and to fight militants along the frontier."
                    + " Economists said trade between the two economies could grow.",
            "Dawn",
            List.of("www.dawn.com"),
            "en",
            Instant.parse("2024-01-29T08:00:00Z"),
            List.of("Jalil Abbas Jilani", "Hossein Amir-Abdollahian"),
            List.of("United Nations"),
            List.of("Islamabad"),
            List.of("PK", "IR"),
            List.of(),
            0.1,
            Map.of());

    private static final ArticleDocument HARBOUR = new ArticleDocument(
            2,
            2,
            "https://www.lemonde.fr/economie/2",
            "Les dockers prolongent la grève",
            "Les navires porte-conteneurs attendaient au large du port de Rotterdam alors que la grève continuait.",
            "Le Monde",
            List.of("www.lemonde.fr"),
            "fr",
            Instant.parse("2024-01-30T08:00:00Z"),
            List.of(),
            List.of("FNV"),
            List.of("Rotterdam"),
            List.of("NL"),
            List.of(),
            null,
            Map.of());

    @BeforeEach
    void setUp() {
        matcher = new TopicMonitor(store, QueryLimits.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        matcher.close();
    }

    @Test
    void eachKindOfQueryMatchesExactlyTheArticlesItShouldWithTheWordsItFound() {
        store.put(1, "\"border security\"");
        store.put(2, "iran AND pakistan NOT cricket");
        store.put(3, "militants NEAR/5 frontier");
        store.put(4, "econom*");
        store.put(5, "person:Jilani");
        store.put(6, "country:PK lang:en");
        store.put(7, "source:dawn.com strikes");
        store.put(8, "iran -militants"); // excluded word present: no match
        store.put(9, "grève OR strike");
        store.put(10, "country:NL");
        store.put(11, "\"security border\""); // words in the wrong order
        store.put(12, "militants NEAR/1 frontier"); // two words apart: too far
        store.put(13, "org:\"united nations\" OR person:nobody");
        store.put(14, "lang:fr dockers");
        store.put(15, "person:Amir-Abdollahian"); // the second name of a multi-valued field
        matcher.refresh();

        assertThat(terms(matcher.match(BORDER)))
                .containsExactly(
                        Map.entry(1L, "border security"),
                        Map.entry(2L, "pakistan iran"),
                        Map.entry(3L, "militants frontier"),
                        Map.entry(4L, "economists economies"),
                        Map.entry(5L, "jilani"),
                        Map.entry(6L, ""),
                        Map.entry(7L, "strikes"),
                        Map.entry(13L, "united nations"),
                        Map.entry(15L, "amir abdollahian"));
        assertThat(terms(matcher.match(HARBOUR)))
                .containsExactly(Map.entry(9L, "greve"), Map.entry(10L, ""), Map.entry(14L, "dockers"));
    }

    @Test
    void aStemmedTopicMatchesOtherWordFormsAndReportsTheArticlesWords() {
        store.put(1, "economist", null, true);
        store.put(2, "economist");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsExactly(Map.entry(1L, "economists"));
    }

    @Test
    void aFilterNarrowsTheTopicsQuery() {
        store.put(1, "islamabad", "country:PK", false);
        store.put(2, "islamabad", "lang:fr", false);
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(1L);
    }

    @Test
    void aPausedTopicDoesNotMatchUntilItIsResumed() {
        store.put(1, "islamabad");
        store.get(1).paused = true;
        store.put(2, "border");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(2L);

        store.get(1).paused = false;
        store.touch(1);
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(1L, 2L);
    }

    @Test
    void aChangedQueryTakesEffectAfterTheNextRefresh() {
        store.put(1, "islamabad");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(1L);
        assertThat(matcher.match(HARBOUR)).isEmpty();

        store.get(1).query = "rotterdam";
        assertThat(terms(matcher.match(BORDER))).as("not before the refresh").containsOnlyKeys(1L);
        store.touch(1);
        matcher.refresh();
        assertThat(matcher.match(BORDER)).isEmpty();
        assertThat(terms(matcher.match(HARBOUR))).containsExactly(Map.entry(1L, "rotterdam"));
    }

    @Test
    void aDeletedTopicStopsMatching() {
        store.put(1, "islamabad");
        store.put(2, "border");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(1L, 2L);
        store.topics.remove(1L);
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(2L);
        assertThat(matcher.size()).isEqualTo(1);
    }

    @Test
    void aTopicWhoseQueryNoLongerParsesIsSkippedAndTheOthersStillMatch() {
        store.put(1, "iran AND (pakistan");
        store.put(2, "ec*");
        store.put(3, "islamabad");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(3L);
    }

    @Test
    void aNotOnlyTopicMatchesEverythingButItsWord() {
        store.put(1, "NOT rotterdam");
        matcher.refresh();
        assertThat(terms(matcher.match(BORDER))).containsOnlyKeys(1L);
        assertThat(matcher.match(HARBOUR)).isEmpty();
    }

    private static Map<Long, String> terms(List<TopicHit> hits) {
        return hits.stream()
                .collect(Collectors.toMap(TopicHit::topicId, TopicHit::matchedTerms, (a, b) -> a, TreeMap::new));
    }

    /** Topics in memory, each edit giving a new updated_at as the api's saves do. */
    private static final class FakeStore implements TopicStore {
        final Map<Long, Row> topics = new TreeMap<>();
        private long tick;

        void put(long id, String query) {
            put(id, query, null, false);
        }

        void put(long id, String query, String filter, boolean stem) {
            Row t = new Row();
            t.id = id;
            t.query = query;
            t.filter = filter;
            t.stem = stem;
            topics.put(id, t);
            touch(id);
        }

        Row get(long id) {
            return topics.get(id);
        }

        void touch(long id) {
            topics.get(id).updatedAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++tick);
        }

        @Override
        public Map<Long, Instant> versions() {
            return topics.values().stream().collect(Collectors.toMap(t -> t.id, t -> t.updatedAt));
        }

        @Override
        public List<SavedTopic> load(Collection<Long> ids) {
            return ids.stream()
                    .map(topics::get)
                    .filter(t -> t != null)
                    .map(FakeStore::copy)
                    .toList();
        }

        private static SavedTopic copy(Row t) {
            return new SavedTopic(t.id, t.query, t.filter, t.paused, t.stem, t.updatedAt);
        }
    }

    /** A topic row as the api edits it. */
    private static final class Row {
        long id;
        String query;
        String filter;
        boolean stem;
        boolean paused;
        Instant updatedAt;
    }
}
