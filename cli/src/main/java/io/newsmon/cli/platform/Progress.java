package io.newsmon.cli.platform;

import java.io.PrintWriter;

/**
 * One status line on standard error, redrawn in place ({@code \r}, then erase to the end of the line) when it
 * changes, so that standard output keeps only the result a script reads.
 */
public final class Progress {

    static final int WIDTH = 40;

    private final PrintWriter err;
    private String shown;

    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** Shows {@code line} in place of the one before, unless it is the same. */
    public void show(String line) {
        if (!line.equals(shown)) {
            err.print("\r\033[K" + line);
            err.flush();
            shown = line;
        }
    }

    /** Leaves the last line standing and moves to the next one. */
    public void end() {
        if (shown != null) {
            err.println();
            err.flush();
            shown = null;
        }
    }

    /** Erases the line. */
    public void clear() {
        if (shown != null) {
            err.print("\r\033[K");
            err.flush();
            shown = null;
        }
    }

    /** {@code [#####...............]  25%}: {@code done} of {@code total}; full when there is nothing to do. */
    public static String bar(long done, long total) {
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, Math.max(0, done) * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", filled * 100 / WIDTH);
    }
}
