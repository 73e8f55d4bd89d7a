package io.newsmon.ingest.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How ingest talks to news sites. */
@ConfigMapping(prefix = "newsmon.fetch")
public interface FetchConfig {

    /** Sent with every request; names the crawler and where its operator can be reached. */
    @WithDefault("newsmon/0.1 (+https://github.com/newsmon/newsmon; self-hosted news monitoring)")
    String userAgent();

    @WithDefault("10s")
    Duration connectTimeout();

    /** The whole exchange, headers and body, must finish within this; a stalled body is abandoned. */
    @WithDefault("30s")
    Duration totalTimeout();

    /** Bodies are cut off (and the fetch fails) past this many bytes, counted while streaming. */
    @WithDefault("5242880")
    long maxBodyBytes();

    /** Redirects followed at most; each hop is checked by the address policy again. */
    @WithDefault("5")
    int maxRedirects();

    /**
     * CIDR ranges that may be fetched although they are not public (e.g. 127.0.0.0/8 for the local demo
     * newsroom). Empty by default: loopback, private, link-local and similar addresses are refused.
     */
    Optional<List<String>> allowedPrivateRanges();
}
