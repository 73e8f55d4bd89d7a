package io.newsmon.web.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The overview's settings. */
@ConfigMapping(prefix = "newsmon.web.overview")
public interface OverviewConfig {

    /**
     * How long the sections that are the same for every analyst are served without asking the api again
     * ({@link OverviewCache}); 0 reads them for every request.
     */
    @WithDefault("30s")
    Duration cacheTtl();
}
