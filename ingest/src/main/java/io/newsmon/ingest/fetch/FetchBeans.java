package io.newsmon.ingest.fetch;

import io.newsmon.ingest.politeness.PolitenessConfig;
import io.newsmon.sources.fetch.FetchSettings;
import io.newsmon.sources.politeness.PoliteFetcher;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The service's one polite fetcher, built from its configuration ({@code newsmon.fetch.*}, {@code newsmon.politeness.*}). */
public class FetchBeans {

    /** The configuration as the plain settings the fetchers take. */
    public static FetchSettings settings(FetchConfig fetch, PolitenessConfig politeness) {
        return new FetchSettings(
                fetch.userAgent(),
                fetch.connectTimeout(),
                fetch.totalTimeout(),
                fetch.maxBodyBytes(),
                fetch.maxRedirects(),
                fetch.allowedPrivateRanges().orElse(List.of()),
                politeness.minDelay(),
                politeness.maxCrawlDelay(),
                politeness.robotsTtl(),
                politeness.robotsRetry(),
                politeness.maxConcurrentPerHost(),
                politeness.maxConcurrent());
    }

    /** One for the whole service: its robots.txt cache, host spacing and in-flight limits are shared by all. */
    @Produces
    @Singleton
    PoliteFetcher politeFetcher(FetchConfig fetch, PolitenessConfig politeness) {
        return new PoliteFetcher(settings(fetch, politeness));
    }
}
