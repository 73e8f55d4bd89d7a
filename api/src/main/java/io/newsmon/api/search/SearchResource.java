package io.newsmon.api.search;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.search.SearchExecutor;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Search with the analyst query language, live query feedback, and the index's state. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class SearchResource {

    /** The answer of {@code /validate}: either valid with the query as read, or the error and its position. */
    public record Validation(boolean valid, String parsed, String error, Integer position, String limit) {}

    private final SearchService search;
    private final SearchIndex index;
    private final SearchConfig config;

    public SearchResource(SearchService search, SearchIndex index, SearchConfig config) {
        this.search = search;
        this.index = index;
        this.config = config;
    }

    @GET
    @Operation(summary = "Search articles with the analyst query language; hits, exact total, facets, histogram")
    public SearchResult search(
            @Parameter(description = "the query, e.g. iran NEAR/5 border -storm", required = true) @QueryParam("q")
                    String q,
            @Parameter(description = "published on or after (2024-01-01 or an ISO instant)") @QueryParam("from")
                    String from,
            @Parameter(description = "published on or before (2024-01-31 or an ISO instant)") @QueryParam("to")
                    String to,
            @Parameter(description = "relevance (default) or date (newest first)") @QueryParam("sort") String sort,
            @Parameter(description = "page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 1000 (default 20)") @QueryParam("size") String size,
            @Parameter(description = "true: match other forms of title and body words (English)") @QueryParam("stem")
                    String stem,
            @Parameter(description = "histogram buckets: day or hour (default: hour for ranges up to 3 days)")
                    @QueryParam("interval")
                    String interval,
            @Parameter(description = "false: hits without titleHighlighted and snippet, for exports (default true)")
                    @QueryParam("highlight")
                    String highlight) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badQuery("q", "the query is empty", 0, null);
        }
        return search.search(new SearchExecutor.Request(
                q,
                blankToNull(from),
                blankToNull(to),
                sort(sort),
                QueryParams.intIn("page", page, 0, 0, 100_000),
                QueryParams.intIn("size", size, 20, 1, 1000),
                bool("stem", stem),
                interval(interval),
                highlight == null || highlight.isBlank() || bool("highlight", highlight)));
    }

    @GET
    @Path("validate")
    @Operation(summary = "Check a query as it is typed: the parsed form, or the error with its position")
    public Validation validate(@QueryParam("q") String q, @QueryParam("stem") String stem) {
        try {
            AnalystQuery parsed = AnalystQuery.parse(q, config.limits(), bool("stem", stem));
            return new Validation(true, parsed.parsed().toString(), null, null, null);
        } catch (QueryException e) {
            return new Validation(false, null, e.getMessage(), e.position() < 0 ? null : e.position(), e.limit());
        }
    }

    @GET
    @Path("status")
    @Operation(summary = "Whether the index has caught up with the database, and how far it is")
    public SearchIndex.Status status() {
        return index.status();
    }

    @POST
    @Path("reindex")
    @RolesAllowed("admin")
    @Operation(summary = "Drop the index and rebuild it from the database, in the background")
    public Response reindex() {
        index.rebuild();
        return Response.accepted(index.status()).build();
    }

    @GET
    @Path("skipped")
    @RolesAllowed("admin")
    @Operation(
            summary = "Articles the index could not take, most recent first, with the error; the reconcile pass and a"
                    + " reindex try them again")
    public List<SkippedArticles.Skipped> skipped(
            @Parameter(description = "at most this many, 1 to 1000 (default 100)") @QueryParam("limit") String limit)
            throws SQLException {
        return index.skipped(QueryParams.intIn("limit", limit, 100, 1, 1000));
    }

    @POST
    @Path("reconcile")
    @RolesAllowed("admin")
    @Operation(summary = "Compare the index with the database now and repair what differs, in the background")
    public Response reconcile() {
        index.reconcileSoon();
        return Response.accepted(index.status()).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean sort(String sort) {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("relevance")) {
            return false;
        }
        if (sort.equalsIgnoreCase("date")) {
            return true;
        }
        throw ProblemException.badField("sort", "must be relevance or date, got '" + sort + "'");
    }

    private static String interval(String interval) {
        if (interval == null || interval.isBlank()) {
            return null;
        }
        String i = interval.strip().toLowerCase(Locale.ROOT);
        if (!i.equals("day") && !i.equals("hour")) {
            throw ProblemException.badField("interval", "must be day or hour, got '" + interval + "'");
        }
        return i;
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badField(name, "must be true or false, got '" + value + "'");
        };
    }
}
