package io.newsmon.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import io.newsmon.search.query.QueryLimits;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated queries: each either runs or fails with the parser's {@link QueryException} at a
 * position inside the query (or -1 for the query as a whole). Any other exception is what an API answers
 * with 500. The seed is fixed, so a failure names a query that reproduces.
 */
class QueryFuzzTest {

    private static final String[] PIECES = {
        "iran",
        "border",
        "talks",
        "econ*",
        "gro?th",
        "bor*er",
        "ab*",
        "a*",
        "*",
        "?",
        "**",
        "abc*?*?*?*?*",
        "\"",
        "\"iran",
        "\"border talk*\"",
        "\"\"",
        "(",
        ")",
        "()",
        "AND",
        "OR",
        "NOT",
        "-",
        "+",
        "&&",
        "||",
        "NEAR/3",
        "ONEAR/2",
        "NEAR/",
        "NEAR/999999999",
        "NEAR",
        "title:",
        "body:",
        "person:",
        "org:",
        "place:",
        "entity:",
        "country:",
        "country:PK",
        "country:Narnia",
        "lang:en",
        "lang:",
        "source:",
        "source:dawn.com",
        "category:politics",
        "category:nope",
        "tone:",
        "tone:<-0.3",
        "tone:[-1 TO 0]",
        "tone:[a TO b]",
        "tone:>x",
        "published:",
        "published:2024",
        "published:2024-13",
        "published:>=2024-01-01",
        "published:[2024-01-01 TO 2024-01-31]",
        "published:[2024 TO",
        "published:{* TO *}",
        "published:[x TO y]",
        "colour:red",
        "title:(iran OR border)",
        "title:(title:iran)",
        "\\",
        ":",
        "::",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">=",
        "é",
        "Amir-Abdollahian",
        "U.S.-Iran",
        "...",
        "-(",
        "NOT(",
        "title:\"\"",
        "title:ab*",
        "person:ab*",
        "country:ab*",
        "\u0000",
        "\ud83d\ude00",
        "iran NEAR/2 (border OR talks)",
        "(iran AND border) NEAR/2 talks",
        "title:iran NEAR/2 border",
        "\"abc* def*\" NEAR/3 iran",
        "body:(econ* NEAR/5 gro*)",
        "ab" + "*?".repeat(40),
        "abc" + "?*".repeat(200),
        "eco" + "*a".repeat(60),
        "abc*x" + "?".repeat(16),
        "\"abb*\"",
        "abb* NEAR/2 abi*",
        "abb* NEAR/3 (abl* OR abs*)",
        "\"abb* abi*\""
    };

    /** Tight limits, so that expansion limits are reached on the small index. */
    private static final QueryLimits TIGHT = new QueryLimits(2000, 100, 50, 2, java.time.Duration.ofSeconds(5));

    private static ByteBuffersDirectory dir;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(AnalystQuery.analyzer()))) {
            String[] words = {
                "economy",
                "economic",
                "economists",
                "growth",
                "border",
                "borders",
                "iran",
                "talks",
                "abacus",
                "abbey",
                "abduct",
                "abide",
                "ability",
                "able",
                "abroad",
                "absent"
            };
            for (int i = 0; i < 40; i++) {
                StringBuilder body = new StringBuilder();
                for (int j = 0; j < 30; j++) {
                    body.append(words[(i * 7 + j * 3) % words.length]).append(' ');
                }
                w.addDocument(new ArticleDocument(
                                i,
                                i,
                                "https://fuzz.example/" + i,
                                "Title " + words[i % words.length],
                                body.toString(),
                                "Fuzz Wire",
                                List.of("fuzz.example"),
                                "en",
                                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i),
                                List.of("Jalil Abbas"),
                                List.of("Abbey Road"),
                                List.of("Abbottabad"),
                                List.of("PK"),
                                List.of("politics"),
                                0.1,
                                java.util.Map.of())
                        .toDocument());
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void randomQueriesRunOrFailWithAPosition() {
        Random random = new Random(14);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            StringBuilder q = new StringBuilder();
            int parts = 1 + random.nextInt(7);
            for (int i = 0; i < parts; i++) {
                if (i > 0 && random.nextInt(4) != 0) {
                    q.append(' ');
                }
                q.append(PIECES[random.nextInt(PIECES.length)]);
            }
            check(q.toString(), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void mutatedQueriesRunOrFailWithAPosition() {
        String[] valid = {
            "iran NEAR/5 border -storm",
            "title:(econ* OR growth) AND published:[2024-01-01 TO 2024-01-31]",
            "\"border talk*\" ONEAR/3 (iran OR pakistan) country:PK lang:en",
            "person:\"Jalil Abbas\" OR org:(abbey road) NOT tone:<-0.5",
            "source:dawn.com category:politics published:>=2024-01 body:gro?th"
        };
        String alphabet = "()\"*?:-+[]{}<>=/\\ aANDORNOTEAR0123456789\u00e9";
        Random random = new Random(2026);
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            StringBuilder q = new StringBuilder(valid[random.nextInt(valid.length)]);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && q.length() > 0; e++) {
                int at = random.nextInt(q.length());
                switch (random.nextInt(3)) {
                    case 0 -> q.deleteCharAt(at);
                    case 1 -> q.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> q.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            check(q.toString(), failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(String q, List<String> failures) {
        try {
            QueryLimits limits = q.length() % 2 == 0 ? QueryLimits.DEFAULT : TIGHT;
            AnalystQuery parsed = AnalystQuery.parse(q, limits, q.hashCode() % 2 == 0);
            // what search does: expansions are counted first, then the query runs
            parsed.checkWildcards(reader, limits.maxWildcardExpansions());
            searcher.search(parsed.query(), 10);
        } catch (QueryException e) {
            if (e.position() < -1 || e.position() > q.length()) {
                failures.add("position " + e.position() + " outside the query: " + show(q) + " — " + e.getMessage());
            }
        } catch (Exception | StackOverflowError e) {
            if (failures.size() < 30) {
                failures.add(e.getClass().getSimpleName() + " for " + show(q) + ": " + e.getMessage());
            }
        }
    }

    private static String show(String q) {
        return "[" + q.replace("\u0000", "\\0") + "]";
    }
}
