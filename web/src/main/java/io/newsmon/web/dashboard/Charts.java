package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.EntityView;
import io.newsmon.domain.dto.SearchResult;
import io.newsmon.web.display.DisplayZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Chart geometry computed here and drawn by the templates as inline SVG: no script, no chart library. Only
 * numbers and escaped labels reach the page.
 */
public final class Charts {

    private Charts() {}

    /** One bar: its box in the SVG's coordinates, and what it stands for. */
    public record Bar(double x, double y, double width, double height, String label, long count, String href) {}

    /** An axis label at {@code x}. */
    public record Tick(double x, String label) {}

    /**
     * A column chart of counts over time, {@code width}×{@code height} user units with room for a baseline
     * label row.
     */
    public record VolumeChart(
            int width, int height, int plot, List<Bar> bars, List<Tick> ticks, long max, long total, String summary) {
        public boolean isEmpty() {
            return total == 0;
        }

        public int tickY() {
            return height - 6;
        }
    }

    /** The api counts by UTC day, so a day's column is a UTC day and says so. */
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An hour's column starts at an instant, shown in the analyst's zone (minutes too: some zones are +05:30). */
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** The histogram as columns; {@code hrefFor} gives each bucket's link (or null); hours are shown in UTC. */
    public static VolumeChart volume(
            List<SearchResult.DateBucket> buckets,
            String interval,
            java.util.function.Function<Instant, String> hrefFor) {
        return volume(buckets, interval, DisplayZone.UTC, hrefFor);
    }

