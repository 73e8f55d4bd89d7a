package io.newsmon.api.source;

import static io.newsmon.api.sql.Rows.instant;
import static io.newsmon.api.sql.Rows.num;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.problem.QueryParams;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Lists sources with their health, and adds new ones after checking what an admin sent. */
@ApplicationScoped
@Transactional
public class SourceService {

    static final int MIN_POLL_SECONDS = 60;
    static final int MAX_POLL_SECONDS = 7 * 24 * 3600;
    static final int MAX_PER_POLL = 10_000;

    /** Per source: all articles, those of the last 7 and 30 days, and when the newest was found. */
    record Output(long total, long week, long month, Instant newest) {
        static final Output NONE = new Output(0, 0, 0, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SourceView> list() {
        Instant now = Instant.now();
        Map<Long, Output> output = output(null, now);
        return Source.<Source>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(s -> view(s, output.getOrDefault(s.id, Output.NONE), now))
                .toList();
    }

    /**
     * The output of every source, or of the one {@code sourceId}, grouped over the index on (source_id,
     * discovered_at) alone: no article row (nor its body) is read.
     */
    private static Map<Long, Output> output(Long sourceId, Instant now) {
        Query query = Article.getEntityManager()
                .createNativeQuery("SELECT source_id, COUNT(*),"
                        + " SUM(CASE WHEN discovered_at >= ?1 THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN discovered_at >= ?2 THEN 1 ELSE 0 END),"
                        + " MAX(discovered_at)"
                        + " FROM article WHERE " + (sourceId == null ? "source_id IS NOT NULL" : "source_id = ?3")
                        + " GROUP BY source_id")
                .setParameter(1, now.minus(Duration.ofDays(7)))
                .setParameter(2, now.minus(Duration.ofDays(30)));
        if (sourceId != null) {
            query.setParameter(3, sourceId);
        }
        Map<Long, Output> output = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            output.put(num(r[0]), new Output(num(r[1]), num(r[2]), num(r[3]), instant(r[4])));
        }
        return output;
    }

    /**
     * Silent: a source that published at least 3 articles in the last 30 days has found none for three
     * times its own average gap (and at least a day). Sources that never published are not silent, just new.
     */
    static boolean silent(Source s, Output o, Instant now) {
        if (!s.enabled || o.month() < 3 || o.newest() == null) {
            return false;
        }
        Duration averageGap = Duration.ofDays(30).dividedBy(o.month());
        Duration allowed = averageGap.multipliedBy(3);
        if (allowed.compareTo(Duration.ofDays(1)) < 0) {
            allowed = Duration.ofDays(1);
        }
        return Duration.between(o.newest(), now).compareTo(allowed) > 0;
    }

    public SourceView add(NewSource request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object with at least 'url' is required");
        }
        String url = validUrl(request.url());
        if (Source.findByUrl(url).isPresent()) {
            throw ProblemException.conflict("a source with url " + url + " already exists");
        }
        Source source = new Source();
        source.url = url;
        source.name = url;
        source.kind = SourceKind.FEED;
        apply(source, request);
        source.createdAt = Instant.now();
        source.persist();
        return view(source, Output.NONE, Instant.now());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SourceView get(long id) {
        Source source = Source.findById(id);
        if (source == null) {
            throw ProblemException.notFound("no source with id " + id);
        }
        Instant now = Instant.now();
        return view(source, output(id, now).getOrDefault(id, Output.NONE), now);
    }

    /** Changes the settings given (a null field stays as it is); the URL of a source cannot change. */
    public SourceView update(long id, NewSource request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object with the settings to change is required");
        }
        Source source = Source.findById(id);
        if (source == null) {
            throw ProblemException.notFound("no source with id " + id);
        }
        if (request.url() != null && !validUrl(request.url()).equals(source.url)) {
            throw ProblemException.badField("url", "cannot change; add a new source instead");
        }
        boolean wasAdaptive = source.adaptivePoll;
        Integer oldInterval = source.pollIntervalSeconds;
        apply(source, request);
        if (request.pollIntervalSeconds() != null
                        && !request.pollIntervalSeconds().equals(oldInterval)
                || wasAdaptive != source.adaptivePoll) {
            source.currentPollSeconds = null; // start learning again from the new interval
            source.nextPollAt = Instant.now();
        }
        return view(source, Output.NONE, Instant.now());
    }

    /** What an OPML import did: sources added, feeds already known, and outlines refused with why. */
    public record OpmlReport(int added, int existing, List<OpmlError> errors) {}

    /** One outline that could not be added. */
    public record OpmlError(int line, String xmlUrl, String reason) {}

