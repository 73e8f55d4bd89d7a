package io.newsmon.nlp.topics;

import io.newsmon.search.topics.SavedTopic;
import io.newsmon.search.topics.TopicStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Reads topics with plain JDBC: the refresh runs every few seconds outside any transaction. */
@ApplicationScoped
public class JdbcTopicStore implements TopicStore {

    /** Ids per {@code IN (…)} list when loading changed topics. */
    private static final int CHUNK = 500;

    private final DataSource dataSource;

    public JdbcTopicStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<Long, Instant> versions() {
        Map<Long, Instant> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, updated_at FROM topic");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading topic versions failed", e);
        }
        return out;
    }

    @Override
    public List<SavedTopic> load(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<SavedTopic> out = new ArrayList<>(all.size());
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                String in = chunk.stream().map(id -> "?").collect(Collectors.joining(","));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, query, filter, paused, stem, updated_at FROM topic WHERE id IN (" + in + ")")) {
                    int i = 1;
                    for (long id : chunk) {
                        ps.setLong(i++, id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new SavedTopic(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getBoolean(4),
                                    rs.getBoolean(5),
                                    rs.getTimestamp(6).toInstant()));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + all.size() + " topics failed", e);
        }
        return out;
    }
}
