package io.newsmon.web.api;

import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The parts of the newsmon REST API the dashboard reads, called with the signed-in user's token. */
@RegisterRestClient(configKey = "newsmon-api")
@RegisterClientHeaders(BearerTokenForwarder.class)
@Path("/api")
public interface NewsmonApi {

    @GET
    @Path("/articles")
    PageResult<ArticleSummary> articles(
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("language") String language,
            @QueryParam("state") String state);

    @GET
    @Path("/articles/{id}")
    ArticleDetail article(@PathParam("id") long id);

    @GET
    @Path("/sources")
    List<SourceView> sources();

    @GET
    @Path("/search")
    SearchResult search(
            @QueryParam("q") String q,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("sort") String sort);

    /** {@code {valid, parsed}} or {@code {valid: false, error, position, limit}}. */
    @GET
    @Path("/search/validate")
    Map<String, Object> validate(@QueryParam("q") String q);
}
