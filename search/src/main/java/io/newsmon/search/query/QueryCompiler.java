package io.newsmon.search.query;

import io.newsmon.domain.article.Category;
import io.newsmon.domain.article.Countries;
import io.newsmon.search.SearchFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Turns a parsed query into a Lucene query over the fields of {@link io.newsmon.search.ArticleDocument}.
 * Words go through the same analyzer as the indexed text; a word the analyzer splits ({@code Amir-Abdollahian},
 * {@code U.S.-Iran}) becomes a phrase of its parts. Without a field, text is looked for in the title and the
 * body; NEAR holds within one field.
 */
final class QueryCompiler {

    /** A wildcard the query uses, so a search can count its expansions against the index first. */
    record WildcardTerm(String field, String pattern, int position) {}

    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");
    private static final Map<String, String> LANGUAGE_NAMES = languageNames();

    private final Analyzer analyzer;
    private final QueryLimits limits;
    private final boolean stem;
    final List<WildcardTerm> wildcards = new ArrayList<>();

    QueryCompiler(Analyzer analyzer, QueryLimits limits, boolean stem) {
        this.analyzer = analyzer;
        this.limits = limits;
        this.stem = stem;
    }

    /** The fields a text node searches, or a keyword field's name. */
    private record Scope(List<String> textFields, String keywordField) {
        static Scope text(List<String> fields) {
            return new Scope(fields, null);
        }
    }

    Query compile(Node root) {
        Query q = compile(root, textScope(SearchFields.DEFAULT_TEXT), false);
        if (q == null) {
            throw new QueryException("the query has no searchable words", 0);
        }
        return q;
    }

    private Scope textScope(List<String> fields) {
        if (!stem) {
            return Scope.text(fields);
        }
        return Scope.text(
                fields.stream().map(f -> SearchFields.stemmed(f).orElse(f)).toList());
    }

