package io.newsmon.web.api;

import io.newsmon.domain.dto.ArticleDetail;
import io.newsmon.domain.dto.ArticleSummary;
import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.NewSourceTrial;
import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceTrialView;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.dto.StoryView;
import io.newsmon.domain.dto.TopicBackTest;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicRequest;
import io.newsmon.domain.dto.TopicView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    /** {@code {id, countries: [{code, mentions}], categories: [slug]}}. */
    @GET
    @Path("/articles/{id}/classification")
    Map<String, Object> classification(@PathParam("id") long id);

    @GET
    @Path("/sources")
    List<SourceView> sources();

    @GET
    @Path("/sources/{id}")
    SourceView source(@PathParam("id") long id);

    @POST
    @Path("/sources")
    @Consumes(MediaType.APPLICATION_JSON)
    SourceView addSource(NewSource source);

    @POST
    @Path("/sources/trials")
    @Consumes(MediaType.APPLICATION_JSON)
    SourceTrialView startSourceTrial(NewSourceTrial trial);

    @GET
    @Path("/sources/trials/{id}")
    SourceTrialView sourceTrial(@PathParam("id") long id);

    @PATCH
    @Path("/sources/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    SourceView updateSource(@PathParam("id") long id, NewSource change);

    @GET
    @Path("/sources/opml")
    @Produces({"text/x-opml", MediaType.APPLICATION_XML})
    String exportOpml();

    /** {@code {added, skipped, ...}} as the api counts them. */
    @POST
    @Path("/sources/opml")
    @Consumes("text/x-opml")
    Map<String, Object> importOpml(String opml);

    /** The index's state: documents, and a reindex's progress when one runs. */
    @GET
    @Path("/search/status")
    Map<String, Object> searchStatus();

    @POST
    @Path("/search/reindex")
    Map<String, Object> reindex();

    /**
     * Search: {@code from}/{@code to} are dates or instants (published on or after / before), {@code stem}
     * matches other word forms; {@code highlight=false} leaves out {@code titleHighlighted} and {@code snippet}
     * (the api then skips its highlighter), for an export that shows neither. Null parameters are not sent.
     */
    @GET
    @Path("/search")
    SearchResult search(
            @QueryParam("q") String q,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("sort") String sort,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @QueryParam("stem") Boolean stem,
            @QueryParam("interval") String interval,
            @QueryParam("highlight") Boolean highlight);

    /** {@code {valid, parsed}} or {@code {valid: false, error, position, limit}}. */
    @GET
    @Path("/search/validate")
    Map<String, Object> validate(@QueryParam("q") String q, @QueryParam("stem") Boolean stem);

    @GET
    @Path("/entities")
    PageResult<EntityView> entities(
            @QueryParam("type") String type,
            @QueryParam("q") String q,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/entities/{id}")
    EntityView.Detail entity(@PathParam("id") long id);

    @GET
    @Path("/stories")
    PageResult<StoryView> stories(
            @QueryParam("minSources") int minSources, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/stories/{id}")
    StoryView.Detail story(@PathParam("id") long id);

    @GET
    @Path("/topics")
    List<TopicView> topics();

    @GET
    @Path("/topics/{id}")
    TopicView topic(@PathParam("id") long id);

    @POST
    @Path("/topics")
    @Consumes(MediaType.APPLICATION_JSON)
    TopicView createTopic(TopicRequest request);

    @PUT
    @Path("/topics/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    TopicView updateTopic(@PathParam("id") long id, TopicRequest request);

    @DELETE
    @Path("/topics/{id}")
    void deleteTopic(@PathParam("id") long id);

    @POST
    @Path("/topics/backtest")
    @Consumes(MediaType.APPLICATION_JSON)
    TopicBackTest backTest(TopicRequest request);

    @GET
    @Path("/topics/{id}/matches")
    List<TopicMatchView> topicMatches(
            @PathParam("id") long id, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The topic's alert e-mails, newest first: state, attempts, last error, subject, items, when sent. */
    @GET
    @Path("/alerts/deliveries")
    List<Map<String, Object>> deliveries(@QueryParam("topic") long topic);
}
