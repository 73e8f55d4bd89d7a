package io.newsmon.domain.source;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One try of a source before it is added: queued by the api, run once by ingest, which appends each fetched
 * article's result to {@link #lines} (a JSON array of {@link io.newsmon.domain.dto.TrialLine}).
 */
@Entity
@Table(name = "source_trial")
public class SourceTrial extends PanacheEntityBase {

    /** Where a trial is: waiting for ingest, being run, run to its end, or stopped by an error of its own. */
    public enum State {
        PENDING,
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    @Column(name = "max_articles")
    public int maxArticles;

    /** The include pattern the source would get, applied to the articles tried; null for none. */
    @Column(name = "include_pattern")
    public String includePattern;

    /** The exclude pattern the source would get; null for none. */
    @Column(name = "exclude_pattern")
    public String excludePattern;

    @Enumerated(EnumType.STRING)
    public State state = State.PENDING;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** While RUNNING: the token of the claim that runs it; only that runner's writes land. */
    public String runner;

    /** While RUNNING: when another ingest replica may take the trial over (its runner died). */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The JSON array of result lines so far; null before the first. */
    public String lines;

    public String error;

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
