package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.dto.StoryView;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicView;
import io.newsmon.web.api.NewsmonApi;
import io.newsmon.web.sources.SourcePages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The home page's model, read from the api: article volume over two weeks, top countries, people and
 * organisations trending against their own 7-day baseline, multi-source stories, source health and the
 * analyst's topics with today's matches. A section the api cannot answer says so; the rest still shows.
 */
public record Overview(
        Charts.VolumeChart volume,
        List<Charts.Ranked> countries,
        List<Trend> people,
        List<Trend> organisations,
        List<StoryView> stories,
        SourceHealth sources,
        List<TopicToday> topics,
        List<String> problems) {

    private static final Logger LOG = Logger.getLogger(Overview.class);

    static final int DAYS = 14;
    static final int TRENDING = 5;

    /**
     * One entity's mentions: today's articles against the mean of the seven days before, with a sparkline
     * of the eight days.
     */
    public record Trend(String type, String name, long today, double baseline, String sparkline, String href) {
        /** ↑ clearly above its own baseline, ↓ clearly below, → about usual. */
        public String arrow() {
            if (today > baseline * 1.5 + 0.5) {
                return "↑";
            }
            if (today < baseline * 0.5 - 0.5) {
                return "↓";
            }
            return "→";
        }

        public String direction() {
            return switch (arrow()) {
                case "↑" -> "up";
                case "↓" -> "down";
                default -> "flat";
            };
        }

        public String baselineText() {
            return String.format(java.util.Locale.ROOT, "%.1f", baseline);
        }
    }

    /** Sources needing attention first (silent or failing), then the counts. */
    public record SourceHealth(List<SourceView> attention, int total, int failing, int silent, int disabled) {}

    public record TopicToday(TopicView topic, long today) {}

    /**
     * Reads the sections from the api. The calls that do not depend on one another go out together on
     * {@code executor} (which must carry the request's context, so that each call forwards the user's token):
     * first the searches, stories, sources and topics, then each trending entity's week and each topic's matches.
     */
    static Overview read(NewsmonApi api, Clock clock, Executor executor) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String from = today.minusDays(DAYS - 1).toString();

        Supplier<SearchResult> recentCall = later(
                executor,
                problems,
                "article volume",
                () -> api.search("published:>=" + from, null, null, "date", 0, 1, null, "day"),
                null);
        Supplier<SearchResult> dayCall = later(
                executor,
                problems,
                "today's entities",
                () -> api.search("published:>=" + today, null, null, "date", 0, 1, null, "day"),
                null);
        Supplier<PageResult<StoryView>> storiesCall =
                later(executor, problems, "stories", () -> api.stories(2, 0, 6), null);
        Supplier<List<SourceView>> sourcesCall = later(executor, problems, "sources", api::sources, null);
        Supplier<List<TopicView>> topicsCall = later(executor, problems, "topics", api::topics, List.of());

        SearchResult recent = recentCall.get();
        Charts.VolumeChart volume = Charts.volume(
                everyDay(recent == null ? List.of() : recent.histogram(), today.minusDays(DAYS - 1), today),
                "day",
                start -> SearchPage.href(SearchPage.Params.dayQuery(start), null));
        List<Charts.Ranked> countries = recent == null || recent.facets() == null
                ? List.of()
                : Charts.ranked(
                        recent.facets().get("countries"),
                        8,
                        c -> SearchPage.href(
                                new SearchPage.Params(
                                        "published:>=" + from,
                                        null,
                                        null,
                                        "date",
                                        0,
                                        25,
                                        false,
                                        List.of("country:" + c)),
                                null));

        SearchResult day = dayCall.get();
        Supplier<List<Trend>> people = trends(api, executor, problems, day, "persons", "PERSON", "person", today);
        Supplier<List<Trend>> organisations =
                trends(api, executor, problems, day, "organizations", "ORGANIZATION", "org", today);

        List<TopicView> mine = topicsCall.get();
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Supplier<TopicToday>> topicCalls = new ArrayList<>();
        for (TopicView t : mine.subList(0, Math.min(10, mine.size()))) {
            if (t.lastMatchAt() == null || t.lastMatchAt().isBefore(midnight)) {
                topicCalls.add(() -> new TopicToday(t, 0));
                continue;
            }
            Supplier<List<TopicMatchView>> matches =
                    later(executor, problems, "topic matches", () -> api.topicMatches(t.id(), 0, 100), List.of());
            topicCalls.add(() -> new TopicToday(
                    t,
                    matches.get().stream()
                            .filter(m -> m.matchedAt() != null && !m.matchedAt().isBefore(midnight))
                            .count()));
        }

        List<SourceView> all = sourcesCall.get();
        SourceHealth health = null;
        if (all != null) {
            List<SourceView> attention = all.stream()
                    .filter(s -> SourcePages.inState(s, "attention"))
                    .sorted(Comparator.comparing(SourceView::silent)
                            .reversed()
                            .thenComparing(Comparator.comparingInt(SourceView::consecutiveFailures)
                                    .reversed()))
                    .limit(8)
                    .toList();
            health = new SourceHealth(
                    attention,
                    all.size(),
                    (int) all.stream()
                            .filter(s -> SourcePages.inState(s, "failing"))
                            .count(),
                    (int) all.stream()
                            .filter(s -> SourcePages.inState(s, "silent"))
                            .count(),
                    (int) all.stream()
                            .filter(s -> SourcePages.inState(s, "disabled"))
                            .count());
        }
        PageResult<StoryView> stories = storiesCall.get();
        List<TopicToday> topics = topicCalls.stream().map(Supplier::get).toList();
        List<Trend> peopleTrending = people.get();
        List<Trend> organisationsTrending = organisations.get();
        List<String> problemsSeen;
        synchronized (problems) {
            problemsSeen = problems.stream().distinct().toList();
        }
        return new Overview(
                volume,
                countries,
                peopleTrending,
                organisationsTrending,
                stories == null ? List.of() : stories.items(),
                health,
                topics,
                problemsSeen);
    }

    /** Each of the day's top entities against its own week, the weeks read together. */
    private static Supplier<List<Trend>> trends(
            NewsmonApi api,
            Executor executor,
            List<String> problems,
            SearchResult day,
            String facet,
            String type,
            String field,
            LocalDate today) {
        if (day == null || day.facets() == null || day.facets().get(facet) == null) {
            return List::of;
        }
        List<SearchResult.FacetCount> top =
                day.facets().get(facet).stream().limit(TRENDING).toList();
        List<Supplier<SearchResult>> weeks = new ArrayList<>();
        for (SearchResult.FacetCount c : top) {
            String clause = field + ":" + SearchPage.quote(c.value());
            weeks.add(later(
                    executor,
                    problems,
                    "trends",
                    () -> api.search(clause, today.minusDays(7).toString(), null, "date", 0, 1, null, "day"),
                    null));
        }
        return () -> {
            List<Trend> out = new ArrayList<>();
            for (int n = 0; n < top.size(); n++) {
                out.add(trend(top.get(n), weeks.get(n).get(), type, today));
            }
            out.sort(Comparator.comparingDouble((Trend t) -> (t.today() + 1) / (t.baseline() + 1))
                    .reversed());
            return out;
        };
    }

    private static Trend trend(SearchResult.FacetCount c, SearchResult week, String type, LocalDate today) {
        List<Long> perDay = new ArrayList<>();
        for (int i = 7; i >= 0; i--) {
            perDay.add(0L);
        }
        if (week != null && week.histogram() != null) {
            Map<LocalDate, Long> byDay = new java.util.HashMap<>();
            for (SearchResult.DateBucket b : week.histogram()) {
                byDay.merge(LocalDate.ofInstant(b.start(), ZoneOffset.UTC), b.count(), Long::sum);
            }
            for (int i = 0; i < 8; i++) {
                perDay.set(i, byDay.getOrDefault(today.minusDays(7 - i), 0L));
            }
        }
        long todayCount = Math.max(c.count(), perDay.get(7));
        double baseline =
                perDay.subList(0, 7).stream().mapToLong(Long::longValue).sum() / 7.0;
        return new Trend(
                type,
                c.value(),
                todayCount,
                baseline,
                Charts.sparkline(perDay, 80, 20),
                EntityLinks.href(type, c.value()));
    }

    /** The histogram with a bucket for every day from {@code first} to {@code last}, empty days as 0. */
    static List<SearchResult.DateBucket> everyDay(
            List<SearchResult.DateBucket> buckets, LocalDate first, LocalDate last) {
        Map<LocalDate, Long> byDay = new java.util.HashMap<>();
        if (buckets != null) {
            for (SearchResult.DateBucket b : buckets) {
                byDay.merge(LocalDate.ofInstant(b.start(), ZoneOffset.UTC), b.count(), Long::sum);
            }
        }
        List<SearchResult.DateBucket> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(new SearchResult.DateBucket(d.atStartOfDay(ZoneOffset.UTC).toInstant(), byDay.getOrDefault(d, 0L)));
        }
        return out;
    }

    /**
     * Starts {@code call} on {@code executor}; the supplier returned waits for its answer (or {@code otherwise}
     * when the api could not give it, noted in {@code problems}). A 401 reaches the caller as it is.
     */
    static <T> Supplier<T> later(Executor executor, List<String> problems, String what, Supplier<T> call, T otherwise) {
        CompletableFuture<T> answer =
                CompletableFuture.supplyAsync(() -> attempt(problems, what, call, otherwise), executor);
        return () -> {
            try {
                return answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        };
    }

    static <T> T attempt(List<String> problems, String what, Supplier<T> call, T otherwise) {
        try {
            return ApiCalls.call(call::get);
        } catch (DashboardException e) {
            if (e.status() == 401) {
                throw e;
            }
            LOG.debugf("overview: %s unavailable: %s", what, e.getMessage());
            problems.add("The " + what + " could not be read: " + e.getMessage());
            return otherwise;
        }
    }
}
