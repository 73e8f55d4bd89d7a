package io.newsmon.nlp.topics;

import io.newsmon.search.query.QueryLimits;
import io.newsmon.search.topics.TopicMonitor;
import io.newsmon.search.topics.TopicStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The search library's {@link TopicMonitor} as nlp's bean (a singleton: the monitor is not proxied), loaded at
 * start from the database, held to the same query limits (newsmon.search.*) the api validates topics with, so a
 * topic that saves also runs.
 */
@Singleton
public class TopicMatcher extends TopicMonitor {

    private static final Logger LOG = Logger.getLogger(TopicMatcher.class);

    public TopicMatcher(TopicStore store) {
        super(store, QueryLimits.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)));
    }

    void onStart(@Observes StartupEvent event) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.errorf(e, "loading saved topics failed; retrying on the next refresh");
        }
    }

    @Override
    @PreDestroy
    public void close() {
        super.close();
    }
}
