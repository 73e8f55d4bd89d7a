package io.newsmon.api.topic;

import io.newsmon.api.problem.ProblemException;
import io.newsmon.api.search.SearchService;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.TopicBackTest;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicRequest;
import io.newsmon.domain.dto.TopicView;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.topic.AlertMode;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicRecipient;
import io.newsmon.search.SearchExecutor;
import io.newsmon.search.query.AnalystQuery;
import io.newsmon.search.query.QueryException;
import io.newsmon.search.query.TopicQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Saved topics: validated like searches (positioned query errors), owned by one user (another user's
 * topic is a 404, not a 403, so ids reveal nothing), with extra recipients that must confirm.
 */
@ApplicationScoped
@Transactional
public class TopicService {

    static final int BACKTEST_DAYS = 7;
    /** A topic matching more than this share of a week's articles is flagged as too broad to alert on. */
    static final double BROAD_SHARE = 0.2;

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SearchService search;
    private final TopicConfig config;
    private final String publicUrl;

    public TopicService(
            SearchService search,
            TopicConfig config,
            @ConfigProperty(name = "newsmon.api.public-url", defaultValue = "http://127.0.0.1:8081") String publicUrl) {
        this.search = search;
        this.config = config;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TopicView> list(Caller caller, boolean all) {
        if (all && !caller.admin()) {
            throw new ProblemException(
                    io.newsmon.api.problem.Problem.of(403, "Forbidden", "only admins may list every user's topics"));
        }
        List<Topic> topics = all ? Topic.<Topic>list("order by id") : Topic.ofOwner(caller.id());
        return topics.stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicView get(Caller caller, long id) {
        return view(owned(caller, id));
    }

    public TopicView create(Caller caller, TopicRequest r) {
        if (r == null) {
            throw ProblemException.badField("body", "a JSON object with at least 'name' and 'query' is required");
        }
        if (r.name() == null) {
            throw ProblemException.badField("name", "is required");
        }
        if (r.query() == null) {
            throw ProblemException.badField("query", "is required");
        }
        long owned = Topic.count("ownerId", caller.id());
        if (owned >= config.maxPerUser()) {
            throw ProblemException.conflict("you have " + owned + " topics; the limit is " + config.maxPerUser()
                    + " per user (newsmon.topics.max-per-user): delete one first");
        }
        Topic t = new Topic();
        t.ownerId = caller.id();
        owner(t, caller);
        t.feedToken = secret();
        t.createdAt = Instant.now();
        List<String> recipients = apply(t, r);
        t.updatedAt = t.createdAt;
        t.persist();
        if (recipients != null) {
            setRecipients(t, recipients);
        }
        return view(t);
    }

    public TopicView update(Caller caller, long id, TopicRequest r) {
        if (r == null) {
            throw ProblemException.badField("body", "a JSON object with the fields to change is required");
        }
        Topic t = owned(caller, id);
        if (t.ownerId.equals(caller.id())) {
            owner(t, caller); // the token is the truth about the owner's address and whether it is verified
        }
        List<String> recipients = apply(t, r);
        if (recipients != null) {
            setRecipients(t, recipients);
        }
        t.updatedAt = Instant.now();
        return view(t);
    }

    public void delete(Caller caller, long id) {
        Topic t = owned(caller, id);
        t.delete();
    }

    /** What a query would have matched over the last week, without saving anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicBackTest backTest(TopicRequest r) {
        if (r == null || r.query() == null || r.query().isBlank()) {
            throw ProblemException.badQuery("query", "the query is empty", 0, null);
        }
        boolean stem = Boolean.TRUE.equals(r.stem());
        AnalystQuery parsed = search.parse("query", r.query(), stem);
        if (r.filter() != null && !r.filter().isBlank()) {
            search.parse("filter", r.filter(), stem);
        }
        Topic probe = new Topic();
        probe.query = r.query();
        probe.filter = r.filter() == null || r.filter().isBlank() ? null : r.filter();
        probe.stem = stem;
        runnable(probe);
        Instant since = Instant.now().minus(Duration.ofDays(BACKTEST_DAYS));
        SearchResult result = search.search(
                new SearchExecutor.Request(probe.effectiveQuery(), since.toString(), null, true, 0, 10, stem, "day"));
        long week = Article.count(
                "state = ?1 and coalesce(publishedAt, discoveredAt) >= ?2", PipelineState.ENRICHED, since);
        List<String> warnings = new ArrayList<>();
        if (week > 0 && result.total() > 50 && result.total() > BROAD_SHARE * week) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "broad: it matches %d of the week's %d articles (%.0f%%); an alert would arrive for most news",
                    result.total(),
                    week,
                    100.0 * result.total() / week));
        }
        if (!parsed.wildcards().isEmpty()) {
            warnings.add("costly: " + parsed.wildcards().size()
                    + " wildcard term(s) are expanded against the index for every article; prefer whole words");
        }
        if (result.total() == 0) {
            warnings.add(
                    "nothing matched in the last " + BACKTEST_DAYS + " days; check the spelling or widen the query");
        }
        return new TopicBackTest(result.parsed(), result.total(), week, BACKTEST_DAYS, result.hits(), warnings);
    }

    /** The topic's matches, newest first, with how each went out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TopicMatchView> matches(Caller caller, long id, int page, int size) {
        owned(caller, id);
        return matchesOf(id, page, size);
    }

    List<TopicMatchView> matchesOf(long topicId, int page, int size) {
        List<Object[]> rows = Article.getEntityManager()
                .createQuery(
                        "select m.id, a.id, a.title, a.url, s.name, a.publishedAt, m.matchedAt, m.matchedTerms,"
                                + " m.storyId, d.state, d.sentAt, a.summary"
                                + " from TopicMatch m join Article a on a.id = m.articleId left join a.source s"
                                + " left join AlertDelivery d on d.id = m.deliveryId"
                                + " where m.topicId = :topic order by m.matchedAt desc, m.id desc",
                        Object[].class)
                .setParameter("topic", topicId)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        return rows.stream()
                .map(r -> new TopicMatchView(
                        (Long) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (Instant) r[5],
                        (Instant) r[6],
                        (String) r[7],
                        (Long) r[8],
                        (String) r[9],
                        (Instant) r[10],
                        (String) r[11]))
                .toList();
    }

    /** The topic behind a feed token, or a 404 that says nothing about which tokens exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Topic byFeedToken(String token) {
        if (token == null || token.length() < 20) {
            throw ProblemException.notFound("this feed");
        }
        return Topic.<Topic>find("feedToken", token)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("this feed"));
    }

    /** The caller's topic; another user's is reported missing (admins see every topic). */
    Topic owned(Caller caller, long id) {
        Topic t = Topic.findById(id);
        if (t == null || !(caller.admin() || t.ownerId.equals(caller.id()))) {
            throw ProblemException.notFound("topic " + id);
        }
        return t;
    }

    /** The owner's address (only a verified one, see {@link Caller}) and name, from the caller's token. */
    private static void owner(Topic t, Caller caller) {
        t.ownerEmail = caller.email() != null && EMAIL.matcher(caller.email()).matches() ? caller.email() : null;
        t.ownerName = clip(caller.name(), 200);
    }

    /** Validates {@code r} and copies the fields it gives onto {@code t}; returns its recipients, or null. */
    private List<String> apply(Topic t, TopicRequest r) {
        if (r.name() != null) {
            String name = r.name().strip();
            if (name.isEmpty()) {
                throw ProblemException.badField("name", "is empty");
            }
            if (name.length() > 200) {
                throw ProblemException.badField("name", "must be at most 200 characters");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.badField("name", "may not contain line breaks or control characters");
            }
            t.name = name;
        }
        boolean stem = r.stem() != null ? r.stem() : t.stem;
        if (r.query() != null) {
            if (r.query().isBlank()) {
                throw ProblemException.badQuery("query", "the query is empty", 0, null);
            }
            search.parse("query", r.query(), stem);
            t.query = r.query().strip();
        }
        if (r.filter() != null) {
            if (r.filter().isBlank()) {
                t.filter = null;
            } else {
                search.parse("filter", r.filter(), stem);
                t.filter = r.filter().strip();
            }
        }
        t.stem = stem;
        if (r.query() != null || r.filter() != null || r.stem() != null) {
            runnable(t);
        }
        if (r.alertMode() != null) {
            try {
                t.alertMode = AlertMode.valueOf(r.alertMode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField(
                        "alertMode",
                        "must be one of " + Arrays.toString(AlertMode.values()) + ", got '" + r.alertMode() + "'");
            }
        }
        if (r.digestTime() != null) {
            if (!TIME.matcher(r.digestTime().strip()).matches()) {
                throw ProblemException.badField(
                        "digestTime", "must be a time of day HH:mm, e.g. 08:00, got '" + r.digestTime() + "'");
            }
            t.digestTime = r.digestTime().strip();
        }
        if (r.digestWeekday() != null) {
            if (r.digestWeekday() < 1 || r.digestWeekday() > 7) {
                throw ProblemException.badField(
                        "digestWeekday", "must be 1 (Monday) to 7 (Sunday), got " + r.digestWeekday());
            }
            t.digestWeekday = r.digestWeekday();
        }
        if (r.timeZone() != null) {
            try {
                t.timeZone = ZoneId.of(r.timeZone().strip()).getId();
            } catch (DateTimeException e) {
                throw ProblemException.badField(
                        "timeZone", "is not a time zone: '" + r.timeZone() + "' (e.g. Europe/Berlin)");
            }
        }
        if (r.paused() != null) {
            t.paused = r.paused();
        }
        if (r.recipients() == null) {
            return null;
        }
        if (r.recipients().size() > config.maxRecipients()) {
            throw ProblemException.badField(
                    "recipients",
                    "at most " + config.maxRecipients() + " extra addresses (newsmon.topics.max-recipients), got "
                            + r.recipients().size());
        }
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < r.recipients().size(); i++) {
            emails.add(email("recipients[" + i + "]", r.recipients().get(i)));
        }
        return List.copyOf(emails);
    }

    /**
     * Refuses a topic whose {@code (query) AND (filter)} nlp could not run: each part may be within the limits
     * while the two together pass the length or the number of terms. The error names the part and the
     * position in it.
     */
    private void runnable(Topic t) {
        try {
            TopicQuery.parse(t.query, t.filter, t.stem, search.limits());
        } catch (QueryException e) {
            TopicQuery.Located at = TopicQuery.locate(t.query, t.filter, e.position());
            throw ProblemException.badQuery(
                    at.field(),
                    "query and filter together, as alerts run them ((query) AND (filter)): " + e.getMessage(),
                    e.limit() != null && e.position() < 0 ? -1 : at.position(),
                    e.limit());
        }
    }

    /** Null when the topic runs as it is saved, else why not. */
    private String problem(Topic t) {
        try {
            TopicQuery.parse(t.query, t.filter, t.stem, search.limits());
            return null;
        } catch (QueryException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static String email(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badField(field, "is empty");
        }
        if (raw.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw ProblemException.badField(field, "contains a line break: refused (it could inject mail headers)");
        }
        String email = raw.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ProblemException.badField(field, "is not an e-mail address: '" + email + "'");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** Keeps the recipients listed (confirmed ones stay confirmed), adds new ones unconfirmed, drops the rest. */
    private static void setRecipients(Topic t, List<String> emails) {
        List<TopicRecipient> existing = TopicRecipient.ofTopic(t.id);
        for (TopicRecipient r : existing) {
            if (!emails.contains(r.email)) {
                r.delete();
            }
        }
        for (String email : emails) {
            if (existing.stream().noneMatch(r -> r.email.equals(email))) {
                TopicRecipient r = new TopicRecipient();
                r.topicId = t.id;
                r.email = email;
                r.confirmToken = secret();
                r.createdAt = Instant.now();
                if (email.equalsIgnoreCase(t.ownerEmail)) {
                    r.confirmedAt = r.createdAt; // the owner's own address needs no confirmation
                }
                r.persist();
            }
        }
    }

    TopicView view(Topic t) {
        String problem = problem(t);
        List<TopicView.Recipient> recipients = TopicRecipient.ofTopic(t.id).stream()
                .map(r -> new TopicView.Recipient(r.email, r.confirmed()))
                .toList();
        Object[] stats = Article.getEntityManager()
                .createQuery("select count(m), max(m.matchedAt) from TopicMatch m where m.topicId = :t", Object[].class)
                .setParameter("t", t.id)
                .getSingleResult();
        return new TopicView(
                t.id,
                t.name,
                t.query,
                t.filter,
                t.alertMode.name(),
                t.digestTime,
                t.digestWeekday,
                t.timeZone,
                t.paused,
                t.stem,
                t.ownerName,
                t.ownerEmail,
                recipients,
                publicUrl + "/api/topics/feed/" + t.feedToken,
                stats[0] == null ? 0 : ((Number) stats[0]).longValue(),
                (Instant) stats[1],
                t.createdAt,
                t.updatedAt,
                problem == null,
                problem);
    }

    static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
