package io.newsmon.ingest.poll;

import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Adds the configured bootstrap feeds as sources once, so a fresh install has something to show. */
@ApplicationScoped
public class SourceBootstrap {

    private static final Logger LOG = Logger.getLogger(SourceBootstrap.class);

    private final IngestConfig config;

    public SourceBootstrap(IngestConfig config) {
        this.config = config;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        for (String url : config.bootstrapFeeds().orElse(List.of())) {
            if (url.isBlank() || Source.findByUrl(url.strip()).isPresent()) {
                continue;
            }
            Source source = new Source();
            source.url = url.strip();
            source.name = url.strip();
            source.kind = SourceKind.FEED;
            source.pollIntervalSeconds = (int) config.defaultPollInterval().toSeconds();
            source.createdAt = Instant.now();
            source.persist();
            LOG.infof("added bootstrap source %s", source.url);
        }
    }
}
