package io.newsmon.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * What search and alerts know of an article, and its one mapping to a Lucene document. The index in
 * {@code api} and the topic matcher in {@code nlp} both build documents here, so a query finds the same
 * articles in both.
 *
 * @param published when it was published, or when it was fetched if the page did not say
 * @param sourceHosts hosts the article and its source live on (the article URL's host at least)
 * @param tone from -1 (negative) to 1 (positive), or null before enrichment scores it
 * @param aliases other written forms of the entities (field → forms): searchable, not facets
 */
public record ArticleDocument(
        long id,
        long seq,
        String url,
        String title,
        String body,
        String sourceName,
        List<String> sourceHosts,
        String language,
        Instant published,
        List<String> persons,
        List<String> organisations,
        List<String> places,
        List<String> countries,
        List<String> categories,
        Double tone,
        java.util.Map<String, List<String>> aliases) {

    /**
     * Changes whenever fields or their index options change: an index built with another mapping is rebuilt
     * from the database instead of failing on the first new document.
     */
    public static final String MAPPING_VERSION = "3";

    /** Text with positions and offsets, so phrases, NEAR and highlighting need no re-analysis. */
    private static final FieldType TEXT_STORED = textType(true);

    /** Searched, never highlighted (stemmed text, entity names): positions for phrases and NEAR suffice. */
    private static final FieldType TEXT = textType(false);

    private static FieldType textType(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(
                stored
                        ? IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS
                        : IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setStored(stored);
        t.freeze();
        return t;
    }

    public Document toDocument() {
        Document d = new Document();
        d.add(new StringField(SearchFields.ID, Long.toString(id), Field.Store.YES));
        d.add(new NumericDocValuesField(SearchFields.ID, id));
        // what a hit shows, readable without decompressing the stored body
        d.add(new BinaryDocValuesField(SearchFields.HIT, new BytesRef(hitFields())));
        d.add(new StoredField(SearchFields.SEQ, seq));
        if (url != null) {
            d.add(new StoredField(SearchFields.URL, url));
        }
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        d.add(new Field(SearchFields.TITLE, t, TEXT_STORED));
        d.add(new Field(SearchFields.BODY, b, TEXT_STORED));
        d.add(new Field(SearchFields.TITLE_STEM, t, TEXT));
        d.add(new Field(SearchFields.BODY_STEM, b, TEXT));

        if (sourceName != null && !sourceName.isBlank()) {
            d.add(new StoredField(SearchFields.SOURCE_NAME, sourceName));
            d.add(new SortedSetDocValuesField(SearchFields.FACET_SOURCE, new BytesRef(sourceName)));
        }
        for (String key : sourceKeys()) {
            d.add(new StringField(SearchFields.SOURCE, key, Field.Store.NO));
        }
        if (language != null && !language.isBlank()) {
            String lang = language.toLowerCase(Locale.ROOT);
            d.add(new StringField(SearchFields.LANG, lang, Field.Store.YES));
            d.add(new SortedSetDocValuesField(SearchFields.LANG, new BytesRef(lang)));
        }
        if (published != null) {
            long ms = published.toEpochMilli();
            d.add(new LongPoint(SearchFields.PUBLISHED, ms));
            d.add(new NumericDocValuesField(SearchFields.PUBLISHED, ms));
            d.add(new StoredField(SearchFields.PUBLISHED, ms));
        }
        entities(d, SearchFields.PERSON, SearchFields.FACET_PERSON, persons);
        entities(d, SearchFields.ORG, SearchFields.FACET_ORG, organisations);
        entities(d, SearchFields.PLACE, SearchFields.FACET_PLACE, places);
        if (aliases != null) {
            aliases.forEach((field, forms) -> {
                for (String form : distinct(forms)) {
                    d.add(new Field(field, form, TEXT));
                    d.add(new Field(SearchFields.ENTITY, form, TEXT));
                }
            });
        }
        for (String c : distinct(countries)) {
            String code = c.toUpperCase(Locale.ROOT);
            d.add(new StringField(SearchFields.COUNTRY, code, Field.Store.NO));
            d.add(new SortedSetDocValuesField(SearchFields.COUNTRY, new BytesRef(code)));
        }
        for (String c : distinct(categories)) {
            String slug = c.toLowerCase(Locale.ROOT);
            d.add(new StringField(SearchFields.CATEGORY, slug, Field.Store.NO));
            d.add(new SortedSetDocValuesField(SearchFields.CATEGORY, new BytesRef(slug)));
        }
        if (tone != null && !tone.isNaN()) {
            d.add(new DoublePoint(SearchFields.TONE, tone));
        }
        return d;
    }

    /** url, title, source name and language joined by NUL, for {@link #hitFields(BytesRef)}. */
    private String hitFields() {
        return String.join("\u0000", nz(url), nz(title), nz(sourceName), nz(language));
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace('\u0000', ' ');
    }

    /** The url, title, source name and language stored in {@link SearchFields#HIT}; absent ones are null. */
    public static String[] hitFields(BytesRef value) {
        String[] parts = value.utf8ToString().split("\u0000", -1);
        String[] out = new String[4];
        for (int i = 0; i < 4; i++) {
            out[i] = i < parts.length && !parts[i].isEmpty() ? parts[i] : null;
        }
        return out;
    }

    private static void entities(Document d, String field, String facet, List<String> names) {
        for (String name : distinct(names)) {
            d.add(new Field(field, name, TEXT));
            d.add(new Field(SearchFields.ENTITY, name, TEXT));
            d.add(new SortedSetDocValuesField(facet, new BytesRef(name)));
        }
    }

    /** The values {@code source:} matches: the source's name and each host with its parent domains. */
    List<String> sourceKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (sourceName != null && !sourceName.isBlank()) {
            keys.add(SearchFields.normaliseSource(sourceName));
        }
        for (String host : sourceHosts == null ? List.<String>of() : sourceHosts) {
            String h = SearchFields.normaliseSource(host);
            while (h.indexOf('.') > 0) {
                keys.add(h);
                h = h.substring(h.indexOf('.') + 1);
            }
        }
        keys.remove("");
        return new ArrayList<>(keys);
    }

    private static Set<String> distinct(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }
}
