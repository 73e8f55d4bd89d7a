package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.SearchResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the search page shows: the query, either its error (with a caret line under the position) or the
 * result with facet links that narrow the query, and paging.
 */
public record SearchPage(
        String q,
        String sort,
        String error,
        String caret,
        SearchResult result,
        List<FacetGroup> facets,
        Paging paging) {

    /** One facet's values, each a link to the query narrowed by it. */
    public record FacetGroup(String title, List<FacetLink> values) {}

    public record FacetLink(String label, long count, String href) {}

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

    static SearchPage empty() {
        return new SearchPage("", "relevance", null, null, null, List.of(), null);
    }

    static SearchPage error(String q, String sort, String error, Integer position) {
        String caret = position == null ? null : " ".repeat(Math.max(0, Math.min(position, q.length()))) + "^";
        return new SearchPage(q, sort, error, caret, null, List.of(), null);
    }

    static SearchPage of(String q, String sort, SearchResult result) {
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
                String value = c.value().matches("[\\p{L}\\p{N}.-]+")
                        ? c.value()
                        : '"' + c.value().replace("\"", "") + '"';
                links.add(new FacetLink(c.value(), c.count(), href(q + " " + f[1] + ":" + value, sort, 0)));
            }
            groups.add(new FacetGroup(f[0], links));
        }
        int pages = (int)
                Math.max(1, Math.min(10_000 / result.size(), (result.total() + result.size() - 1) / result.size()));
        Paging paging = new Paging(result.page(), pages, result.page() > 0, result.page() + 1 < pages);
        return new SearchPage(q, sort, null, null, result, groups, paging);
    }

    static String href(String q, String sort, int page) {
        return "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&sort=" + sort
                + (page > 0 ? "&page=" + page : "");
    }

    public String previousHref() {
        return href(q, sort, paging.previous());
    }

    public String nextHref() {
        return href(q, sort, paging.next());
    }

    public String otherSortHref() {
        return href(q, sort.equals("date") ? "relevance" : "date", 0);
    }
}
