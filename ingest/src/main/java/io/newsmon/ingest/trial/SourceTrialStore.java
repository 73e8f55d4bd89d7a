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
import java.util.UUID;

/**
 * The source trials ingest runs: claims a waiting one (or one whose runner's lease ran out), records its
 * lines as they come and its end. A claim is a conditional update that stores a token of its own; later
 * writes carry the token, so once another replica has taken a trial over, the first runner's writes no
 * longer land.
 */
@ApplicationScoped
@Transactional
public class SourceTrialStore {

    /** A claimed trial: what to try, with which patterns, how many of its articles, and the claim's token. */
    public record Claimed(
            long id, String url, int maxArticles, String includePattern, String excludePattern, String runner) {}

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
            String runner = UUID.randomUUID().toString();
            int taken = SourceTrial.update(
                    "state = ?1, leaseUntil = ?2, runner = ?3 where id = ?4 and state = ?5"
                            + " and (leaseUntil is null or leaseUntil < ?6)",
                    State.RUNNING,
                    now.plus(lease),
                    runner,
                    t.id,
                    t.state,
                    now);
            if (taken == 1) {
                return Optional.of(new Claimed(t.id, t.url, t.maxArticles, t.includePattern, t.excludePattern, runner));
            }
        }
        return Optional.empty();
    }

    /**
     * The lines of a running trial so far, shown while it runs, and its lease renewed; false when {@code
     * runner} no longer holds the trial (another replica took it over), and then nothing is written.
     */
    public boolean progress(Claimed trial, List<TrialLine> lines, Duration lease) {
        return SourceTrial.update(
                        "lines = ?1, leaseUntil = ?2 where id = ?3 and state = ?4 and runner = ?5",
                        json(lines),
                        clock.instant().plus(lease),
                        trial.id(),
                        State.RUNNING,
                        trial.runner())
                == 1;
    }

    /** A trial run to its end ({@code error} null) or stopped by an error of its own; only by its runner. */
    public boolean finish(Claimed trial, List<TrialLine> lines, String error) {
        return SourceTrial.update(
                        "state = ?1, lines = ?2, error = ?3, finishedAt = ?4, leaseUntil = null"
                                + " where id = ?5 and state = ?6 and runner = ?7",
                        error == null ? State.DONE : State.FAILED,
                        json(lines),
                        error == null ? null : clip(error),
                        clock.instant(),
                        trial.id(),
                        State.RUNNING,
                        trial.runner())
                == 1;
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
