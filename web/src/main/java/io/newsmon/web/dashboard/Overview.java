package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.dto.StoryView;
import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.dto.TopicView;
import io.newsmon.web.api.NewsmonApi;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
     * Reads the page: the analyst's own topics always with their token, and the sections that are the same for
     * every analyst ({@link SharedSections}) from {@code cache} while it holds today's, else from the api. The
     * cached sections are shown only to a user whose own topics call the api has just answered, so a token the
     * api refuses never sees them; that user gets the sections read with their own token, refusals and all. The
     * calls that do not depend on one another go out together on {@code executor} (which must carry the
     * request's context, so that each call forwards the user's token).
     */
    static Overview read(NewsmonApi api, Clock clock, Executor executor, OverviewCache cache) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Supplier<List<TopicView>> topicsCall = later(executor, problems, "topics", api::topics, null);
        SharedSections cached = cache.get(today);
        Supplier<SharedSections> sharedCall = cached == null ? SharedSections.start(api, executor, today) : null;

        List<TopicView> mine = topicsCall.get();
        if (cached != null && mine == null) {
            // the api did not answer this user's own call: read the sections as them, not from the cache
            sharedCall = SharedSections.start(api, executor, today);
        }
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Supplier<TopicToday>> topicCalls = new ArrayList<>();
        for (TopicView t : mine == null ? List.<TopicView>of() : mine.subList(0, Math.min(10, mine.size()))) {
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
        SharedSections shared = cached;
        if (sharedCall != null) {
            shared = sharedCall.get();
            cache.put(today, shared); // kept only when complete
        }
        List<TopicToday> topics = topicCalls.stream().map(Supplier::get).toList();
        List<String> problemsSeen = new ArrayList<>(shared.problems());
        synchronized (problems) {
            problemsSeen.addAll(problems);
        }
        return new Overview(
                shared.volume(),
                shared.countries(),
                shared.people(),
                shared.organisations(),
                shared.stories(),
                shared.sources(),
                topics,
                problemsSeen.stream().distinct().toList());
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
