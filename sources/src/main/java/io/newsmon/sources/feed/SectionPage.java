package io.newsmon.sources.feed;

import io.newsmon.extract.CharsetSniffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A site's front or section page read as a list of articles: the links that lead to articles of the
 * same site, told apart from navigation by where they sit (not in a nav, header or footer), by the shape
 * of their URL (a date, a long slug, a long numeric id) and by anchor text that reads like a headline.
 */
public final class SectionPage {

    /** Fewer article links than this and a page is not a section page (more likely one article). */
    public static final int MIN_LINKS = 3;

    private static final Pattern DATE_IN_PATH =
            Pattern.compile("/(19|20)\\d\\d[/-](0?[1-9]|1[0-2])([/-](0?[1-9]|[12]\\d|3[01]))?(/|-|$)");
    private static final Pattern LONG_ID = Pattern.compile("(^|[^0-9])\\d{6,}([^0-9]|$)");
    /** Index and service pages, recognised by the first segment of their path ({@code /tag/…}). */
    private static final Pattern NOT_ARTICLES = Pattern.compile(
            "^/(tags?|topics?|category|categories|section|sections|author|authors|search|login|signin|"
                    + "register|subscribe|subscription|newsletter|account|about|contact|privacy|terms|"
                    + "cookies?|help|faq|feed|rss|video|videos|gallery|galleries|podcasts?|live)(/|$)",
            Pattern.CASE_INSENSITIVE);

    private SectionPage() {}

    /** Parses a fetched page (charset from the header, the page, or its bytes) and reads its links. */
    public static Feed read(byte[] body, String declaredCharset, String url) {
        return read(parse(body, declaredCharset, url));
    }

    /** Whether a page says it is one article: its Open Graph type ({@code og:type}) is an article. */
    public static boolean declaresArticle(Document page) {
        return page.select("meta[property=og:type]")
                .attr("content")
                .toLowerCase(Locale.ROOT)
                .contains("article");
    }

    public static Document parse(byte[] body, String declaredCharset, String url) {
        String charset = CharsetSniffer.known(declaredCharset);
        if (charset == null) {
            charset = CharsetSniffer.undeclaredCharset(body);
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset, url);
        } catch (IOException e) {
            return Jsoup.parse(new String(body, StandardCharsets.UTF_8), url);
        }
    }

    /** The page's article links, in page order, with their anchor text as title. */
    public static Feed read(Document page) {
        URI base = URI.create(page.location().isEmpty() ? "http://invalid/" : page.location());
        String site = siteOf(base.getHost());
        Map<String, String> found = new LinkedHashMap<>();
        for (Element a : page.select("a[href]")) {
            if (a.closest("nav, header, footer, [role=navigation], [role=banner], [role=contentinfo]") != null) {
                continue;
            }
            String href = a.absUrl("href");
            URI uri;
            try {
                uri = URI.create(href);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                continue;
            }
            if (!siteOf(uri.getHost()).equals(site)) {
                continue;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String text = a.text().strip();
            if (!looksLikeArticle(path, text)) {
                continue;
            }
            String link = stripFragment(href);
            String known = found.get(link);
            if (known == null || words(text) > words(known)) {
                found.put(link, text);
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        found.forEach(
                (link, title) -> entries.add(new FeedEntry(link, title.isEmpty() ? null : title, null, null, null)));
        return new Feed("html-section", page.title(), page.location(), entries);
    }

    /** Whether a URL path (with its anchor text) looks like an article rather than navigation. */
    static boolean looksLikeArticle(String path, String anchorText) {
        if (path.isEmpty() || path.equals("/") || NOT_ARTICLES.matcher(path).find()) {
            return false;
        }
        String last = lastSegment(path).replaceAll("\\.(s?html?|php|aspx?)$", "");
        boolean dated = DATE_IN_PATH.matcher(path).find();
        boolean slug = last.split("[-_]+").length >= 4 && last.length() >= 20;
        boolean id = LONG_ID.matcher(last).find();
        if (!(dated || slug || id)) {
            return false;
        }
        // a bare id or date is only an article when the link reads like a headline
        return slug || words(anchorText) >= 3;
    }

    private static String lastSegment(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static String stripFragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }

    /** The host without a leading {@code www.}/{@code m.}, so that the site's own subdomains count. */
    private static String siteOf(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"www.", "m.", "amp."}) {
            if (h.startsWith(prefix)) {
                return h.substring(prefix.length());
            }
        }
        return h;
    }
}
