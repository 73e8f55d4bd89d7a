package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.PageResult;

/** Page links for a list: which page this is, and whether there is one before or after it. */
public record Paging(int page, int pages, boolean hasPrevious, boolean hasNext) {

    static Paging of(PageResult<?> result) {
        int pages = (int) Math.max(1, (result.total() + result.size() - 1) / result.size());
        return new Paging(result.page(), pages, result.page() > 0, result.page() + 1 < pages);
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    /** The 1-based page number people read. */
    public int number() {
        return page + 1;
    }

    static int parsePage(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(100_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            throw new DashboardException(400, "Bad page number", "'" + value + "' is not a page number.");
        }
    }

    static long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new DashboardException(404, "No such article", "'" + value + "' is not an article id.");
        }
    }
}
