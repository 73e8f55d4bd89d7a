package io.newsmon.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.StoryView;
import io.newsmon.web.api.NewsmonApi;
import io.newsmon.web.display.DisplayZone;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The analyst dashboard's pages: overview, latest articles, search, one article, entity and story pages. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    static final int PAGE_SIZE = 25;
    static final int EXPORT_SIZE = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(String user, Overview overview);

        static native TemplateInstance latest(String user, PageResult<ArticleSummary> articles, Paging paging);

        static native TemplateInstance article(
                String user,
                ArticleDetail article,
                List<List<ArticleText.Run>> paragraphs,
                List<ArticleText.Named> named,
                StoryView.Detail story,
                String storyError,
                List<String> countries,
                List<String> categories);

        static native TemplateInstance search(String user, SearchPage search);

        static native TemplateInstance entity(
                String user,
                EntityView.Detail entity,
                Charts.VolumeChart timeline,
                Charts.ToneChart tone,
                String searchHref,
                String alertHref);

        static native TemplateInstance story(String user, StoryView.Detail story, List<StoryLine> timeline);
    }

    /** One article in a story's timeline; {@code first} marks the first report. */
    public record StoryLine(ArticleSummary article, boolean first, boolean newSource) {}

    private final NewsmonApi api;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final DisplayZone displayZone;
    private final OverviewCache overviewCache;

    public DashboardResource(
            @RestClient NewsmonApi api,
            SecurityIdentity identity,
            ObjectMapper json,
            Clock clock,
            ManagedExecutor executor,
            DisplayZone displayZone,
            OverviewCache overviewCache) {
        this.api = api;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
        this.displayZone = displayZone;
        this.overviewCache = overviewCache;
    }

    @GET
    public TemplateInstance overview() {
        return Templates.overview(user(), Overview.read(api, clock, executor, overviewCache));
    }

    @GET
    @Path("articles")
    public TemplateInstance latest(@QueryParam("page") String page) {
        int p = Paging.parsePage(page);
        PageResult<ArticleSummary> articles = ApiCalls.call(() -> api.articles(p, PAGE_SIZE, null, null));
        return Templates.latest(user(), articles, Paging.of(articles));
    }

    @GET
    @Path("articles/{id}")
    public TemplateInstance article(@PathParam("id") String id) {
        long articleId = Paging.parseId(id);
        ArticleDetail a = ApiCalls.call(() -> api.article(articleId));
        StoryView.Detail story = null;
        String storyError = null;
        if (a.storyId() != null) {
            try {
                story = ApiCalls.call(() -> api.story(a.storyId()));
            } catch (DashboardException e) {
                storyError = "Its story could not be read: " + e.getMessage();
            }
        }
        List<String> countries = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        try {
            Map<String, Object> c = ApiCalls.call(() -> api.classification(articleId));
            if (c.get("countries") instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Map<?, ?> m && m.get("code") instanceof String code) {
                        countries.add(code);
                    }
                }
            }
            if (c.get("categories") instanceof List<?> l) {
                l.forEach(o -> categories.add(String.valueOf(o)));
            }
        } catch (DashboardException e) {
            if (e.status() == 401) {
                throw e;
            }
            // an api without the classification endpoint: the page shows the rest
        }
        return Templates.article(
                user(),
                a,
                ArticleText.paragraphs(a.body(), a.entities()),
                ArticleText.named(a.entities()),
                story,
                storyError,
                countries,
                categories);
    }

    /** An entity by type and name (as articles and facets name it): its page, or a page saying it is unknown. */
    @GET
    @Path("entities/find")
    public Response findEntity(@QueryParam("type") String type, @QueryParam("name") String name) {
        if (name == null || name.isBlank()) {
            throw new DashboardException(400, "No name", "Say which entity to show: a name is needed.");
        }
        String t = type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT);
        PageResult<EntityView> found = ApiCalls.call(() -> api.entities(t, name.strip(), 0, 20));
        EntityView best = found.items().stream()
                .filter(e -> e.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElse(found.items().isEmpty() ? null : found.items().get(0));
        if (best == null) {
            throw new DashboardException(
                    404,
                    "No such entity",
                    "No " + (t == null ? "entity" : t.toLowerCase(Locale.ROOT)) + " named '" + name.strip()
                            + "' is known yet.");
        }
        return Response.seeOther(URI.create("/entities/" + best.id())).build();
    }

    @GET
    @Path("entities/{id}")
    public TemplateInstance entity(@PathParam("id") String id) {
        long entityId = Paging.parseId(id);
        EntityView.Detail e = ApiCalls.call(() -> api.entity(entityId));
        List<SearchResult.DateBucket> buckets = new ArrayList<>();
        for (EntityView.DayCount d : e.timeline()) {
            try {
                buckets.add(new SearchResult.DateBucket(
                        LocalDate.parse(d.day())
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant(),
                        d.articles()));
            } catch (DateTimeParseException ignored) {
                // a day the api could not date is left out of the chart
            }
        }
        String clause = EntityLinks.field(e.type()) + ":" + SearchPage.quote(e.name());
        String searchHref = SearchPage.href(
                new SearchPage.Params(clause, null, null, "date", 0, PAGE_SIZE, false, List.of()), null);
        String alertHref = "/topics/new?name=" + SearchPage.enc(e.name()) + "&query=" + SearchPage.enc(clause);
        return Templates.entity(
                user(),
                e,
                Charts.volume(Charts.filled(buckets, "day", 400), "day", null),
                Charts.tone(e.timeline(), 60),
                searchHref,
                alertHref);
    }

    @GET
    @Path("stories/{id}")
    public TemplateInstance story(@PathParam("id") String id) {
        long storyId = Paging.parseId(id);
        StoryView.Detail s = ApiCalls.call(() -> api.story(storyId));
        List<StoryLine> lines = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < s.articles().size(); i++) {
            ArticleSummary a = s.articles().get(i);
            lines.add(new StoryLine(a, i == 0, seen.add(a.sourceName() == null ? "" : a.sourceName())));
        }
        return Templates.story(user(), s, lines);
    }

    @GET
    @Path("search")
    public TemplateInstance search(
            @QueryParam("q") String q,
            @QueryParam("f") List<String> filters,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort,
            @QueryParam("size") String size,
            @QueryParam("stem") String stem,
            @QueryParam("page") String page) {
        SearchPage.Params p = params(q, filters, from, to, sort, size, stem, Paging.parsePage(page));
        if (p.combined() == null || p.combined().isBlank()) {
            return Templates.search(user(), SearchPage.form(p));
        }
        SearchPage refused = refusal(p);
        if (refused != null) {
            return Templates.search(user(), refused);
        }
        try {
            SearchResult result = ApiCalls.call(() -> api.search(
                    p.combined(), p.from(), p.to(), p.sort(), p.page(), p.size(), p.stem() ? true : null, null, null));
            return Templates.search(user(), SearchPage.of(p, result, displayZone.zone()));
        } catch (ApiRefused r) {
            String field = r.field() == null ? "q" : r.field();
            return Templates.search(user(), SearchPage.error(p, field, r.getMessage(), r.position()));
        }
    }

    /** Live feedback while a query is typed (the page's script calls it; the form works without it). */
    @GET
    @Path("search/check")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> check(@QueryParam("q") String q, @QueryParam("stem") String stem) {
        if (q == null || q.isBlank()) {
            return Map.of("valid", true);
        }
        return ApiCalls.call(() -> api.validate(q.strip(), "true".equals(stem) ? true : null));
    }

    /** The hits of a search (up to 1,000) as CSV or JSON, for a spreadsheet or a script. */
    @GET
    @Path("search/export.{format}")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(
            @PathParam("format") String format,
            @QueryParam("q") String q,
            @QueryParam("f") List<String> filters,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort,
            @QueryParam("stem") String stem) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new DashboardException(404, "No such export", "Exports are .csv or .json.");
        }
        SearchPage.Params p = params(q, filters, from, to, sort, null, stem, 0);
        if (p.combined() == null || p.combined().isBlank()) {
            throw new DashboardException(400, "Nothing to export", "Type a query first, then export its hits.");
        }
        SearchPage refused = refusal(p);
        if (refused != null) {
            throw new DashboardException(400, "The query was not accepted", refused.error());
        }
        Boolean stemmed = p.stem() ? true : null;
        // the CSV has no highlighted text, so it asks for none; the JSON export carries titleHighlighted and snippet
        Boolean highlight = format.equals("csv") ? false : null;
        SearchResult result = ApiCalls.call(
                () -> api.search(p.combined(), p.from(), p.to(), p.sort(), 0, EXPORT_SIZE, stemmed, null, highlight));
        String name = "newsmon-search-" + LocalDate.now(clock.withZone(displayZone.zone())) + "." + format;
        Object body;
        String type;
        if (format.equals("csv")) {
            body = Exports.csv(result.hits());
            type = "text/csv; charset=utf-8";
        } else {
            try {
                body = json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(Map.of(
                                "query", p.combined(),
                                "total", result.total(),
                                "exported", result.hits().size(),
                                "hits", result.hits()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            type = "application/json";
        }
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** The form's own checks (dates, then the query through the api's validator); null when all pass. */
    private SearchPage refusal(SearchPage.Params p) {
        for (String[] d : new String[][] {{"from", p.from()}, {"to", p.to()}}) {
            if (d[1] != null && !validDate(d[1])) {
                return SearchPage.error(p, d[0], "'" + d[1] + "' is not a date such as 2026-11-30", null);
            }
        }
        if (p.from() != null
                && p.to() != null
                && validDay(p.from())
                && validDay(p.to())
                && LocalDate.parse(p.from()).isAfter(LocalDate.parse(p.to()))) {
            return SearchPage.error(p, "to", "the end date is before the start date", null);
        }
        if (p.q() != null && !p.q().isBlank()) {
            Map<String, Object> check = ApiCalls.call(() -> api.validate(p.q(), p.stem() ? true : null));
            if (!Boolean.TRUE.equals(check.get("valid"))) {
                Object position = check.get("position");
                return SearchPage.error(
                        p, "q", String.valueOf(check.get("error")), position instanceof Number n ? n.intValue() : null);
            }
        }
        return null;
    }

    private static boolean validDay(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean validDate(String s) {
        if (validDay(s)) {
            return true;
        }
        try {
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static SearchPage.Params params(
            String q, List<String> filters, String from, String to, String sort, String size, String stem, int page) {
        int n = PAGE_SIZE;
        if (size != null && !size.isBlank()) {
            try {
                n = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                n = PAGE_SIZE;
            }
            if (!SearchPage.SIZES.contains(n)) {
                n = PAGE_SIZE;
            }
        }
        List<String> f = filters == null
                ? List.of()
                : filters.stream()
                        .filter(x -> x != null && !x.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        return new SearchPage.Params(
                q == null ? "" : q.strip(),
                blank(from),
                blank(to),
                "date".equals(sort) ? "date" : "relevance",
                page,
                n,
                "true".equals(stem) || "on".equals(stem),
                f);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
