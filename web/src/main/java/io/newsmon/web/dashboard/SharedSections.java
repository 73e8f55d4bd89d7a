package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.domain.dto.SourceView;
import io.newsmon.domain.dto.StoryView;
import io.newsmon.web.api.NewsmonApi;
import io.newsmon.web.dashboard.Overview.SourceHealth;
import io.newsmon.web.dashboard.Overview.Trend;
import io.newsmon.web.sources.SourcePages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The overview's sections that are the same for every analyst: article volume over two weeks, top countries,
 * trending people and organisations, multi-source stories and source health, with what could not be read.
 */
public record SharedSections(
        Charts.VolumeChart volume,
        List<Charts.Ranked> countries,
        List<Trend> people,
        List<Trend> organisations,
        List<StoryView> stories,
        SourceHealth sources,
        List<String> problems) {

    /**
     * Starts reading the sections on {@code executor}: the searches, stories and sources at once; each trending
     * entity's week once today's search has named them. The supplier waits for the rest.
     */
    static Supplier<SharedSections> start(NewsmonApi api, Executor executor, LocalDate today) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        String from = today.minusDays(Overview.DAYS - 1).toString();

        Supplier<SearchResult> recentCall = Overview.later(
                executor,
                problems,
                "article volume",
                () -> api.search("published:>=" + from, null, null, "date", 0, 1, null, "day", null),
                null);
        Supplier<SearchResult> dayCall = Overview.later(
                executor,
                problems,
                "today's entities",
                () -> api.search("published:>=" + today, null, null, "date", 0, 1, null, "day", null),
                null);
        Supplier<PageResult<StoryView>> storiesCall =
                Overview.later(executor, problems, "stories", () -> api.stories(2, 0, 6), null);
        Supplier<List<SourceView>> sourcesCall = Overview.later(executor, problems, "sources", api::sources, null);

        return () -> {
            SearchResult day = dayCall.get();
            Supplier<List<Trend>> people = trends(api, executor, problems, day, "persons", "PERSON", "person", today);
            Supplier<List<Trend>> organisations =
                    trends(api, executor, problems, day, "organizations", "ORGANIZATION", "org", today);

            SearchResult recent = recentCall.get();
            Charts.VolumeChart volume = Charts.volume(
                    Overview.everyDay(
                            recent == null ? List.of() : recent.histogram(), today.minusDays(Overview.DAYS - 1), today),
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

            SourceHealth health = health(sourcesCall.get());
            PageResult<StoryView> stories = storiesCall.get();
            List<Trend> peopleTrending = people.get();
            List<Trend> organisationsTrending = organisations.get();
            List<String> problemsSeen;
            synchronized (problems) {
                problemsSeen = problems.stream().distinct().toList();
            }
            return new SharedSections(
                    volume,
                    countries,
                    peopleTrending,
                    organisationsTrending,
                    stories == null ? List.of() : stories.items(),
                    health,
                    problemsSeen);
        };
    }

    /** Sources needing attention first (silent, then most failures), and the counts; null when unread. */
    private static SourceHealth health(List<SourceView> all) {
        if (all == null) {
            return null;
        }
        List<SourceView> attention = all.stream()
                .filter(s -> SourcePages.inState(s, "attention"))
                .sorted(Comparator.comparing(SourceView::silent)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(SourceView::consecutiveFailures)
                                .reversed()))
                .limit(8)
                .toList();
        return new SourceHealth(
                attention,
                all.size(),
                (int) all.stream()
                        .filter(s -> SourcePages.inState(s, "failing"))
                        .count(),
                (int) all.stream().filter(s -> SourcePages.inState(s, "silent")).count(),
                (int) all.stream()
                        .filter(s -> SourcePages.inState(s, "disabled"))
                        .count());
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
                day.facets().get(facet).stream().limit(Overview.TRENDING).toList();
        List<Supplier<SearchResult>> weeks = new ArrayList<>();
        for (SearchResult.FacetCount c : top) {
            String clause = field + ":" + SearchPage.quote(c.value());
            weeks.add(Overview.later(
                    executor,
                    problems,
                    "trends",
                    () -> api.search(clause, today.minusDays(7).toString(), null, "date", 0, 1, null, "day", null),
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
}