    /** Null when the node holds nothing searchable (punctuation only). */
    private Query compile(Node node, Scope scope, boolean fielded) {
        if (node instanceof Node.Text t) {
            return scope.keywordField != null ? keyword(scope.keywordField, t) : text(t, scope.textFields);
        }
        if (node instanceof Node.Fielded f) {
            if (fielded) {
                throw new QueryException(
                        "a field inside a field at " + f.position() + " is not supported", f.position());
            }
            return compile(f.child(), scopeOf(f.field()), true);
        }
        if (node instanceof Node.Range r) {
            if (fielded) {
                throw new QueryException(
                        "a field inside a field at " + r.position() + " is not supported", r.position());
            }
            return range(r);
        }
        if (node instanceof Node.And and) {
            return and(and.children(), scope, fielded);
        }
        if (node instanceof Node.Or or) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int n = 0;
            for (Node c : or.children()) {
                Query q = compile(c, scope, fielded);
                if (q != null) {
                    b.add(q, Occur.SHOULD);
                    n++;
                }
            }
            return n == 0 ? null : b.build();
        }
        if (node instanceof Node.Not not) {
            return and(List.of(not), scope, fielded);
        }
        if (node instanceof Node.Near near) {
            if (scope.keywordField != null) {
                throw new QueryException(
                        "NEAR at " + near.position() + " works on text, not on " + scope.keywordField + ":",
                        near.position());
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String field : scope.textFields) {
                b.add(new IntervalQuery(field, intervals(near, field)), Occur.SHOULD);
            }
            return single(b.build());
        }
        throw new IllegalStateException("unknown node " + node);
    }

    private Scope scopeOf(String field) {
        return switch (field) {
            case SearchFields.TITLE, SearchFields.BODY -> textScope(List.of(field));
            case SearchFields.PERSON, SearchFields.ORG, SearchFields.PLACE, SearchFields.ENTITY ->
                Scope.text(List.of(field));
            default -> new Scope(List.of(), field);
        };
    }

    private Query and(List<Node> children, Scope scope, boolean fielded) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int positive = 0;
        int negative = 0;
        for (Node c : children) {
            if (c instanceof Node.Not not) {
                Query q = compile(not.child(), scope, fielded);
                if (q != null) {
                    b.add(q, Occur.MUST_NOT);
                    negative++;
                }
            } else {
                Query q = compile(c, scope, fielded);
                if (q != null) {
                    b.add(q, Occur.MUST);
                    positive++;
                }
            }
        }
        if (positive == 0 && negative == 0) {
            return null;
        }
        if (positive == 0) {
            b.add(new MatchAllDocsQuery(), Occur.MUST); // "NOT x" alone: everything but x
        }
        return b.build();
    }

    private static Query single(BooleanQuery q) {
        return q.clauses().size() == 1 ? q.clauses().get(0).getQuery() : q;
    }

    // ---- text ----

    private Query text(Node.Text t, List<String> fields) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        for (String field : fields) {
            Query q = textIn(t, field);
            if (q != null) {
                b.add(q, Occur.SHOULD);
                n++;
            }
        }
        return n == 0 ? null : single(b.build());
    }

    private Query textIn(Node.Text t, String field) {
        if (t.wildcard()) {
            return wildcardQuery(field, wildcard(t.text(), field, t.position()), t.text(), t.position());
        }
        if (t.quoted() && (t.text().contains("*") || t.text().contains("?"))) {
            return new IntervalQuery(field, phraseIntervals(t, field));
        }
        List<Token> tokens = analyze(field, t.text());
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).text));
        }
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        for (Token tok : tokens) {
            p.add(new Term(field, tok.text), tok.position);
        }
        return p.build();
    }

    private IntervalsSource intervals(Node node, String field) {
        if (node instanceof Node.Text t) {
            if (t.wildcard()) {
                return wildcardIntervals(wildcard(t.text(), field, t.position()), t.text(), t.position());
            }
            if (t.quoted() && (t.text().contains("*") || t.text().contains("?"))) {
                return phraseIntervals(t, field);
            }
            List<Token> tokens = analyze(field, t.text());
            if (tokens.isEmpty()) {
                throw new QueryException(
                        "'" + t.text() + "' at " + t.position() + " has no searchable word to be near to",
                        t.position());
            }
            if (tokens.size() == 1) {
                return Intervals.term(tokens.get(0).text);
            }
            return Intervals.phrase(tokens.stream().map(tok -> tok.text).toArray(String[]::new));
        }
        if (node instanceof Node.Or or) {
            return Intervals.or(
                    or.children().stream().map(c -> intervals(c, field)).toList());
        }
        if (node instanceof Node.Near near) {
            IntervalsSource l = intervals(near.left(), field);
            IntervalsSource r = intervals(near.right(), field);
            return Intervals.maxgaps(
                    near.distance(), near.ordered() ? Intervals.ordered(l, r) : Intervals.unordered(l, r));
        }
        throw new QueryException("unexpected term inside NEAR at " + node.position(), node.position());
    }

    /** A quoted phrase with wildcards in it: each word in turn, wildcards expanded in place. */
    private IntervalsSource phraseIntervals(Node.Text t, String field) {
        List<IntervalsSource> parts = new ArrayList<>();
        for (String word : t.text().strip().split("\\s+")) {
            if (word.contains("*") || word.contains("?")) {
                parts.add(wildcardIntervals(wildcard(word, field, t.position()), word, t.position()));
            } else {
                for (Token tok : analyze(field, word)) {
                    parts.add(Intervals.term(tok.text));
                }
            }
        }
        return parts.size() == 1 ? parts.get(0) : Intervals.phrase(parts.toArray(IntervalsSource[]::new));
    }

    /**
     * A pattern such as {@code abc?*?*?*…} makes an automaton too large to build: refused at its position
     * instead of failing the search.
     */
    private static QueryException tooComplex(String raw, int position) {
        return new QueryException(
                "the wildcard '" + raw + "' at " + position + " is too complex; use fewer * and ? in one word",
                position);
    }

    private static Query wildcardQuery(String field, String pattern, String raw, int position) {
        try {
            return new WildcardQuery(new Term(field, pattern));
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex(raw, position);
        }
    }

    private IntervalsSource wildcardIntervals(String pattern, String raw, int position) {
        try {
            return Intervals.wildcard(new BytesRef(pattern), limits.maxWildcardExpansions());
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex(raw, position);
        }
    }

    private String wildcard(String raw, String field, int position) {
        String folded = fold(raw);
        int first = firstWildcard(folded);
        if (first < 3) {
            throw new QueryException(
                    "the wildcard '" + raw + "' at " + position + " needs at least 3 letters before the first * or ?",
                    position);
        }
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '*' && c != '?') {
                throw new QueryException(
                        "the wildcard '" + raw + "' at " + position
                                + " must be one word: letters and digits, then * or ?",
                        position);
            }
        }
        wildcards.add(new WildcardTerm(field, folded, position));
        return folded;
    }

    private static int firstWildcard(String s) {
        int star = s.indexOf('*');
        int q = s.indexOf('?');
        return star < 0 ? q : q < 0 ? star : Math.min(star, q);
    }

    /** Lower case and accents folded, as the analyzer does, for text the analyzer must not split. */
    static String fold(String s) {
        char[] in = s.toLowerCase(Locale.ROOT).toCharArray();
        char[] out = new char[in.length * 4];
        int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, len);
    }

    private record Token(String text, int position) {}

    private List<Token> analyze(String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ---- keywords ----

    private Query keyword(String field, Node.Text t) {
        if (t.wildcard()) {
            throw new QueryException(
                    "wildcards work in text fields, not in " + field + ": (at " + t.position() + ")", t.position());
        }
        return new TermQuery(new Term(field, keywordValue(field, t.text().strip(), t.position())));
    }

    static String keywordValue(String field, String value, int position) {
        switch (field) {
            case SearchFields.SOURCE -> {
                String v = SearchFields.normaliseSource(value);
                if (v.isEmpty()) {
                    throw new QueryException("source: at " + position + " needs a site such as dawn.com", position);
                }
                return v;
            }
            case SearchFields.COUNTRY -> {
                String upper = value.toUpperCase(Locale.ROOT);
                if (upper.length() == 2 && List.of(Locale.getISOCountries()).contains(upper)) {
                    return upper;
                }
                String byName = Countries.byName(value);
                if (byName != null) {
                    return byName;
                }
                throw new QueryException(
                        "'" + value + "' at " + position + " is not a country; use an ISO 3166-1 alpha-2 code such as"
                                + " country:PK",
                        position);
            }
            case SearchFields.LANG -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (LANG.matcher(lower).matches()) {
                    return lower;
                }
                String byName = LANGUAGE_NAMES.get(fold(value));
                if (byName != null) {
                    return byName;
                }
                throw new QueryException(
                        "'" + value + "' at " + position + " is not a language; use an ISO 639-1 code such as lang:en",
                        position);
            }
            case SearchFields.CATEGORY -> {
                Optional<Category> c = Category.of(value);
                if (c.isEmpty()) {
                    throw new QueryException(
                            "unknown category '" + value + "' at " + position + "; categories are " + Category.slugs(),
                            position);
                }
                return c.get().slug;
            }
            default -> throw new IllegalStateException("not a keyword field: " + field);
        }
    }

    private static Map<String, String> languageNames() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            m.put(fold(new Locale(code).getDisplayLanguage(Locale.ENGLISH)), code);
        }
        return m;
    }

    // ---- ranges ----

    static Query range(Node.Range r) {
        if (r.field().equals(SearchFields.TONE)) {
            double lo = r.lower() == null ? Double.NEGATIVE_INFINITY : number(r.lower(), r.position());
            double hi = r.upper() == null ? Double.POSITIVE_INFINITY : number(r.upper(), r.position());
            if (r.lower() != null && !r.lowerInclusive()) {
                lo = Math.nextUp(lo);
            }
            if (r.upper() != null && !r.upperInclusive()) {
                hi = Math.nextDown(hi);
            }
            return DoublePoint.newRangeQuery(SearchFields.TONE, lo, hi);
        }
        long lo = Long.MIN_VALUE;
        long hi = Long.MAX_VALUE;
        if (r.lower() != null) {
            Instant[] span = span(r.lower(), r.position());
            lo = (r.lowerInclusive() ? span[0] : span[1]).toEpochMilli();
        }
        if (r.upper() != null) {
            Instant[] span = span(r.upper(), r.position());
            hi = (r.upperInclusive() ? span[1] : span[0]).toEpochMilli() - 1;
        }
        return LongPoint.newRangeQuery(SearchFields.PUBLISHED, lo, hi);
    }

    private static double number(String s, int position) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new QueryException(
                    "'" + s + "' at " + position + " is not a number; tone runs from -1 to 1", position);
        }
    }

    /** [start, end) of a date given as a year, a month, a day (UTC) or an exact time. */
    private static Instant[] span(String s, int position) {
        try {
            if (s.matches("\\d{4}")) {
                LocalDate d = LocalDate.of(Integer.parseInt(s), 1, 1);
                return new Instant[] {start(d), start(d.plusYears(1))};
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(s);
                return new Instant[] {start(m.atDay(1)), start(m.plusMonths(1).atDay(1))};
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(s);
                return new Instant[] {start(d), start(d.plusDays(1))};
            }
            Instant t =
                    s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
            return new Instant[] {t, t.plusMillis(1)};
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new QueryException(
                    "'" + s + "' at " + position + " is not a date; write 2024-01-31, 2024-01 or 2024-01-31T08:00:00Z",
                    position);
        }
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