    /**
     * The histogram as columns; {@code hrefFor} gives each bucket's link (or null). Hourly columns are
     * labelled in {@code zone}; daily ones are the api's UTC days, labelled as such.
     */
    public static VolumeChart volume(
            List<SearchResult.DateBucket> buckets,
            String interval,
            ZoneId zone,
            java.util.function.Function<Instant, String> hrefFor) {
        int width = 640;
        int height = 160;
        int plot = 132;
        List<SearchResult.DateBucket> b = buckets == null ? List.of() : buckets;
        long max = 1;
        long total = 0;
        for (SearchResult.DateBucket d : b) {
            max = Math.max(max, d.count());
            total += d.count();
        }
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        boolean hourly = "hour".equals(interval);
        DateTimeFormatter f = hourly ? HOUR.withZone(zone) : DAY;
        int n = Math.max(1, b.size());
        double slot = (double) width / n;
        double gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
        int every = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int i = 0; i < b.size(); i++) {
            SearchResult.DateBucket d = b.get(i);
            double h = d.count() == 0 ? 0 : Math.max(1, (double) d.count() / max * (plot - 4));
            String label = f.format(d.start());
            bars.add(new Bar(
                    round(i * slot + gap / 2),
                    round(plot - h),
                    round(slot - gap),
                    round(h),
                    label,
                    d.count(),
                    hrefFor == null ? null : hrefFor.apply(d.start())));
            if (i % every == 0) {
                ticks.add(new Tick(round(i * slot + slot / 2), label));
            }
        }
        String summary = total + " articles"
                + (b.isEmpty()
                        ? ""
                        : " from " + f.format(b.get(0).start()) + " to "
                                + f.format(b.get(b.size() - 1).start())
                                + (hourly ? " (" + zone.getId() + ")" : " (UTC days)") + ", at most " + max
                                + " per " + (hourly ? "hour" : "day"));
        return new VolumeChart(width, height, plot, bars, ticks, max, total, summary);
    }

    /**
     * The api's histogram has buckets only where articles are: this puts a zero bucket in every empty day
     * (or hour) between the first and the last, so that the columns are a time axis. At most
     * {@code limit} buckets: a longer span keeps the api's buckets as they are. A short span is padded
     * with empty buckets before it to {@link #MIN_BUCKETS}, so that one busy day is not one wide block.
     */
    public static List<SearchResult.DateBucket> filled(
            List<SearchResult.DateBucket> buckets, String interval, int limit) {
        if (buckets == null || buckets.isEmpty()) {
            return List.of();
        }
        java.time.temporal.ChronoUnit unit =
                "hour".equals(interval) ? java.time.temporal.ChronoUnit.HOURS : java.time.temporal.ChronoUnit.DAYS;
        Instant first = buckets.get(0).start();
        Instant last = buckets.get(buckets.size() - 1).start();
        if (unit.between(first, last) + 1 > limit) {
            return buckets;
        }
        java.util.Map<Instant, Long> counts = new java.util.HashMap<>();
        for (SearchResult.DateBucket b : buckets) {
            counts.merge(b.start(), b.count(), Long::sum);
        }
        long span = unit.between(first, last) + 1;
        if (span < MIN_BUCKETS) {
            first = first.minus(MIN_BUCKETS - span, unit);
        }
        List<SearchResult.DateBucket> out = new ArrayList<>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(1, unit)) {
            out.add(new SearchResult.DateBucket(t, counts.getOrDefault(t, 0L)));
        }
        return out;
    }

    static final int MIN_BUCKETS = 14;

    /** One day's column of a tone chart: above the zero line when positive, below when negative. */
    public record ToneBar(double x, double y, double width, double height, String label, String value, String kind) {}

    /** Mean tone per day, -1 to +1, drawn as columns from a zero line in the middle. */
    public record ToneChart(int width, int height, double zero, List<ToneBar> bars, List<Tick> ticks, String summary) {
        public boolean isEmpty() {
            return bars.isEmpty();
        }

        public int tickY() {
            return height - 6;
        }
    }

    /**
     * Mean tone per day as columns from a zero line, on a day axis from the first to the last scored day
     * (at most the last {@code limit} days, at least {@link #MIN_BUCKETS} wide, so one day is not one wide
     * block); {@code days} are ISO dates, oldest first, each with a mean tone or null (no column).
     */
    public static ToneChart tone(List<EntityView.DayCount> days, int limit) {
        int width = 640;
        int height = 160;
        int plot = 132;
        double zero = plot / 2.0;
        TreeMap<LocalDate, EntityView.DayCount> scored = new TreeMap<>();
        for (EntityView.DayCount d : days == null ? List.<EntityView.DayCount>of() : days) {
            if (d.tone() != null) {
                try {
                    scored.put(LocalDate.parse(d.day()), d);
                } catch (DateTimeParseException ignored) {
                    // a day the api could not date is left out of the chart
                }
            }
        }
        List<ToneBar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        if (scored.isEmpty()) {
            return new ToneChart(width, height, zero, bars, ticks, "No article naming it has a tone score yet.");
        }
        LocalDate last = scored.lastKey();
        LocalDate first = scored.firstKey();
        if (first.isBefore(last.minusDays(limit - 1))) {
            first = last.minusDays(limit - 1);
        }
        if (first.isAfter(last.minusDays(MIN_BUCKETS - 1))) {
            first = last.minusDays(MIN_BUCKETS - 1);
        }
        int n = (int) ChronoUnit.DAYS.between(first, last) + 1;
        double slot = (double) width / n;
        double gap = slot > 6 ? Math.min(4, slot * 0.2) : 0;
        int every = Math.max(1, (int) Math.ceil(n / 6.0));
        double sum = 0;
        int shown = 0;
        for (int i = 0; i < n; i++) {
            LocalDate day = first.plusDays(i);
            String label = DAY.format(day.atStartOfDay(ZoneOffset.UTC));
            if (i % every == 0) {
                ticks.add(new Tick(round(i * slot + slot / 2), label));
            }
            EntityView.DayCount d = scored.get(day);
            if (d == null) {
                continue;
            }
            double t = Math.max(-1, Math.min(1, d.tone()));
            sum += t;
            shown++;
            double h = Math.max(1, Math.abs(t) * (zero - 2));
            bars.add(new ToneBar(
                    round(i * slot + gap / 2),
                    round(t >= 0 ? zero - h : zero),
                    round(slot - gap),
                    round(h),
                    label,
                    String.format(Locale.ROOT, "mean tone %+.2f (%d articles that day)", d.tone(), d.articles()),
                    DisplayExtensions.toneWord(t)));
        }
        String summary = String.format(
                Locale.ROOT,
                "Mean tone per day (−1 negative to +1 positive) on %d %s from %s to %s; %+.2f on average",
                shown,
                shown == 1 ? "day" : "days",
                DAY.format(scored.ceilingKey(first).atStartOfDay(ZoneOffset.UTC)),
                DAY.format(last.atStartOfDay(ZoneOffset.UTC)),
                sum / shown);
        return new ToneChart(width, height, zero, bars, ticks, summary);
    }

    /** A ranked horizontal bar: label, count, and its length as a percentage of the largest. */
    public record Ranked(String label, long count, int percent, String href) {}

    public static List<Ranked> ranked(
            List<SearchResult.FacetCount> counts, int limit, java.util.function.Function<String, String> hrefFor) {
        if (counts == null || counts.isEmpty()) {
            return List.of();
        }
        long max = Math.max(1, counts.get(0).count());
        List<Ranked> out = new ArrayList<>();
        for (SearchResult.FacetCount c : counts.subList(0, Math.min(limit, counts.size()))) {
            out.add(new Ranked(
                    c.value(),
                    c.count(),
                    (int) Math.max(2, Math.round(100.0 * c.count() / max)),
                    hrefFor.apply(c.value())));
        }
        return out;
    }

    /** A sparkline's polyline points in a {@code width}×{@code height} box, oldest first. */
    public static String sparkline(List<Long> values, int width, int height) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        StringBuilder points = new StringBuilder();
        double step = values.size() == 1 ? 0 : (double) width / (values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            double y = height - 1 - (double) values.get(i) / max * (height - 2);
            if (i > 0) {
                points.append(' ');
            }
            points.append(round(i * step)).append(',').append(round(y));
        }
        return points.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
