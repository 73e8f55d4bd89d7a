package io.newsmon.api.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.api.problem.Problem;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.dto.NewSourceTrial;
import io.newsmon.domain.dto.SourceTrialView;
import io.newsmon.domain.dto.TrialLine;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceTrial;
import io.newsmon.domain.source.SourceTrial.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Queues source trials for ingest, which runs them (the api itself fetches nothing), and reads their
 * results. Each admin may have a few trials waiting at once, so a stuck ingest or a busy admin cannot pile
 * them up.
 */
@ApplicationScoped
@Transactional
public class SourceTrialService {

    static final int DEFAULT_ARTICLES = 10;
    static final int MAX_ARTICLES = 25;
    static final int MAX_WAITING_PER_ADMIN = 5;

    private static final TypeReference<List<TrialLine>> LINES = new TypeReference<>() {};

    private final ObjectMapper json;

    public SourceTrialService(ObjectMapper json) {
        this.json = json;
    }

    public SourceTrialView start(NewSourceTrial request, String admin) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object with at least 'url' is required");
        }
        String url = SourceService.validUrl(request.url());
        int max = request.maxArticles() == null ? DEFAULT_ARTICLES : request.maxArticles();
        if (max < 1 || max > MAX_ARTICLES) {
            throw ProblemException.badField("maxArticles", "must be between 1 and " + MAX_ARTICLES + ", got " + max);
        }
        String include = request.includePattern() == null
                ? null
                : SourceService.pattern("includePattern", request.includePattern());
        String exclude = request.excludePattern() == null
                ? null
                : SourceService.pattern("excludePattern", request.excludePattern());
        // the same trial asked again while it waits or runs (a second click) is that trial, not a new one
        Optional<SourceTrial> same = SourceTrial.<SourceTrial>find(
                        "requestedBy = ?1 and url = ?2 and maxArticles = ?3 and state in ?4 order by id desc",
                        admin,
                        url,
                        max,
                        List.of(State.PENDING, State.RUNNING))
                .stream()
                .filter(t -> Objects.equals(t.includePattern, include) && Objects.equals(t.excludePattern, exclude))
                .findFirst();
        if (same.isPresent()) {
            return view(same.get());
        }
        long waiting =
                SourceTrial.count("requestedBy = ?1 and state in ?2", admin, List.of(State.PENDING, State.RUNNING));
        if (waiting >= MAX_WAITING_PER_ADMIN) {
            throw new ProblemException(Problem.of(
                    429,
                    "Too Many Requests",
                    "you have " + waiting + " source trials waiting or running; wait for one to finish"));
        }
        SourceTrial t = new SourceTrial();
        t.url = url;
        t.maxArticles = max;
        t.includePattern = include;
        t.excludePattern = exclude;
        t.requestedBy = admin;
        t.createdAt = Instant.now();
        t.persist();
        return view(t);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SourceTrialView get(long id) {
        SourceTrial t = SourceTrial.findById(id);
        if (t == null) {
            throw ProblemException.notFound("source trial " + id);
        }
        return view(t);
    }

    private SourceTrialView view(SourceTrial t) {
        List<TrialLine> lines = lines(t.lines);
        return new SourceTrialView(
                t.id,
                t.url,
                t.maxArticles,
                t.state.name(),
                t.createdAt,
                t.finishedAt,
                t.error,
                lines,
                (int) lines.stream().filter(TrialLine::ok).count(),
                Source.findByUrl(t.url).map(s -> s.id).orElse(null));
    }

    private List<TrialLine> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return json.readValue(text, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source trial lines are not a JSON array of lines", e);
        }
    }
}
