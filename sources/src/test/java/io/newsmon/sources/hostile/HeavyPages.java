package io.newsmon.sources.hostile;

/**
 * Pages built to make an extractor crawl: megabytes in one title or attribute, one text node of 10 MB,
 * tables nested thousands deep, class names made for the boilerplate patterns. Each still carries a
 * headline and a few ordinary paragraphs, which is what a reader of the page would see.
 */
final class HeavyPages {

    static final String SPACED_TITLE = "Harbour board agrees winter timetable";
    static final String ATTRIBUTES_TITLE = "Pilots warn of shifting sandbanks";
    static final String TEXT_NODE_TITLE = "One paragraph without end";
    static final String TABLES_TITLE = "Tables within tables";
    static final String CLASSES_TITLE = "The fish market moves house";

    private HeavyPages() {}

    /** og:title is the headline with {@code spaces} spaces in the middle and the site name after. */
    static String spacedTitle(int spaces) {
        String og = "Harbour board agrees" + " ".repeat(spaces) + "winter timetable | Hostile Harbour News";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta property=\"og:site_name\" content=\"Hostile Harbour News\">"
                + "<meta property=\"og:title\" content=\"" + og + "\">"
                + "<title>" + SPACED_TITLE + " | Hostile Harbour News</title></head><body><article>"
                + HostileSite.englishParagraphs(SPACED_TITLE) + "</article></body></html>";
    }

    /**
     * 0.3-1 MB class, id, style, data, lang and meta attributes around an ordinary article: 5.5 MB in
     * all, under the extractor's 8 MB input limit, so the article is there to be found.
     */
    static String hugeAttributes() {
        String words = "sidebar-item promo ".repeat(50_000);
        return "<!DOCTYPE html><html lang=\"" + "en-".repeat(100_000) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"description\" content=\"" + "A description. ".repeat(30_000) + "\">"
                + "<meta property=\"article:published_time\" content=\"2024-11-05T10:00:00Z" + " ".repeat(1_000_000)
                + "\">" + "<link rel=\"canonical\" href=\"/" + "2024/11/".repeat(50_000) + "\">"
                + "<title>" + ATTRIBUTES_TITLE + "</title></head><body>"
                + "<div class=\"" + words + "\" id=\"" + "dateline".repeat(100_000) + "\" style=\""
                + " ".repeat(1_000_000) + "display: block\" data-junk=\"" + "x".repeat(1_000_000) + "\">"
                + "<article><h1 title=\"" + "t".repeat(1_000_000) + "\">" + ATTRIBUTES_TITLE + "</h1>"
                + HostileSite.englishParagraphs(ATTRIBUTES_TITLE) + "</article></div></body></html>";
    }

    /** A single paragraph of 10 MB: one text node, with no tag or line break in it. */
    static String oneTextNode() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + TEXT_NODE_TITLE + "</title></head>"
                + "<body><article><h1>" + TEXT_NODE_TITLE + "</h1><p>"
                + "The tide came in and the tide went out, ".repeat(10 * 1024 * 1024 / 40)
                + "</p></article></body></html>";
    }

    /** Tables nested 5,000 deep, a cell of text at every level, the article at the bottom. */
    static String nestedTables() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(TABLES_TITLE)
                .append("</title></head><body>");
        for (int i = 0; i < 5_000; i++) {
            b.append("<table class=\"layout date\"><tr><td>Cell ").append(i).append(", more cell text here</td><td>");
        }
        b.append("<h1>").append(TABLES_TITLE).append("</h1>").append(HostileSite.englishParagraphs(TABLES_TITLE));
        b.append("</td></tr></table>".repeat(5_000));
        return b.append("</body></html>").toString();
    }

    /** 20,000 nested and sibling blocks whose class names are long runs of the words the cleaner looks for. */
    static String classNames() {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(CLASSES_TITLE)
                .append("</title></head><body>");
        String unlikely = "ad-".repeat(2_000) + "x";
        String camel = "aB".repeat(2_000);
        String dates = "date-time-".repeat(1_000);
        for (int i = 0; i < 300; i++) {
            b.append("<div class=\"")
                    .append(i % 3 == 0 ? unlikely : i % 3 == 1 ? camel : dates)
                    .append("\">");
        }
        for (int i = 0; i < 20_000; i++) {
            b.append("<span class=\"")
                    .append(i % 2 == 0 ? "share-related-" + i : "aBcDeFgH" + i)
                    .append("\">.</span>");
        }
        b.append("<article><h1>")
                .append(CLASSES_TITLE)
                .append("</h1>")
                .append(HostileSite.englishParagraphs(CLASSES_TITLE))
                .append("</article>");
        b.append("</div>".repeat(300));
        return b.append("</body></html>").toString();
    }
}
