package io.newsmon.ingest.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.dto.TrialLine;
import io.newsmon.domain.source.SourceTrial;
import io.newsmon.domain.source.SourceTrial.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The source trials ingest runs: claims a waiting one (or one whose runner's lease ran out), records its
 * lines as they come and its end. A claim is a conditional update, so two ingest replicas never run one
 * trial at once.
 */
@ApplicationScoped
@Transactional
public class SourceTrialStore {

    /** A claimed trial: what to try and how many of its articles. */
    public record Claimed(long id, String url, int maxArticles) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 2000;

    private final Clock clock;

    public SourceTrialStore(Clock clock) {
        this.clock = clock;
    }

    /** The oldest trial waiting for a runner, now RUNNING with a lease of {@code lease}; empty when none waits. */
    public Optional<Claimed> claim(Duration lease) {
        Instant now = clock.instant();
        List<SourceTrial> candidates = SourceTrial.<SourceTrial>find(
                        "state = ?1 or (state = ?2 and leaseUntil < ?3) order by createdAt, id",
                        State.PENDING,
                        State.RUNNING,
                        now)
                .page(0, 5)
                .list();
        for (SourceTrial t : candidates) {
            int taken = SourceTrial.update(
                    "state = ?1, leaseUntil = ?2 where id = ?3 and state = ?4 and (leaseUntil is null or leaseUntil < ?5)",
                    State.RUNNING,
                    now.plus(lease),
                    t.id,
                    t.state,
                    now);
            if (taken == 1) {
                return Optional.of(new Claimed(t.id, t.url, t.maxArticles));
            }
        }
        return Optional.empty();
    }

    /** The lines of a running trial so far, shown while it runs. */
    public void progress(long id, List<TrialLine> lines) {
        SourceTrial.update("lines = ?1 where id = ?2 and state = ?3", json(lines), id, State.RUNNING);
    }

    /** A trial run to its end ({@code error} null) or stopped by an error of its own. */
    public void finish(long id, List<TrialLine> lines, String error) {
        SourceTrial.update(
                "state = ?1, lines = ?2, error = ?3, finishedAt = ?4, leaseUntil = null where id = ?5",
                error == null ? State.DONE : State.FAILED,
                json(lines),
                error == null ? null : clip(error),
                clock.instant(),
                id);
    }

    /** Removes trials made more than {@code age} ago; returns how many. */
    public long purgeOlderThan(Duration age) {
        return SourceTrial.delete("createdAt < ?1", clock.instant().minus(age));
    }

    private static String clip(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 1) + "…";
    }

    private static String json(List<TrialLine> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
