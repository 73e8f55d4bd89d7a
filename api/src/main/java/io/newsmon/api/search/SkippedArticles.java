package io.newsmon.api.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The articles the search index could not take, in table {@code search_index_skip} (shared by the api replicas:
 * the document mapping is the same on each). A recorded article is not retried by the tailer; the reconcile pass
 * and a reindex try it again and drop its row once it is indexed.
 */
public final class SkippedArticles {

    /** One article the index skipped: why, and when it last failed. */
    public record Skipped(long articleId, long seq, String error, Instant skippedAt) {}

    private static final int MAX_ERROR = 2000;

    private SkippedArticles() {}

    /** Records (or re-records, with the new error and time) each article in {@code skipped}. */
    static void record(Connection c, Collection<Skipped> skipped) throws SQLException {
        if (skipped.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM search_index_skip WHERE article_id = ?");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO search_index_skip (article_id, seq, error, skipped_at) VALUES (?, ?, ?, ?)")) {
            for (Skipped s : skipped) {
                del.setLong(1, s.articleId());
                del.executeUpdate();
                ins.setLong(1, s.articleId());
                ins.setLong(2, s.seq());
                String error = s.error() == null ? "(no message)" : s.error();
                ins.setString(3, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
                ins.setTimestamp(4, Timestamp.from(s.skippedAt()));
                try {
                    ins.executeUpdate();
                } catch (SQLException e) {
                    // another replica recorded the same article between the two statements: its row will do
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Drops the rows of these articles (now indexed). */
    static void clear(Connection c, Collection<Long> articleIds) throws SQLException {
        if (articleIds.isEmpty()) {
            return;
        }
        String in = articleIds.stream().map(id -> "?").collect(Collectors.joining(","));
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM search_index_skip WHERE article_id IN (" + in + ")")) {
            int i = 1;
            for (long id : articleIds) {
                ps.setLong(i++, id);
            }
            ps.executeUpdate();
        }
    }

    static Set<Long> ids(Connection c) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT article_id FROM search_index_skip");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM search_index_skip");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The most recently skipped articles first, at most {@code limit}. */
    static List<Skipped> latest(Connection c, int limit) throws SQLException {
        List<Skipped> out = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT article_id, seq, error, skipped_at FROM search_index_skip"
                                + " ORDER BY skipped_at DESC, article_id LIMIT " + limit);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Skipped(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return out;
    }
}
