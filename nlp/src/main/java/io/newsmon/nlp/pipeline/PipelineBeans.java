package io.newsmon.nlp.pipeline;

import io.newsmon.domain.pipeline.ArticleQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import javax.sql.DataSource;

/** The shared pipeline pieces nlp's workers inject. */
public class PipelineBeans {

    @Produces
    @ApplicationScoped
    ArticleQueue articleQueue(DataSource dataSource, Clock clock) {
        return new ArticleQueue(dataSource, clock);
    }
}
