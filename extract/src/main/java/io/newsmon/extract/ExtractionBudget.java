package io.newsmon.extract;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The time one page's extraction may take. Java cannot stop a thread that is busy computing, so the
 * extraction checks the budget itself, in every loop over a page's elements and on every read of the
 * parser's input; past the deadline {@link #check} throws {@link Exceeded} and the page ends as its own
 * error. Kept per thread because the checks sit in jsoup callbacks and static helpers that a page's
 * extraction passes through.
 */
final class ExtractionBudget {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private ExtractionBudget() {}

    /** Thrown by {@link #check} once the page's budget is spent. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("extraction budget spent", null, false, false);
        }
    }

    /** Runs {@code work} with {@code budget} to spend; nested calls keep the outer deadline. */
    static <T> T within(Duration budget, Supplier<T> work) {
        if (DEADLINE.get() != null) {
            return work.get();
        }
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        try {
            return work.get();
        } finally {
            DEADLINE.remove();
        }
    }

    /** Throws {@link Exceeded} when this thread's extraction has run past its deadline; free outside one. */
    static void check() {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw new Exceeded();
        }
    }

    /** Parses {@code html} as HTML, checking the budget on every read of the text. */
    static Document parse(String html, String baseUri) {
        Reader checked = new FilterReader(new StringReader(html)) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                check();
                return super.read(cbuf, off, len);
            }
        };
        return Parser.htmlParser().parseInput(checked, baseUri);
    }

    /** {@code in}, checking the budget on every read, so that a slow parse stops too. */
    static InputStream checked(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                check();
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return in.read(b, off, len);
            }
        };
    }
}
