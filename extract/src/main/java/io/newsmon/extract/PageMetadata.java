package io.newsmon.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads an article's metadata from the page head: Open Graph, article meta tags, JSON-LD, {@code <time>}. */
final class PageMetadata {

    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{1,100})\"");
    private static final Pattern JSON_LD_MODIFIED = Pattern.compile("\"dateModified\"\\s*:\\s*\"([^\"]{1,100})\"");
    private static final Pattern JSON_LD_SECTION =
            Pattern.compile("\"articleSection\"\\s*:\\s*\\[?\\s*\"([^\"]{1,200})\"");
    private static final Pattern JSON_LD_AUTHOR =
            Pattern.compile("\"author\"\\s*:\\s*(?:\\[\\s*)?\\{[^}]{0,2000}?\"name\"\\s*:\\s*\"([^\"]{1,300})\"");

    private PageMetadata() {}

    private static final Pattern SEPARATED = Pattern.compile("^(.+)\\s+[|\\-–—]\\s+(.+)$");

    /**
     * The headline: og:title, the first {@code <h1>} and {@code <title>} reconciled, with site names and
     * section labels ("Opinion | …", "… | The Daily") dropped where the other sources show they are not
     * part of it.
     */
    static String title(Document doc) {
        // every candidate is normalised and clipped first: SEPARATED backtracks over runs of spaces
        String og = PageText.normalized(meta(doc, "og:title"), PageText.MAX_TITLE);
        Element h1El = doc.selectFirst("h1");
        String h1 = h1El == null ? null : PageText.normalized(h1El.text(), PageText.MAX_TITLE);
        h1 = h1 == null || h1.isEmpty() ? null : h1;
        String site = siteName(doc);
        String candidate = og != null ? og : h1 != null ? h1 : PageText.normalized(doc.title(), PageText.MAX_TITLE);
        if (candidate == null || candidate.isBlank()) {
            return null;
        }
        candidate = candidate.strip();
        if (h1 != null && !h1.equals(candidate) && h1.length() >= 10 && candidate.contains(h1)) {
            return h1; // og:title or <title> with a label or site name around the headline
        }
        Matcher m = SEPARATED.matcher(candidate);
        if (m.matches()) {
            String head = m.group(1);
            String tail = m.group(2);
            if (site != null
                    && (tail.equalsIgnoreCase(site)
                            || tail.toLowerCase(Locale.ROOT).contains(site.toLowerCase(Locale.ROOT)))) {
                return head;
            }
            if (og == null && h1 == null && tail.length() <= 40 && head.length() > tail.length()) {
                return head; // a bare <title>: "Headline | Site"
            }
        }
        return candidate;
    }

    /** Meta names that carry the publication date on one site or another. */
    private static final List<String> PUBLISHED_META = List.of(
            "article:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "DC.date.issued",
            "dc.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "og:published_time");

    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|$|-)|[/-]((?:19|20)\\d{2})(\\d{2})(\\d{2})(?:/|$|[-.])");
    private static final Pattern DATE_HINT =
            Pattern.compile("date|time|publish|posted|dateline", Pattern.CASE_INSENSITIVE);

    /**
     * The publication date: structured sources first (meta tags, JSON-LD, microdata, {@code <time>}),
     * then a visible date line near the top of the page, then a date in the URL.
     */
    static Instant published(Document doc) {
        List<String> candidates = new ArrayList<>();
        for (String name : PUBLISHED_META) {
            candidates.add(meta(doc, name));
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(scriptData(script));
            if (m.find()) {
                candidates.add(m.group(1));
            }
        }
        for (Element e : doc.select("[itemprop=datePublished]")) {
            candidates.add(
                    e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text());
        }
        Element time = doc.selectFirst("time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        for (String c : candidates) {
            Instant parsed = plausible(parseDate(c));
            if (parsed != null) {
                return parsed;
            }
        }
        Instant visible = visibleDate(doc);
        if (visible != null) {
            return visible;
        }
        Instant fromUrl = urlDate(canonical(doc));
        return fromUrl != null ? fromUrl : urlDate(doc.location());
    }

    /** The text of a JSON-LD script, clipped before the patterns scan it. */
    private static String scriptData(Element script) {
        return PageText.clipped(script.data(), PageText.MAX_SCRIPT);
    }

    /** Elements with a date hint looked at, at most: a page may give thousands of them. */
    private static final int MAX_HINTED = 200;

    /** A short element whose class or id speaks of dates, or a {@code <time>}, read by {@link DateText}. */
    private static Instant visibleDate(Document doc) {
        int checked = 0;
        int hintedSeen = 0;
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            ExtractionBudget.check();
            boolean hinted = e.tagName().equals("time")
                    || DATE_HINT
                            .matcher(PageText.clipped(e.className(), PageText.MAX_HINT) + " "
                                    + PageText.clipped(e.id(), PageText.MAX_HINT))
                            .find();
            if (!hinted) {
                continue;
            }
            if (++hintedSeen > MAX_HINTED) {
                break;
            }
            // text() of an element deep in a nested page copies its whole subtree: read at most 121 chars
            String text = PageText.textUpTo(e, 121);
            if (text.isEmpty() || text.length() > 120) {
                continue;
            }
            Instant found =
                    DateText.find(text).map(d -> plausible(d.toInstant())).orElse(null);
            if (found != null) {
                return found;
            }
            if (++checked > 50) {
                break;
            }
        }
        return null;
    }

    static Instant urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(PageText.clipped(url, PageText.MAX_URL));
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 4;
        try {
            return plausible(LocalDate.of(
                            Integer.parseInt(m.group(g)),
                            Integer.parseInt(m.group(g + 1)),
                            Integer.parseInt(m.group(g + 2)))
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Placeholder dates (year 1, 1970) and dates in the future are not publication dates. */
    static Instant plausible(Instant i) {
        if (i == null || i.isBefore(Instant.parse("1990-01-01T00:00:00Z"))) {
            return null;
        }
        return i.isAfter(Instant.now().plusSeconds(2 * 86400)) ? null : i;
    }

    static Instant modified(Document doc) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:modified_time"));
        candidates.add(meta(doc, "og:updated_time"));
        candidates.add(meta(doc, "dateModified"));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_MODIFIED.matcher(scriptData(script));
            if (m.find()) {
                candidates.add(m.group(1));
            }
        }
        for (String c : candidates) {
            Instant parsed = plausible(parseDate(c));
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    static String section(Document doc) {
        String meta = meta(doc, "article:section");
        if (meta != null) {
            return meta;
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_SECTION.matcher(scriptData(script));
            if (m.find() && !m.group(1).isBlank()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    static String image(Document doc) {
        String og = meta(doc, "og:image");
        if (og == null) {
            og = meta(doc, "twitter:image");
        }
        if (og == null) {
            return null;
        }
        Element probe = doc.createElement("a").attr("href", og);
        String abs = probe.absUrl("href");
        return abs.isEmpty() ? og : abs;
    }

    static String imageCaption(Document doc) {
        Element caption = doc.selectFirst("figure figcaption");
        String text = caption == null ? null : PageText.normalized(caption.text(), PageText.MAX_META);
        return text == null || text.isEmpty() ? null : text;
    }

    static String siteName(Document doc) {
        return meta(doc, "og:site_name");
    }

    static List<String> authors(Document doc) {
        Set<String> names = new LinkedHashSet<>();
        String meta = meta(doc, "author");
        if (meta != null) {
            names.add(meta);
        }
        if (names.isEmpty()) {
            for (Element script : doc.select("script[type=application/ld+json]")) {
                Matcher m = JSON_LD_AUTHOR.matcher(scriptData(script));
                while (m.find()) {
                    names.add(PageText.normalized(m.group(1), 300));
                }
            }
        }
        return List.copyOf(names);
    }

    static String language(Document doc) {
        String lang =
                doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (lang.isBlank()) {
            lang = meta(doc, "og:locale") == null ? "" : meta(doc, "og:locale");
        }
        if (lang.isBlank()) {
            return null;
        }
        return PageText.clipped(lang.strip(), 35).split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    static String canonical(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String url = link != null ? link.absUrl("href") : meta(doc, "og:url");
        return url == null || url.length() > PageText.MAX_URL ? null : url;
    }

    static String description(Document doc) {
        String og = meta(doc, "og:description");
        return og != null ? og : meta(doc, "description");
    }

    /** The content of a {@code <meta>} named by {@code property}, {@code name} or {@code itemprop}. */
    static String meta(Document doc, String key) {
        for (String attr : List.of("property", "name", "itemprop")) {
            Element e = doc.selectFirst("meta[" + attr + "=" + key + "][content]");
            String content = e == null ? null : PageText.normalized(e.attr("content"), PageText.MAX_META);
            if (content != null && !content.isEmpty()) {
                return content;
            }
        }
        return null;
    }

    static Instant parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // offsets without a colon, dates without a time, month names: the visible-date reader copes
        }
        return DateText.find(t).map(d -> d.toInstant()).orElse(null);
    }
}
