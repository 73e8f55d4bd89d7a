package io.newsmon.api.source;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lists sources with their health, and adds new ones after checking what an admin sent. */
@ApplicationScoped
@Transactional
public class SourceService {

    static final int MIN_POLL_SECONDS = 60;
    static final int MAX_POLL_SECONDS = 7 * 24 * 3600;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SourceView> list() {
        Map<Long, Long> counts = new HashMap<>();
        List<Object[]> rows = Article.getEntityManager()
                .createQuery(
                        "select a.source.id, count(a) from Article a where a.source is not null"
                                + " group by a.source.id",
                        Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return Source.<Source>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(s -> view(s, counts.getOrDefault(s.id, 0L)))
                .toList();
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
        source.name = request.name() == null || request.name().isBlank()
                ? url
                : request.name().strip();
        if (source.name.length() > 300) {
            throw ProblemException.badField("name", "must be at most 300 characters");
        }
        source.kind = SourceKind.FEED;
        source.languageHint = languageHint(request.languageHint());
        if (request.pollIntervalSeconds() != null) {
            int poll = request.pollIntervalSeconds();
            if (poll < MIN_POLL_SECONDS || poll > MAX_POLL_SECONDS) {
                throw ProblemException.badField(
                        "pollIntervalSeconds",
                        "must be between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS + ", got " + poll);
            }
            source.pollIntervalSeconds = poll;
        }
        source.createdAt = Instant.now();
        source.persist();
        return view(source, 0);
    }

    private static String validUrl(String raw) {
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

    private static String languageHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String lang = hint.strip().toLowerCase(Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}")) {
            throw ProblemException.badField("languageHint", "must be an ISO 639 code such as 'en', got '" + hint + "'");
        }
        return lang;
    }

    static SourceView view(Source s, long articles) {
        return new SourceView(
                s.id,
                s.name,
                s.url,
                s.kind.name(),
                s.languageHint,
                s.enabled,
                s.pollIntervalSeconds,
                s.lastPolledAt,
                s.lastSuccessAt,
                s.nextPollAt,
                s.consecutiveFailures,
                s.lastError,
                articles);
    }
}
