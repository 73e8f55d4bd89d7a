package io.newsmon.ingest.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import javax.sql.DataSource;

/** The shared pipeline pieces ingest's workers inject. */
public class PipelineBeans {

    @Produces
    @ApplicationScoped
    ArticleQueue articleQueue(DataSource dataSource, Clock clock) {
        return new ArticleQueue(dataSource, clock);
    }
}
