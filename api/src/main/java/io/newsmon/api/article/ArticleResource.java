package io.newsmon.api.article;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.pipeline.PipelineState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Articles as the pipeline stored them, newest first. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class ArticleResource {

    private final ArticleService articles;

    public ArticleResource(ArticleService articles) {
        this.articles = articles;
    }

    @GET
    @Operation(summary = "List articles, newest first")
    public PageResult<ArticleSummary> list(
            @Parameter(description = "page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1 to 100 (default 20)") @QueryParam("size") String size,
            @Parameter(description = "source id") @QueryParam("source") String source,
            @Parameter(description = "ISO 639-1 language code, e.g. en") @QueryParam("language") String language,
            @Parameter(description = "pipeline state: DISCOVERED, EXTRACTED, ENRICHED or FAILED") @QueryParam("state")
                    String state) {
        ArticleService.Filter filter = new ArticleService.Filter(
                QueryParams.optionalId("source", source), QueryParams.languageCode("language", language), state(state));
        return articles.list(
                filter, QueryParams.intIn("page", page, 0, 0, 100_000), QueryParams.intIn("size", size, 20, 1, 100));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One article with its body, entities and pipeline status")
    public ArticleDetail get(@PathParam("id") String id) {
        return articles.get(QueryParams.requiredId("id", id));
    }

    private static PipelineState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PipelineState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(
                    "state", "must be one of " + Arrays.toString(PipelineState.values()) + ", got '" + value + "'");
        }
    }
}
