package io.newsmon.ingest.poll;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.BoundedText;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.newsmon.sources.feed.Feed;
import io.newsmon.sources.feed.FeedEntry;
import io.newsmon.sources.url.UrlCanonicalizer;
import io.newsmon.sources.url.UrlPatterns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The transactional side of polling: which sources are due, and what a poll found. */
@ApplicationScoped
@Transactional
public class SourceLedger {

    private final IngestConfig config;

    public SourceLedger(IngestConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> dueSourceIds(Instant now) {
        return Source.due(now).stream().map(s -> s.id).toList();
    }

    /** True when this replica won the source's poll; see {@link Source#claimForPoll}. */
    public boolean claim(long id, Instant now) {
        return Source.claimForPoll(id, now, now.plus(config.pollLease()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Source find(long id) {
        return Source.findById(id);
    }

    /** Stores the feed's new items as DISCOVERED articles and marks the poll a success. */
    public int recordPoll(long sourceId, Feed feed, String etag, String lastModified, Instant now) {
        Source source = Source.findById(sourceId);
        source.etag = BoundedText.clip(etag, 300);
        source.lastModified = lastModified == null || lastModified.length() > 100 ? null : lastModified;
        if (source.name == null || source.name.equals(source.url)) {
            if (feed.title() != null && !feed.title().isBlank()) {
                source.name = BoundedText.clip(BoundedText.storable(feed.title()), 300);
            }
        }
        UrlPatterns patterns = UrlPatterns.of(source.includePattern, source.excludePattern);
        int limit = source.maxPerPoll != null ? source.maxPerPoll : config.maxItemsPerPoll();
        int added = 0;
        for (FeedEntry entry : feed.entries()) {
            if (added >= limit) {
                break;
            }
            // tracking parameters and fragments must not make a known story look new
            String url = UrlCanonicalizer.canonical(entry.link()).orElse(null);
            if (url == null || url.length() > 2048) {
                continue; // no usable link
            }
            if (!patterns.keeps(url)) {
                continue; // the source's settings leave it out
            }
            if (Article.findByUrl(url).isPresent()) {
                continue; // already known
            }
            Article article = new Article();
            article.source = source;
            article.url = url;
            article.title = entry.title();
            article.description = entry.summary();
            article.publishedAt = entry.published();
            article.discoveredAt = now;
            article.language = source.languageHint;
            article.state = PipelineState.DISCOVERED;
            if (entry.author() != null) {
                article.setAuthorList(List.of(entry.author()));
            }
            article.persist();
            added++;
        }
        List<Instant> dates = feed.entries().stream().map(FeedEntry::published).toList();
        source.pollSucceeded(now, nextInterval(source, dates, added, now));
        return added;
    }

    public void recordNotModified(long sourceId, Instant now) {
        Source source = Source.findById(sourceId);
        source.pollSucceeded(now, nextInterval(source, List.of(), 0, now));
    }

    private Duration nextInterval(Source source, List<Instant> dates, int added, Instant now) {
        return PollSchedule.next(
                source.pollInterval(), dates, added, now, config.minPollInterval(), config.maxPollInterval());
    }

    public void recordFailure(long sourceId, String error, Duration retryAfter, Instant now) {
        Source source = Source.findById(sourceId);
        if (source != null) {
            source.pollFailed(now, error, retryAfter);
        }
    }
}
