package io.newsmon.api.requeue;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.pipeline.ArticleQueue;
import io.newsmon.domain.pipeline.PipelineState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Puts FAILED articles back in the pipeline (admin): after a site came back, a bug was fixed or a
 * limit was raised, the articles parked meanwhile are fetched or enriched again.
 */
@Path("/api/articles/requeue")
@Produces(MediaType.APPLICATION_JSON)
public class RequeueResource {

    /** How many FAILED rows went back, and to which filters. */
    public record Requeued(int requeued, Long source, String stage, String kind) {}

    private final ArticleQueue queue;

    public RequeueResource(DataSource dataSource, Clock clock) {
        this.queue = new ArticleQueue(dataSource, clock);
    }

    @POST
    @RolesAllowed("admin")
    @Operation(
            summary = "Requeue FAILED articles (admin): each goes back to the stage it failed in, with fresh"
                    + " attempts. Filters: source (id), stage (fetch or enrich), kind (permanent, transient or"
                    + " stalled); none means every FAILED article")
    public Requeued requeue(
            @QueryParam("source") String source, @QueryParam("stage") String stage, @QueryParam("kind") String kind)
            throws SQLException {
        Long sourceId = QueryParams.optionalId("source", source);
        PipelineState from = stage(stage);
        String failure = kind(kind);
        int n = queue.requeue(sourceId, from, failure);
        return new Requeued(n, sourceId, stage == null ? null : stage.toLowerCase(Locale.ROOT), failure);
    }

    private static PipelineState stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        return switch (stage.strip().toLowerCase(Locale.ROOT)) {
            case "fetch", "discovered" -> PipelineState.DISCOVERED;
            case "enrich", "extracted" -> PipelineState.EXTRACTED;
            default -> throw ProblemException.badField("stage", "one of fetch, enrich; not '" + stage + "'");
        };
    }

    private static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        String k = kind.strip().toUpperCase(Locale.ROOT);
        if (!k.equals("PERMANENT") && !k.equals("TRANSIENT") && !k.equals("STALLED")) {
            throw ProblemException.badField("kind", "one of permanent, transient, stalled; not '" + kind + "'");
        }
        return k;
    }
}
