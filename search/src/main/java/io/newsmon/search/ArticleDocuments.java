package io.newsmon.search;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads articles from the database as {@link ArticleDocument}s: one query for the articles with their
 * sources, one for their entity mentions. Plain JDBC, so the search index and the topic matcher can load
 * thousands a second without an ORM session.
 */
public final class ArticleDocuments {

    private ArticleDocuments() {}

    /** The articles with these ids that are still there, in id order. */
    public static List<ArticleDocument> load(Connection c, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT a.id, a.seq, a.url, a.canonical_url, a.title, a.body, a.language, a.published_at,"
                        + " a.fetched_at, a.discovered_at, s.name, s.url, a.tone, a.categories"
                        + " FROM article a LEFT JOIN source s ON s.id = a.source_id WHERE a.id IN (" + in + ")"
                        + " ORDER BY a.id")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row();
                    r.id = rs.getLong(1);
                    r.seq = rs.getLong(2);
                    r.url = rs.getString(3);
                    r.canonicalUrl = rs.getString(4);
                    r.title = rs.getString(5);
                    r.body = rs.getString(6);
                    r.language = rs.getString(7);
                    r.published = first(rs.getTimestamp(8), rs.getTimestamp(9), rs.getTimestamp(10));
                    r.sourceName = rs.getString(11);
                    r.sourceUrl = rs.getString(12);
                    double tone = rs.getDouble(13);
                    r.tone = rs.wasNull() ? null : tone;
                    String categories = rs.getString(14);
                    if (categories != null && !categories.isBlank()) {
                        r.categories.addAll(List.of(categories.split(",")));
                    }
                    rows.put(r.id, r);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT m.article_id, m.type, m.text, e.name FROM entity_mention m LEFT JOIN entity e ON e.id ="
                        + " m.entity_id WHERE m.article_id IN (" + in + ") ORDER BY m.id")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = rows.get(rs.getLong(1));
                    if (r != null) {
                        r.entities
                                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(rs.getString(3));
                    }
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT article_id, code FROM article_country WHERE article_id IN (" + in
                        + ") ORDER BY mentions DESC, code")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = rows.get(rs.getLong(1));
                    if (r != null) {
                        r.countries.add(rs.getString(2));
                    }
                }
            }
        }
        List<ArticleDocument> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(r.document());
        }
        return out;
    }

    private static void bind(PreparedStatement ps, Collection<Long> ids) throws SQLException {
        int i = 1;
        for (long id : ids) {
            ps.setLong(i++, id);
        }
    }

    private static Instant first(Timestamp... ts) {
        for (Timestamp t : ts) {
            if (t != null) {
                return t.toInstant();
            }
        }
        return null;
    }

    private static final class Row {
        long id;
        long seq;
        String url;
        String canonicalUrl;
        String title;
        String body;
        String language;
        Instant published;
        String sourceName;
        String sourceUrl;
        Double tone;
        final Map<String, List<String>> entities = new HashMap<>();
        final List<String> countries = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final Map<String, List<String>> aliases = new HashMap<>();

        ArticleDocument document() {
            List<String> hosts = new ArrayList<>();
            for (String u : new String[] {url, canonicalUrl, sourceUrl}) {
                String h = host(u);
                if (h != null && !hosts.contains(h)) {
                    hosts.add(h);
                }
            }
            return new ArticleDocument(
                    id,
                    seq,
                    url,
                    title,
                    body,
                    sourceName,
                    hosts,
                    language,
                    published,
                    entities.getOrDefault("PERSON", List.of()),
                    entities.getOrDefault("ORGANIZATION", List.of()),
                    entities.getOrDefault("LOCATION", List.of()),
                    countries,
                    categories,
                    tone,
                    aliases);
        }
    }

    private static String field(String type) {
        return switch (type) {
            case "PERSON" -> SearchFields.PERSON;
            case "ORGANIZATION" -> SearchFields.ORG;
            default -> SearchFields.PLACE;
        };
    }

    private static String host(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
