package io.newsmon.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.domain.dto.PageResult;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.web.api.NewsmonApi;
import jakarta.ws.rs.WebApplicationException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The overview's shared sections come from the cache until it expires, then from the api again; the analyst's
 * own topics are read every time, and a user the api refuses is never shown the cached sections.
 */
class OverviewCacheTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean refuse = new AtomicBoolean();
    private final AtomicBoolean failSearch = new AtomicBoolean();
    private final AtomicLong articlesToday = new AtomicLong(3);
    private final AtomicLong nanos = new AtomicLong();

    /** The api at the overview's boundary: counts each method's calls, answers with small fixed data. */
    private final NewsmonApi api = (NewsmonApi) Proxy.newProxyInstance(
            NewsmonApi.class.getClassLoader(), new Class<?>[] {NewsmonApi.class}, (proxy, method, args) -> {
                calls.computeIfAbsent(method.getName(), m -> new AtomicInteger())
                        .incrementAndGet();
                if (refuse.get()) {
                    throw new WebApplicationException(403);
                }
                return switch (method.getName()) {
                    case "search" -> {
                        if (failSearch.get()) {
                            throw new WebApplicationException(500);
                        }
                        yield new SearchResult(
                                articlesToday.get(),
                                0,
                                1,
                                String.valueOf(args[0]),
                                List.of(),
                                Map.of(),
                                List.of(new SearchResult.DateBucket(
                                        Instant.parse("2026-11-29T00:00:00Z"), articlesToday.get())),
                                "day",
                                1);
                    }
                    case "stories" -> new PageResult<>(List.of(), 0, 6, 0);
                    case "sources", "topics" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            });

    private final OverviewCache cache = new OverviewCache(Duration.ofSeconds(30), nanos::get);

    private Overview read() {
        return Overview.read(api, NOW, Runnable::run, cache);
    }

    private int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    @Test
    void theSharedSectionsAreReadOnceWhileFreshAndAgainOnceExpired() {
        assertThat(read().volume().total()).isEqualTo(3);
        assertThat(calls("search")).isEqualTo(2); // the fortnight and today
        assertThat(calls("sources")).isEqualTo(1);

        articlesToday.set(5);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(read().volume().total()).as("still fresh: from the cache").isEqualTo(3);
        assertThat(calls("search")).isEqualTo(2);
        assertThat(calls("sources")).isEqualTo(1);
        assertThat(calls("topics")).as("the analyst's own topics, every time").isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(read().volume().total()).as("expired: read again").isEqualTo(5);
        assertThat(calls("search")).isEqualTo(4);
        assertThat(calls("sources")).isEqualTo(2);
        assertThat(read().volume().total()).as("and kept again").isEqualTo(5);
        assertThat(calls("search")).isEqualTo(4);
    }

    @Test
    void aReadWithProblemsIsNotKept() {
        failSearch.set(true);
        assertThat(read().problems()).isNotEmpty();
        failSearch.set(false);
        Overview again = read();
        assertThat(again.problems()).isEmpty();
        assertThat(again.volume().total()).isEqualTo(3);
        assertThat(calls("search")).isEqualTo(4);
    }

    @Test
    void aUserTheApiRefusesSeesTheRefusalNotTheCachedSections() {
        read();
        refuse.set(true);
        Overview refused = read();
        assertThat(refused.volume().total()).isZero();
        assertThat(refused.sources()).isNull();
        assertThat(refused.problems()).anyMatch(p -> p.startsWith("The article volume could not be read"));
        assertThat(calls("search")).as("read with the refused user's token").isEqualTo(4);
    }

    @Test
    void anotherDayOrAZeroTimeToLiveReadsAgain() {
        read();
        Overview.read(api, Clock.offset(NOW, Duration.ofDays(1)), Runnable::run, cache);
        assertThat(calls("search")).isEqualTo(4);

        OverviewCache off = new OverviewCache(Duration.ZERO, nanos::get);
        Overview.read(api, NOW, Runnable::run, off);
        Overview.read(api, NOW, Runnable::run, off);
        assertThat(calls("search")).isEqualTo(8);
    }
}
