package io.newsmon.search.topics;

import io.newsmon.search.SearchFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Turns the hit positions of a match back into the article's words. The document is analysed
 * again field by field, numbering positions as Lucene's in-memory index does (a multi-valued field continues
 * after the analyzer's position gap), so a wildcard hit gives the word it matched. Hits in a stemmed field
 * are read from its exact twin at the same positions (same tokenizer), so {@code econom*} with stemming
 * yields "economies", not "economi". Keyword fields (source, language, country, category) hold no words of
 * the text and are left out.
 */
final class MatchedTerms {

    /** Text fields whose words are worth highlighting; a stemmed field maps to its exact twin. */
    private static final Map<String, String> TEXT_FIELDS = Map.of(
            SearchFields.TITLE, SearchFields.TITLE,
            SearchFields.BODY, SearchFields.BODY,
            SearchFields.TITLE_STEM, SearchFields.TITLE,
            SearchFields.BODY_STEM, SearchFields.BODY,
            SearchFields.PERSON, SearchFields.PERSON,
            SearchFields.ORG, SearchFields.ORG,
            SearchFields.PLACE, SearchFields.PLACE,
            SearchFields.ENTITY, SearchFields.ENTITY);

    private final Document document;
    private final Analyzer analyzer;
    private final Map<String, Map<Integer, String>> positions = new HashMap<>();

    MatchedTerms(Document document, Analyzer analyzer) {
        this.document = document;
        this.analyzer = analyzer;
    }

    /** The distinct words at the match's hits, in field order then position order. */
    Set<String> of(Map<String, Set<HighlightsMatch.Hit>> hitsByField) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Set<HighlightsMatch.Hit>> e : hitsByField.entrySet()) {
            String field = TEXT_FIELDS.get(e.getKey());
            if (field == null) {
                continue;
            }
            Map<Integer, String> words = positions.computeIfAbsent(field, this::analyse);
            for (HighlightsMatch.Hit hit : e.getValue()) {
                for (int p = hit.startPosition; p <= hit.endPosition && p >= 0; p++) {
                    String w = words.get(p);
                    if (w != null) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    /** Position → word of one field, numbered as {@code MemoryIndex} numbers them. */
    private Map<Integer, String> analyse(String field) {
        Map<Integer, String> out = new HashMap<>();
        IndexableField[] values = document.getFields(field);
        int tokens = 0;
        int last = -1;
        for (IndexableField f : values) {
            if (f.fieldType().indexOptions() == IndexOptions.NONE) {
                continue;
            }
            int pos = tokens > 0 ? last + analyzer.getPositionIncrementGap(field) : -1;
            try (TokenStream ts = f.tokenStream(analyzer, null)) {
                if (ts == null) {
                    continue;
                }
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens++;
                    pos += inc.getPositionIncrement();
                    out.putIfAbsent(pos, term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (tokens > 0) {
                last = pos;
            }
        }
        return out;
    }
}
