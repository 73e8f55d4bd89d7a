package io.newsmon.domain.pipeline;

/** Clips text to a column's width, marking the cut, so that an overlong value never fails a write. */
public final class BoundedText {

    private BoundedText() {}

    /** {@code s} itself when it fits (or is null), else its first {@code max - 1} characters and "…". */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    /** {@code s} without NUL characters, which PostgreSQL text columns refuse (null stays null). */
    public static String storable(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    }
}
