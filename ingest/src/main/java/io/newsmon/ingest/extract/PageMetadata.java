package io.newsmon.ingest.extract;

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

    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JSON_LD_MODIFIED = Pattern.compile("\"dateModified\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern JSON_LD_SECTION = Pattern.compile("\"articleSection\"\\s*:\\s*\\[?\\s*\"([^\"]+)\"");
    private static final Pattern JSON_LD_AUTHOR =
            Pattern.compile("\"author\"\\s*:\\s*(?:\\[\\s*)?\\{[^}]*?\"name\"\\s*:\\s*\"([^\"]+)\"");

    private PageMetadata() {}

    static String title(Document doc) {
        String og = meta(doc, "og:title");
        if (og != null) {
            return og;
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        String title = doc.title();
        if (title == null || title.isBlank()) {
            return null;
        }
        // "Headline | Site" and "Headline - Site": the site name is not part of the headline
        return title.replaceFirst("\\s+[|\\-–—]\\s+[^|\\-–—]{2,60}$", "").strip();
    }

    static Instant published(Document doc) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:published_time"));
        candidates.add(meta(doc, "datePublished"));
        candidates.add(meta(doc, "pubdate"));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find()) {
                candidates.add(m.group(1));
            }
        }
        Element time = doc.selectFirst("time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        for (String c : candidates) {
            Instant parsed = parseDate(c);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    static Instant modified(Document doc) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:modified_time"));
        candidates.add(meta(doc, "og:updated_time"));
        candidates.add(meta(doc, "dateModified"));
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_MODIFIED.matcher(script.data());
            if (m.find()) {
                candidates.add(m.group(1));
            }
        }
        for (String c : candidates) {
            Instant parsed = parseDate(c);
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
            Matcher m = JSON_LD_SECTION.matcher(script.data());
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
        return caption == null || caption.text().isBlank()
                ? null
                : caption.text().strip();
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
                Matcher m = JSON_LD_AUTHOR.matcher(script.data());
                while (m.find()) {
                    names.add(m.group(1).strip());
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
        return lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    static String canonical(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            return link.absUrl("href");
        }
        return meta(doc, "og:url");
    }

    static String description(Document doc) {
        String og = meta(doc, "og:description");
        return og != null ? og : meta(doc, "description");
    }

    /** The content of a {@code <meta>} named by {@code property}, {@code name} or {@code itemprop}. */
    static String meta(Document doc, String key) {
        for (String attr : List.of("property", "name", "itemprop")) {
            Element e = doc.selectFirst("meta[" + attr + "=" + key + "][content]");
            if (e != null && !e.attr("content").isBlank()) {
                return e.attr("content").strip();
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
            // maybe a date without a time
        }
        try {
            return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
