package io.newsmon.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import io.newsmon.search.query.QueryLimits;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operator of the analyst query language against a small index: the exact set of articles found. */
class AnalystQueryTest {

    private static ByteBuffersDirectory dir;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(AnalystQuery.analyzer()))) {
            add(
                    w,
                    1,
                    "Iran and Pakistan agree on border security",
                    "Foreign ministers of Iran and Pakistan met in Islamabad on the border talks.",
                    "Dawn",
                    "https://www.dawn.com/news/1",
                    "en",
                    "2024-01-18T10:00:00Z",
                    List.of("Jalil Abbas Jilani", "Hossein Amir-Abdollahian"),
                    List.of("Jaish al Adl"),
                    List.of("Islamabad"),
                    List.of("PK", "IR"),
                    List.of("politics"),
                    -0.4);
            add(
                    w,
                    2,
                    "Economic growth slows in the eurozone",
                    "Economists say the economy of the eurozone grew slowly; growth forecasts were cut.",
                    "Reuters",
                    "https://www.reuters.com/markets/2",
                    "en",
                    "2024-01-05T08:00:00Z",
                    List.of(),
                    List.of("European Central Bank"),
                    List.of("Frankfurt"),
                    List.of("DE"),
                    List.of("economy"),
                    0.1);
            add(
                    w,
                    3,
                    "Le président français en visite à Téhéran",
                    "Le président a rencontré les dirigeants iraniens. Économie et sécurité au menu.",
                    "Le Monde",
                    "https://www.lemonde.fr/3",
                    "fr",
                    "2024-02-01T12:00:00Z",
                    List.of("Emmanuel Macron"),
                    List.of(),
                    List.of("Téhéran"),
                    List.of("FR", "IR"),
                    List.of("politics"),
                    0.2);
            add(
                    w,
                    4,
                    "Storm hits the coast",
                    "A storm hit the coast of Balochistan; the border crossing with Iran was closed for security reasons.",
                    "Dawn",
                    "https://epaper.dawn.com/4",
                    "en",
                    "2024-01-31T23:30:00Z",
                    List.of(),
                    List.of(),
                    List.of("Balochistan"),
                    List.of("PK"),
                    List.of("disaster"),
                    -0.7);
            add(
                    w,
                    5,
                    "Security council meets",
                    "Pakistan raised border incidents with Iran at the security council in New York.",
                    "UN News",
                    "https://news.un.org/5",
                    "en",
                    "2024-02-02T09:00:00Z",
                    List.of(),
                    List.of("United Nations Security Council"),
                    List.of("New York"),
                    List.of("US", "PK"),
                    List.of("politics", "conflict"),
                    -0.2);
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    private static void add(
            IndexWriter w,
            long id,
            String title,
            String body,
            String source,
            String url,
            String lang,
            String published,
            List<String> persons,
            List<String> orgs,
            List<String> places,
            List<String> countries,
            List<String> categories,
            double tone)
            throws IOException {
        String host = java.net.URI.create(url).getHost();
        w.addDocument(new ArticleDocument(
                        id,
                        id,
                        url,
                        title,
                        body,
                        source,
                        List.of(host),
                        lang,
                        Instant.parse(published),
                        persons,
                        orgs,
                        places,
                        countries,
                        categories,
                        tone,
                        java.util.Map.of())
                .toDocument());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    private static Set<Long> find(String q) throws IOException {
        return find(q, false);
    }

    private static Set<Long> find(String q, boolean stem) throws IOException {
        AnalystQuery query = AnalystQuery.parse(q, QueryLimits.DEFAULT, stem);
        Set<Long> ids = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(query.query(), 100).scoreDocs) {
            ids.add(Long.parseLong(searcher.storedFields().document(sd.doc).get(SearchFields.ID)));
        }
        return ids;
    }

    private static QueryException error(String q) {
        try {
            AnalystQuery.parse(q, QueryLimits.DEFAULT);
        } catch (QueryException e) {
            return e;
        }
        throw new AssertionError("no error for " + q);
    }

    @Test
    void booleanOperatorsWithUsualPrecedence() throws IOException {
        assertThat(find("iran pakistan")).containsExactly(1L, 5L);
        assertThat(find("iran AND pakistan")).containsExactly(1L, 5L);
        assertThat(find("storm OR eurozone")).containsExactly(2L, 4L);
        assertThat(find("iran NOT storm")).containsExactly(1L, 5L);
        assertThat(find("iran -storm -council")).containsExactly(1L);
        assertThat(find("storm OR economy growth")).containsExactly(2L, 4L); // AND binds tighter than OR
        assertThat(find("(storm OR economy) growth")).containsExactly(2L);
        assertThat(find("NOT iran")).containsExactly(2L, 3L);
        assertThat(find("border AND (council OR islamabad)")).containsExactly(1L, 5L);
    }

    @Test
    void caseAndAccentsDoNotMatterButOperatorsAreUpperCase() throws IOException {
        assertThat(find("TEHERAN")).containsExactly(3L);
        assertThat(find("economie")).containsExactly(3L);
        assertThat(find("Économie")).containsExactly(3L);
        // lower-case "or" is a word, and no article has it
        assertThat(find("storm or eurozone")).isEmpty();
    }

    @Test
    void phrasesAreExactAndSplitWordsArePhrases() throws IOException {
        assertThat(find("\"border security\"")).containsExactly(1L);
        assertThat(find("\"security border\"")).isEmpty();
        assertThat(find("\"security council\"")).containsExactly(5L);
        assertThat(find("Amir-Abdollahian")).isEmpty(); // only an entity, not in the text
        assertThat(find("person:Amir-Abdollahian")).containsExactly(1L);
    }

    @Test
    void proximityCountsWordsBetweenAndOnearKeepsOrder() throws IOException {
        // "border crossing with Iran": two words between border and iran
        assertThat(find("border NEAR/2 iran")).containsExactly(4L, 5L);
        assertThat(find("border NEAR/1 iran")).isEmpty();
        assertThat(find("incidents NEAR/1 iran")).containsExactly(5L);
        assertThat(find("incidents NEAR/0 iran")).isEmpty();
        assertThat(find("iran NEAR/2 border")).containsExactly(4L, 5L);
        assertThat(find("iran ONEAR/2 border")).isEmpty();
        assertThat(find("border ONEAR/2 iran")).containsExactly(4L, 5L);
        assertThat(find("(storm OR pakistan) NEAR/0 raised")).containsExactly(5L);
        assertThat(find("\"security council\" NEAR/3 pakistan")).isEmpty();
        assertThat(find("\"security council\" NEAR/8 pakistan")).containsExactly(5L);
        assertThat(find("econom* NEAR/3 eurozone")).containsExactly(2L);
        assertThat(find("title:(border NEAR/1 security)")).containsExactly(1L);
    }

    @Test
    void wildcardsNeedThreeLettersAndStemmingIsOnRequest() throws IOException {
        assertThat(find("econom*")).containsExactly(2L, 3L);
        assertThat(find("econ?my")).containsExactly(2L);
        assertThat(find("\"grew slow*\"")).containsExactly(2L);
        assertThat(find("economist")).isEmpty();
        assertThat(find("economist", true)).containsExactly(2L);
        assertThat(find("forecast")).isEmpty();
        assertThat(find("forecast", true)).containsExactly(2L);
        QueryException e = error("ec*");
        assertThat(e.getMessage()).contains("at least 3 letters");
        assertThat(e.position()).isZero();
    }

    @Test
    void fieldsSearchTheirOwnPart() throws IOException {
        assertThat(find("title:security")).containsExactly(1L, 5L);
        assertThat(find("body:security")).containsExactly(4L, 5L);
        assertThat(find("person:Jilani")).containsExactly(1L);
        assertThat(find("entity:\"Jaish al Adl\"")).containsExactly(1L);
        assertThat(find("org:\"security council\"")).containsExactly(5L);
        assertThat(find("place:balochistan")).containsExactly(4L);
        assertThat(find("country:PK")).containsExactly(1L, 4L, 5L);
        assertThat(find("country:pakistan")).containsExactly(1L, 4L, 5L);
        assertThat(find("country:(IR OR DE)")).containsExactly(1L, 2L, 3L);
        assertThat(find("source:dawn.com")).containsExactly(1L, 4L);
        assertThat(find("source:https://www.dawn.com/")).containsExactly(1L, 4L);
        assertThat(find("source:epaper.dawn.com")).containsExactly(4L);
        assertThat(find("source:\"le monde\"")).containsExactly(3L);
        assertThat(find("lang:fr")).containsExactly(3L);
        assertThat(find("language:French")).containsExactly(3L);
        assertThat(find("category:politics -lang:fr")).containsExactly(1L, 5L);
    }

    @Test
    void rangesOnToneAndPublished() throws IOException {
        assertThat(find("tone:<-0.3")).containsExactly(1L, 4L);
        assertThat(find("tone:<=-0.4")).containsExactly(1L, 4L);
        assertThat(find("tone:>0")).containsExactly(2L, 3L);
        assertThat(find("tone:[-0.4 TO 0.1]")).containsExactly(1L, 2L, 5L);
        assertThat(find("tone:{-0.4 TO 0.1}")).containsExactly(5L);
        // whole days, UTC, both ends included
        assertThat(find("published:[2024-01-01 TO 2024-01-31]")).containsExactly(1L, 2L, 4L);
        assertThat(find("published:2024-01-31")).containsExactly(4L);
        assertThat(find("published:>=2024-02")).containsExactly(3L, 5L);
        assertThat(find("published:>2024-01-31")).containsExactly(3L, 5L);
        assertThat(find("published:<2024-01-18")).containsExactly(2L);
        assertThat(find("published:[2024-01-18T10:00:00Z TO *]")).containsExactly(1L, 3L, 4L, 5L);
        assertThat(find("iran published:[2024-02-01 TO 2024-02-28]")).containsExactly(5L);
    }

    @Test
    void malformedQueriesGetAPositionedPlainMessage() {
        assertThat(error("iran NEAR pakistan").getMessage()).contains("NEAR needs a distance, e.g. NEAR/5");
        assertThat(error("iran NEAR pakistan").position()).isEqualTo(5);
        QueryException open = error("iran AND (pakistan OR india");
        assertThat(open.getMessage()).isEqualTo("unbalanced parenthesis at 9: it is never closed");
        assertThat(open.position()).isEqualTo(9);
        assertThat(error("iran) OR x").getMessage()).startsWith("unbalanced parenthesis at 4");
        assertThat(error("\"border security").getMessage()).isEqualTo("unterminated quote at 0");
        assertThat(error("iran AND").getMessage()).isEqualTo("AND at 5 needs a term after it");
        assertThat(error("OR iran").getMessage()).isEqualTo("OR at 0 needs a term before it");
        assertThat(error("NOT").getMessage()).isEqualTo("NOT at 0 needs a term after it");
        assertThat(error("colour:red").getMessage()).startsWith("unknown field 'colour' at 0");
        assertThat(error("title: iran").getMessage()).isEqualTo("title: at 0 needs a value");
        assertThat(error("country:XX").getMessage()).contains("ISO 3166-1 alpha-2");
        assertThat(error("tone:0.5").getMessage()).contains("needs a comparison");
        assertThat(error("published:[2024-13-01 TO 2024-12-31]").getMessage()).contains("is not a date");
        assertThat(error("category:weather").getMessage()).contains("categories are politics");
        assertThat(error("(iran AND pakistan) NEAR/3 border").getMessage()).contains("AND, NOT and ranges");
        assertThat(error("title:iran NEAR/3 border").getMessage()).contains("title:(a NEAR/3 b)");
        assertThat(error("()").getMessage()).isEqualTo("empty parentheses at 0");
        assertThat(error("   ").getMessage()).isEqualTo("the query is empty");
        assertThat(error("& ! ,").getMessage()).isEqualTo("the query has no searchable words");
    }

    @Test
    void limitsNameThemselves() {
        QueryLimits tight = new QueryLimits(40, 3, 10, 100, java.time.Duration.ofSeconds(1));
        assertThatThrownBy(() -> AnalystQuery.parse("a b c d", tight))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("newsmon.search.max-clauses");
        assertThatThrownBy(() -> AnalystQuery.parse("a NEAR/11 b", tight))
                .hasMessageContaining("newsmon.search.max-near-distance");
        assertThatThrownBy(() -> AnalystQuery.parse("x".repeat(41), tight))
                .hasMessageContaining("newsmon.search.max-query-length");
    }

    @Test
    void theParsedTreeShowsHowPrecedenceWasRead() {
        assertThat(AnalystQuery.parse("a OR b c NOT d", QueryLimits.DEFAULT)
                        .parsed()
                        .toString())
                .isEqualTo("(a OR (b AND c AND NOT d))");
        assertThat(AnalystQuery.parse("a NEAR/2 b ONEAR/3 c", QueryLimits.DEFAULT)
                        .parsed()
                        .toString())
                .isEqualTo("((a NEAR/2 b) ONEAR/3 c)");
    }
}
