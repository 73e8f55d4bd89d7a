package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.web.api.NewsmonApi;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The analyst dashboard's pages: latest articles, search, one article, sources. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DashboardResource {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance latest(String user, PageResult<ArticleSummary> articles, Paging paging);

        static native TemplateInstance article(String user, ArticleDetail article);

        static native TemplateInstance sources(String user, List<SourceView> sources);

        static native TemplateInstance search(String user, SearchPage search);
    }

    private final NewsmonApi api;
    private final SecurityIdentity identity;

    public DashboardResource(@RestClient NewsmonApi api, SecurityIdentity identity) {
        this.api = api;
        this.identity = identity;
    }

    @GET
    public TemplateInstance latest(@QueryParam("page") String page) {
        int p = Paging.parsePage(page);
        PageResult<ArticleSummary> articles = ApiCalls.call(() -> api.articles(p, PAGE_SIZE, null, null));
        return Templates.latest(user(), articles, Paging.of(articles));
    }

    @GET
    @Path("articles/{id}")
    public TemplateInstance article(@PathParam("id") String id) {
        long articleId = Paging.parseId(id);
        return Templates.article(user(), ApiCalls.call(() -> api.article(articleId)));
    }

    @GET
    @Path("sources")
    public TemplateInstance sources() {
        return Templates.sources(user(), ApiCalls.call(api::sources));
    }

    @GET
    @Path("search")
    public TemplateInstance search(
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("sort") String sort) {
        String s = "date".equals(sort) ? "date" : "relevance";
        if (q == null || q.isBlank()) {
            return Templates.search(user(), SearchPage.empty());
        }
        String query = q.strip();
        Map<String, Object> check = ApiCalls.call(() -> api.validate(query));
        if (!Boolean.TRUE.equals(check.get("valid"))) {
            Object position = check.get("position");
            return Templates.search(
                    user(),
                    SearchPage.error(
                            query,
                            s,
                            String.valueOf(check.get("error")),
                            position instanceof Number n ? n.intValue() : null));
        }
        int p = Paging.parsePage(page);
        SearchResult result = ApiCalls.call(() -> api.search(query, p, PAGE_SIZE, s));
        return Templates.search(user(), SearchPage.of(query, s, result));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
