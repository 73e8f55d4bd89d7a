package io.newsmon.ingest.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The adaptive poll interval: half the average gap between a source's recent items (so a new item waits
 * half a gap on average), learned from the publication dates its feed gives; without enough dates, a
 * poll that found something shortens the interval by a quarter and an empty one lengthens it by half.
 * Always within the service's bounds.
 */
public final class PollSchedule {

    static final int MIN_DATED_ITEMS = 3;
    private static final Duration RECENT = Duration.ofDays(7);

    private PollSchedule() {}

    public static Duration next(
            Duration current, List<Instant> published, int added, Instant now, Duration min, Duration max) {
        List<Instant> recent = published.stream()
                .filter(t -> t != null && !t.isAfter(now.plus(Duration.ofHours(1))))
                .filter(t -> t.isAfter(now.minus(RECENT)))
                .sorted()
                .toList();
        Duration next;
        if (recent.size() >= MIN_DATED_ITEMS) {
            Duration span = Duration.between(recent.get(0), recent.get(recent.size() - 1));
            next = span.dividedBy(recent.size() - 1).dividedBy(2);
        } else if (added > 0) {
            next = current.multipliedBy(3).dividedBy(4);
        } else {
            next = current.multipliedBy(3).dividedBy(2);
        }
        if (next.compareTo(min) < 0) {
            return min;
        }
        return next.compareTo(max) > 0 ? max : next;
    }
}