    /** Adds every feed of an OPML file not yet a source; one bad outline is reported, not fatal. */
    public OpmlReport importOpml(InputStream in) {
        List<Opml.Outline> outlines;
        try {
            outlines = Opml.read(in);
        } catch (Opml.OpmlException e) {
            throw ProblemException.badField("body", e.getMessage());
        }
        int added = 0;
        int existing = 0;
        List<OpmlError> errors = new ArrayList<>();
        for (Opml.Outline o : outlines) {
            try {
                String url = validUrl(o.xmlUrl());
                if (Source.findByUrl(url).isPresent()) {
                    existing++;
                    continue;
                }
                Source source = new Source();
                source.url = url;
                source.name = url;
                source.kind = SourceKind.FEED;
                apply(source, new NewSource(o.title(), url, o.language(), null));
                source.createdAt = Instant.now();
                source.persist();
                added++;
            } catch (ProblemException e) {
                errors.add(new OpmlError(o.line(), o.xmlUrl(), e.getMessage()));
            }
        }
        return new OpmlReport(added, existing, errors);
    }

    /** Every polled source as OPML, for a feed reader or another newsmon. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String exportOpml() {
        List<Opml.Outline> feeds = Source.<Source>list("kind = ?1 order by id", SourceKind.FEED).stream()
                .map(s -> new Opml.Outline(0, s.name, s.url, s.languageHint))
                .toList();
        return Opml.write("newsmon sources", feeds);
    }

    /** Validates and copies the settings a request gives onto {@code source}; null fields are left alone. */
    private static void apply(Source source, NewSource request) {
        if (request.name() != null) {
            String name = request.name().strip();
            if (name.length() > 300) {
                throw ProblemException.badField("name", "must be at most 300 characters");
            }
            source.name = name.isEmpty() ? source.url : name;
        }
        if (request.languageHint() != null) {
            source.languageHint = request.languageHint().isBlank()
                    ? null
                    : QueryParams.languageCode("languageHint", request.languageHint());
        }
        if (request.pollIntervalSeconds() != null) {
            int poll = request.pollIntervalSeconds();
            if (poll < MIN_POLL_SECONDS || poll > MAX_POLL_SECONDS) {
                throw ProblemException.badField(
                        "pollIntervalSeconds",
                        "must be between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS + ", got " + poll);
            }
            source.pollIntervalSeconds = poll;
        }
        if (request.includePattern() != null) {
            source.includePattern = pattern("includePattern", request.includePattern());
        }
        if (request.excludePattern() != null) {
            source.excludePattern = pattern("excludePattern", request.excludePattern());
        }
        if (request.maxArticlesPerPoll() != null) {
            int max = request.maxArticlesPerPoll();
            if (max < 1 || max > MAX_PER_POLL) {
                throw ProblemException.badField(
                        "maxArticlesPerPoll", "must be between 1 and " + MAX_PER_POLL + ", got " + max);
            }
            source.maxPerPoll = max;
        }
        if (request.adaptivePoll() != null) {
            source.adaptivePoll = request.adaptivePoll();
        }
        if (request.enabled() != null) {
            source.enabled = request.enabled();
        }
    }

    /** A regular expression as given, checked; empty clears it. */
    static String pattern(String field, String regex) {
        if (regex.isBlank()) {
            return null;
        }
        if (regex.length() > 500) {
            throw ProblemException.badField(field, "must be at most 500 characters");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ProblemException.badField(
                    field, "is not a valid regular expression: " + e.getDescription() + " at " + e.getIndex());
        }
        return regex;
    }

    static String validUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badField("url", "is required");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.badField("url", "is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.badField("url", "must be an absolute http or https URL, got '" + raw + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.badField("url", "has no host: '" + raw + "'");
        }
        if (raw.length() > 2048) {
            throw ProblemException.badField("url", "must be at most 2048 characters");
        }
        return uri.toString();
    }

    static SourceView view(Source s, Output o, Instant now) {
        return new SourceView(
                s.id,
                s.name,
                s.url,
                s.kind.name(),
                s.languageHint,
                s.enabled,
                s.pollIntervalSeconds,
                (int) s.pollInterval().toSeconds(),
                s.adaptivePoll,
                s.includePattern,
                s.excludePattern,
                s.maxPerPoll,
                s.lastPolledAt,
                s.lastSuccessAt,
                s.nextPollAt,
                s.consecutiveFailures,
                s.lastError,
                o.total(),
                Math.round(o.week() / 7.0 * 10) / 10.0,
                o.newest(),
                silent(s, o, now));
    }
}
