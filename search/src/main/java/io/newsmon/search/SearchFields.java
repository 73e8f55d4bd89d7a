package io.newsmon.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Field names of the article document, shared by the index, the query compiler and the matcher. */
public final class SearchFields {

    public static final String ID = "id";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String TITLE_STEM = "title_stem";
    public static final String BODY_STEM = "body_stem";
    public static final String PERSON = "person";
    public static final String ORG = "org";
    public static final String PLACE = "place";
    public static final String ENTITY = "entity";
    public static final String SOURCE = "source";
    public static final String SOURCE_NAME = "source_name";
    public static final String LANG = "lang";
    public static final String COUNTRY = "country";
    public static final String CATEGORY = "category";
    public static final String TONE = "tone";
    public static final String PUBLISHED = "published";
    public static final String SEQ = "seq";
    /** Binary doc values with what a hit shows (see {@link ArticleDocument#hitFields}). */
    public static final String HIT = "hit";

    /** Facet fields (sorted-set doc values holding display values). */
    public static final String FACET_SOURCE = "f_source";

    public static final String FACET_PERSON = "f_person";
    public static final String FACET_ORG = "f_org";
    public static final String FACET_PLACE = "f_place";

    /** Fields searched by a word without a field. */
    public static final List<String> DEFAULT_TEXT = List.of(TITLE, BODY);

    private static final Map<String, String> STEMMED = Map.of(TITLE, TITLE_STEM, BODY, BODY_STEM);

    private SearchFields() {}

    /** The field that holds {@code field}'s text stemmed, if it has one. */
    public static Optional<String> stemmed(String field) {
        return Optional.ofNullable(STEMMED.get(field));
    }

    /** The analyzer for every field: stemming on the {@code *_stem} fields, exact words elsewhere. */
    public static Analyzer analyzer() {
        NewsAnalyzer exact = new NewsAnalyzer(false);
        NewsAnalyzer stem = new NewsAnalyzer(true);
        return new PerFieldAnalyzerWrapper(exact, Map.of(TITLE_STEM, stem, BODY_STEM, stem));
    }

    /**
     * A source as the query language and the index spell it: lower case, without scheme, {@code www.}
     * and trailing slash, so {@code source:dawn.com} finds {@code https://www.dawn.com/}.
     */
    public static String normaliseSource(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        v = v.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        int slash = v.indexOf('/');
        if (slash > 0 && v.substring(0, slash).contains(".")) {
            v = v.substring(0, slash);
        }
        if (v.startsWith("www.")) {
            v = v.substring(4);
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
