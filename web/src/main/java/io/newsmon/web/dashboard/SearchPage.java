package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the search page shows: the form as typed (query, date range, sort, page size, stemming), the
 * filters as removable chips, either an error beside its field (with a caret under a query position) or
 * the result with its histogram, facets that add a filter, paging, export and save-as-topic links.
 */
public record SearchPage(
        Params params,
        String error,
        String errorField,
        String caret,
        SearchResult result,
        Charts.VolumeChart histogram,
        List<Chip> chips,
        List<FacetGroup> facets,
        Paging paging) {

    public static final List<Integer> SIZES = List.of(10, 25, 50, 100);

    /** The search as the form and the links carry it; {@code filters} are query clauses such as country:PK. */
    public record Params(
            String q, String from, String to, String sort, int page, int size, boolean stem, List<String> filters) {

        /** What the api is asked: the query, and every filter, all required. */
        public String combined() {
            if (filters.isEmpty()) {
                return q;
            }
            String f = String.join(" ", filters);
            return q == null || q.isBlank() ? f : "(" + q + ") " + f;
        }

        Params withPage(int p) {
            return new Params(q, from, to, sort, p, size, stem, filters);
        }

        Params withFilters(List<String> f) {
            return new Params(q, from, to, sort, 0, size, stem, f);
        }

        Params withDates(String f, String t) {
            return new Params(q, f, t, sort, 0, size, stem, filters);
        }

        /** Everything published on the UTC day that starts at {@code start}. */
        static Params dayQuery(Instant start) {
            String d = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
            return new Params("published:" + d, null, null, "date", 0, 25, false, List.of());
        }

        public boolean isDate() {
            return "date".equals(sort);
        }
    }

    /** A filter in force, with the link that removes it. */
    public record Chip(String label, String removeHref) {}

    /** One facet's values, each a link that adds it as a filter. */
    public record FacetGroup(String title, List<FacetLink> values) {}

    public record FacetLink(String label, long count, String href, boolean active) {}

    /** Facet name in the API → its title here and the query field it narrows by. */
    private static final Map<String, String[]> FIELDS = Map.of(
            "sources", new String[] {"Sources", "source"},
            "countries", new String[] {"Countries", "country"},
            "persons", new String[] {"People", "person"},
            "organizations", new String[] {"Organisations", "org"},
            "places", new String[] {"Places", "place"},
            "languages", new String[] {"Languages", "lang"},
            "categories", new String[] {"Categories", "category"});

    private static final List<String> ORDER =
            List.of("sources", "countries", "persons", "organizations", "places", "languages", "categories");

    static SearchPage form(Params p) {
        return new SearchPage(p, null, null, null, null, null, chips(p), List.of(), null);
    }

    static SearchPage error(Params p, String field, String error, Integer position) {
        String caret = null;
        if (position != null && "q".equals(field) && p.q() != null) {
            caret = " ".repeat(Math.max(0, Math.min(position, p.q().length()))) + "^";
        }
        return new SearchPage(p, error, field, caret, null, null, chips(p), List.of(), null);
    }

    /** The result page; an hourly histogram is labelled in {@code zone}, a daily one in UTC days. */
    static SearchPage of(Params p, SearchResult result, java.time.ZoneId zone) {
        List<FacetGroup> groups = new ArrayList<>();
        for (String name : ORDER) {
            List<SearchResult.FacetCount> counts =
                    result.facets() == null ? null : result.facets().get(name);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            String[] f = FIELDS.get(name);
            List<FacetLink> links = new ArrayList<>();
            for (SearchResult.FacetCount c : counts) {
                String clause = f[1] + ":" + quote(c.value());
                boolean active = p.filters().contains(clause);
                List<String> more = new ArrayList<>(p.filters());
                if (!active) {
                    more.add(clause);
                }
                links.add(new FacetLink(c.value(), c.count(), href(p.withFilters(more), null), active));
            }
            groups.add(new FacetGroup(f[0], links));
        }
        int pages = (int)
                Math.max(1, Math.min(10_000 / result.size(), (result.total() + result.size() - 1) / result.size()));
        Paging paging = new Paging(result.page(), pages, result.page() > 0, result.page() + 1 < pages);
        Charts.VolumeChart chart = Charts.volume(
                Charts.filled(result.histogram(), result.interval(), 400), result.interval(), zone, start -> {
                    if ("hour".equals(result.interval())) {
                        return null;
                    }
                    String d = LocalDate.ofInstant(start, ZoneOffset.UTC).toString();
                    return href(p.withDates(d, d), null);
                });
        return new SearchPage(p, null, null, null, result, chart, chips(p), groups, paging);
    }

    private static List<Chip> chips(Params p) {
        List<Chip> chips = new ArrayList<>();
        for (String f : p.filters()) {
            List<String> rest = new ArrayList<>(p.filters());
            rest.remove(f);
            chips.add(new Chip(f, href(p.withFilters(rest), null)));
        }
        if (p.from() != null || p.to() != null) {
            String label =
                    "published " + (p.from() == null ? "…" : p.from()) + " to " + (p.to() == null ? "…" : p.to());
            chips.add(new Chip(label, href(p.withDates(null, null), null)));
        }
        return chips;
    }

    /** A facet value as a query term: bare when it is one word, else quoted. */
    static String quote(String value) {
        return value.matches("[\\p{L}\\p{N}.-]+") ? value : '"' + value.replace("\"", "") + '"';
    }

    /** The link to the search page ({@code path} null) or to another path with these parameters. */
    static String href(Params p, String path) {
        StringBuilder s = new StringBuilder(path == null ? "/search" : path);
        s.append("?q=").append(enc(p.q() == null ? "" : p.q()));
        for (String f : p.filters()) {
            s.append("&f=").append(enc(f));
        }
        if (p.from() != null) {
            s.append("&from=").append(p.from());
        }
        if (p.to() != null) {
            s.append("&to=").append(p.to());
        }
        s.append("&sort=").append(p.sort());
        if (p.size() != 25) {
            s.append("&size=").append(p.size());
        }
        if (p.stem()) {
            s.append("&stem=true");
        }
        if (p.page() > 0) {
            s.append("&page=").append(p.page());
        }
        return s.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public String q() {
        return params.q();
    }

    public List<Integer> sizes() {
        return SIZES;
    }

    public boolean hasError(String field) {
        return field.equals(errorField);
    }

    public String previousHref() {
        return href(params.withPage(paging.previous()), null);
    }

    public String nextHref() {
        return href(params.withPage(paging.next()), null);
    }

    public String exportHref(String format) {
        return href(params.withPage(0), "/search/export." + format);
    }

    /** The topic editor, filled with this query and these filters. */
    public String saveAsTopicHref() {
        StringBuilder s = new StringBuilder("/topics/new?query=").append(enc(params.q() == null ? "" : params.q()));
        if (!params.filters().isEmpty()) {
            s.append("&filter=").append(enc(String.join(" ", params.filters())));
        }
        if (params.stem()) {
            s.append("&stem=true");
        }
        return s.toString();
    }
}
