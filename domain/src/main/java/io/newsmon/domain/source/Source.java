package io.newsmon.domain.source;

import io.newsmon.domain.pipeline.BoundedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A news source that ingest polls, with the health of its last polls. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public String url;

    @Enumerated(EnumType.STRING)
    public SourceKind kind = SourceKind.FEED;

    @Column(name = "language_hint")
    public String languageHint;

    public boolean enabled = true;

    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds = 900;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The feed's last ETag, sent back as If-None-Match so an unchanged feed costs a 304. */
    public String etag;

    /** The feed's last Last-Modified, sent back as If-Modified-Since. */
    @Column(name = "last_modified")
    public String lastModified;

    /** Only discovered URLs this regular expression finds something in are kept (null: all). */
    @Column(name = "include_pattern")
    public String includePattern;

    /** Discovered URLs this regular expression finds something in are dropped (null: none). */
    @Column(name = "exclude_pattern")
    public String excludePattern;

    /** New articles taken from one poll at most; null means the service default. */
    @Column(name = "max_per_poll")
    public Integer maxPerPoll;

    /** Whether the poll interval follows the source's publishing rate (within the service's bounds). */
    @Column(name = "adaptive_poll")
    public boolean adaptivePoll = true;

    /** The interval in force now: learned when adaptive, else {@link #pollIntervalSeconds}. */
    @Column(name = "current_poll_seconds")
    public Integer currentPollSeconds;

    public static Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** Enabled sources whose next poll is due at {@code now}. */
    public static List<Source> due(Instant now) {
        return list("enabled = true and (nextPollAt is null or nextPollAt <= ?1) order by id", now);
    }

    /** The interval in force: the learned one for an adaptive source, else the configured one. */
    public Duration pollInterval() {
        return Duration.ofSeconds(
                adaptivePoll && currentPollSeconds != null ? currentPollSeconds : pollIntervalSeconds);
    }

    /** Records a successful poll and schedules the next one. */
    public void pollSucceeded(Instant now) {
        lastPolledAt = now;
        lastSuccessAt = now;
        consecutiveFailures = 0;
        lastError = null;
        nextPollAt = now.plus(pollInterval());
    }

    /** Records a successful poll after which the source should be polled every {@code interval}. */
    public void pollSucceeded(Instant now, Duration interval) {
        if (adaptivePoll) {
            currentPollSeconds = (int) Math.min(Integer.MAX_VALUE, interval.toSeconds());
        }
        pollSucceeded(now);
    }

    /**
     * Claims a due source for one poll by moving its next poll past {@code leaseEnd}, in one statement,
     * so that of several ingest replicas exactly one polls it; false when another replica was first.
     */
    public static boolean claimForPoll(long id, Instant now, Instant leaseEnd) {
        return update(
                        "nextPollAt = ?1 where id = ?2 and enabled = true and (nextPollAt is null or nextPollAt <= ?3)",
                        leaseEnd,
                        id,
                        now)
                == 1;
    }

    /** Records a failed poll; retries back off exponentially up to the poll interval times eight. */
    public void pollFailed(Instant now, String error) {
        pollFailed(now, error, null);
    }

    /**
     * Records a failed poll, waiting at least {@code retryAfter} (a server's Retry-After) when given;
     * otherwise backing off exponentially, with jitter so that many sources do not retry in step.
     */
    public void pollFailed(Instant now, String error, Duration retryAfter) {
        lastPolledAt = now;
        consecutiveFailures++;
        lastError = BoundedText.clip(error, 2000);
        long factor = 1L << Math.min(consecutiveFailures - 1, 3);
        Duration backoff = pollInterval().multipliedBy(factor);
        backoff = backoff.plusMillis(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff.toMillis() / 10 + 1));
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        nextPollAt = now.plus(backoff);
    }
}
