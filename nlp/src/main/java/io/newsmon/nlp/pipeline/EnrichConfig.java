package io.newsmon.nlp.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the enrichment workers claim and retry work. */
@ConfigMapping(prefix = "newsmon.enrich")
public interface EnrichConfig {

    /** Articles claimed per round. */
    @WithDefault("20")
    int batch();

    /** How long a worker holds claimed articles; a crashed worker's articles come back after this. */
    @WithDefault("1m")
    Duration lease();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("30s")
    Duration retryAfter();
}
