package io.newsmon.sources.url;

import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A source's include and exclude patterns (Java regular expressions an admin typed), matched against
 * item URLs with a bounded amount of work: a pattern such as {@code (a+)+$} backtracks exponentially
 * on a URL like {@code /aaaa…a!}, and one such item must not hold up the poll, or the replica, for
 * hours. Past {@link #MAX_STEPS} character reads a match gives up and the item is kept: a pattern
 * that cannot decide does not silently drop articles, and the poll notes it in the log.
 */
public final class UrlPatterns {

    /**
     * Characters the regex engine may read for one URL: enough for {@code .*word.*} to be tried from
     * every position of a 2,048-character URL (~4 million reads, some milliseconds), far too few for
     * exponential backtracking.
     */
    public static final int MAX_STEPS = 5_000_000;

    // JUL, not JBoss logging: like FetchRound, this runs outside Quarkus too (the crawl command)
    private static final Logger LOG = Logger.getLogger(UrlPatterns.class.getName());

    private final Pattern include;
    private final Pattern exclude;
    private final String includeLabel;
    private final String excludeLabel;

    private UrlPatterns(String include, String exclude) {
        this.include = compile(include);
        this.exclude = compile(exclude);
        this.includeLabel = "include pattern " + include;
        this.excludeLabel = "exclude pattern " + exclude;
    }

    /** The patterns of a source; null or blank means no pattern. */
    public static UrlPatterns of(String include, String exclude) {
        return new UrlPatterns(include, exclude);
    }

    /** True when the item at {@code url} becomes an article: it matches the include and not the exclude. */
    public boolean keeps(String url) {
        if (include != null && find(include, url, includeLabel) == Boolean.FALSE) {
            return false;
        }
        return exclude == null || find(exclude, url, excludeLabel) != Boolean.TRUE;
    }

    /** Whether {@code pattern} occurs in {@code input}, or null when finding out took more than the budget. */
    static Boolean find(Pattern pattern, String input, String what) {
        try {
            return pattern.matcher(new Budgeted(input, MAX_STEPS)).find();
        } catch (Budgeted.Spent e) {
            LOG.warning(String.format(
                    "the %s gave up after %d steps on %s (it backtracks too much): the item is kept",
                    what, MAX_STEPS, input.length() > 200 ? input.substring(0, 200) + "…" : input));
            return null;
        }
    }

    /** A stored pattern; the api validated it, so a broken one (edited in the database) matches nothing. */
    private static Pattern compile(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Pattern.compile("(?!)");
        }
    }

    /** The input as the regex engine sees it, counting each character read against a budget. */
    private static final class Budgeted implements CharSequence {
        static final class Spent extends RuntimeException {
            Spent() {
                super("regex budget spent", null, false, false);
            }
        }

        private final String text;
        private final int[] left;

        Budgeted(String text, int budget) {
            this(text, new int[] {budget});
        }

        private Budgeted(String text, int[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Spent();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
