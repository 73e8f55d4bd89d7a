package io.newsmon.seeds.newsroom;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the plain-text article format: a "key: value" header, a blank line, then blank-line separated paragraphs. */
final class ArticleFile {

    private static final List<String> REQUIRED =
            List.of("title", "section", "author", "published", "language", "description", "dateline");

    private ArticleFile() {}

    static NewsroomArticle parse(String slug, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, String> header = new LinkedHashMap<>();
        int line = 0;
        for (; line < lines.length && !lines[line].isBlank(); line++) {
            int colon = lines[line].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(slug + ": malformed header line " + (line + 1));
            }
            header.put(
                    lines[line].substring(0, colon).trim(),
                    lines[line].substring(colon + 1).trim());
        }
        for (String key : REQUIRED) {
            if (header.getOrDefault(key, "").isEmpty()) {
                throw new IllegalArgumentException(slug + ": missing header '" + key + "'");
            }
        }
        return new NewsroomArticle(
                slug,
                header.get("section"),
                header.get("title"),
                header.get("description"),
                header.get("author"),
                published(slug, header.get("published")),
                header.get("language"),
                header.get("dateline"),
                paragraphs(lines, line),
                tags(header.getOrDefault("tags", "")),
                header.get("caption"));
    }

    private static OffsetDateTime published(String slug, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(slug + ": 'published' is not an ISO-8601 date-time with offset", e);
        }
    }

    // Hard-wrapped paragraphs are joined so that editors may wrap article files as they like.
    private static List<String> paragraphs(String[] lines, int from) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = from; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (trimmed.isEmpty()) {
                flush(current, paragraphs);
            } else {
                current.append(current.length() == 0 ? "" : " ").append(trimmed);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (current.length() > 0) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }

    private static List<String> tags(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }
}
