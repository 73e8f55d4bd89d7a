package io.newsmon.api.article;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.article.Article;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where an article is about and what kind of news it is: the countries enrichment placed it in (most
 * mentioned first) and its IPTC categories (best first). The dashboard's article page shows them.
 */
@Path("/api/articles/{id}/classification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class ArticleClassificationResource {

    /** A country by ISO 3166 code, with how often the article places itself there. */
    public record CountryCount(String code, int mentions) {}

    public record Classification(long id, List<CountryCount> countries, List<String> categories) {}

    @GET
    @Operation(summary = "An article's countries (most mentioned first) and IPTC categories (best first)")
    public Classification get(@PathParam("id") String id) {
        long articleId = QueryParams.requiredId("id", id);
        Article article = Article.findById(articleId);
        if (article == null) {
            throw ProblemException.notFound("article " + articleId);
        }
        List<CountryCount> countries = new ArrayList<>();
        for (Object row : Article.getEntityManager()
                .createNativeQuery(
                        "SELECT code, mentions FROM article_country WHERE article_id = ?1 ORDER BY mentions DESC, code")
                .setParameter(1, articleId)
                .getResultList()) {
            Object[] r = (Object[]) row;
            countries.add(new CountryCount((String) r[0], ((Number) r[1]).intValue()));
        }
        return new Classification(articleId, countries, article.categoryList());
    }
}
