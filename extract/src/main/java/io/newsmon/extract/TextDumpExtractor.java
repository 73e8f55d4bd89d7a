package io.newsmon.extract;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts an article from the visible text of a page, one block per line, as scrapers and
 * copy-paste produce it. The body is the longest run of consecutive prose lines; the headline is the
 * nearest headline-like line above it and a caption may stand above that; the date, section and
 * credit come from the lines around it. Navigation, teasers of other stories (prose lines standing
 * alone between separators) and widget lines ("Leave a review") fall outside the run.
 */
public class TextDumpExtractor {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…\"”’»)]$");
    private static final Pattern CREDIT =
            Pattern.compile("^(\\p{Lu}[\\p{L}.&]*(?: \\p{Lu}[\\p{L}.&]*){0,3})\\s*(?::|\\s[-–—])\\s+(?=\\S)");
    private static final Pattern SECTION = Pattern.compile(
            "^(?:In|Section:?|Category:?|Filed under:?)\\s+(\\p{Lu}[\\p{L}&' -]{1,40})$", Pattern.CASE_INSENSITIVE);

    /** Never throws; an input without prose gives an empty result with the reason. */
    public ExtractedArticle extract(String text) {
        if (text == null || text.isBlank()) {
            return ExtractedArticle.failed("empty input");
        }
        List<String> lines = text.lines().map(String::strip).toList();
        int[] run = longestProseRun(lines);
        if (run == null) {
            return ExtractedArticle.failed("no run of prose lines found: nothing looks like an article body");
        }
        int start = run[0];
        int end = run[1];
        List<String> body = new ArrayList<>(lines.subList(start, end + 1));

        String credit = null;
        Matcher c = CREDIT.matcher(body.get(0));
        if (c.find() && c.group(1).length() <= 30) {
            credit = c.group(1);
            body.set(0, body.get(0).substring(c.end()));
        }

        String title = null;
        String caption = null;
        int t = previousNonEmpty(lines, start - 1);
        if (t >= 0 && isHeadline(lines.get(t))) {
            title = lines.get(t);
            int cap = previousNonEmpty(lines, t - 1);
            if (cap >= 0 && isHeadline(lines.get(cap))) {
                caption = lines.get(cap);
            }
        }

        ZonedDateTime published = null;
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            if (i >= start && i <= end) {
                continue;
            }
            String line = lines.get(i).replaceFirst("^[-–—•·*|]\\s*", "");
            if (published == null && line.length() <= 80) {
                Optional<ZonedDateTime> date = DateText.find(line);
                if (date.isPresent()) {
                    published = date.get();
                }
            }
            Matcher s = SECTION.matcher(line);
            if (section == null && s.matches()) {
                section = s.group(1).strip();
            }
        }
        String bodyText = String.join("\n\n", body);
        return new ExtractedArticle(
                title,
                bodyText,
                List.of(),
                published == null ? null : published.toInstant(),
                null,
                section,
                Languages.declaredElseDetected(null, title, bodyText),
                null,
                null,
                null,
                caption,
                null,
                credit,
                null);
    }

    /** The [first, last] line indexes of the run of prose lines with the most text, or null. */
    private static int[] longestProseRun(List<String> lines) {
        int bestStart = -1;
        int bestEnd = -1;
        int bestChars = 0;
        int i = 0;
        while (i < lines.size()) {
            if (!isProse(lines.get(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int chars = 0;
            while (i < lines.size() && isProse(lines.get(i))) {
                chars += lines.get(i).length();
                i++;
            }
            // a lone prose line between separators is a teaser, not a body
            if (i - runStart >= 2 && chars > bestChars) {
                bestChars = chars;
                bestStart = runStart;
                bestEnd = i - 1;
            }
        }
        return bestStart < 0 ? null : new int[] {bestStart, bestEnd};
    }

    static boolean isProse(String line) {
        int words = words(line);
        return words >= 8 && (SENTENCE_END.matcher(line).find() || line.length() >= 120);
    }

    static boolean isHeadline(String line) {
        int words = words(line);
        return words >= 3 && words <= 30 && line.length() <= 250 && !line.endsWith(".");
    }

    private static int previousNonEmpty(List<String> lines, int from) {
        for (int i = from; i >= 0; i--) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static int words(String line) {
        String s = line.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
