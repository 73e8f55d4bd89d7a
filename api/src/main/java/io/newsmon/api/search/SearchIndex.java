package io.newsmon.api.search;

import io.newsmon.domain.search.ArticleDocument;
import io.newsmon.domain.search.ArticleDocuments;
import io.newsmon.domain.search.SearchFields;
import io.newsmon.domain.search.query.AnalystQuery;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The search index: a projection of the database that this api replica keeps for itself. It tails enriched
 * articles by their sequence number, re-checks a window behind the newest one for late commits, catches up
 * on start (progress in the log) and is ready only once caught up. The index commit records the sequence
 * it reached, so a restart resumes there; an index ahead of its database (a reset database) is rebuilt.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final String SEQ_KEY = "newsmon.seq";
    private static final String MAPPING_KEY = "newsmon.mapping";

    /** Where the index stands, for the status endpoint and readiness. */
    public record Status(
            boolean ready, boolean rebuilding, long indexedSeq, long databaseSeq, long documents, long pending) {}

    private final SearchConfig config;
    private final DataSource dataSource;

    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private Thread tailer;
    private volatile boolean running;
    private volatile boolean ready;
    private volatile long watermark;
    private final NavigableSet<Long> recent = new TreeSet<>();
    /** Wakes the tailer; never Thread.interrupt, which would close the index's file channels. */
    private final Object wake = new Object();

    private long generation;
    private long builtGeneration;
    private volatile boolean rebuilding;
    private long lastCommit;
    private long lastProgressLog;

    public SearchIndex(SearchConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent e) throws IOException {
        if (config.indexDir().isPresent()) {
            Files.createDirectories(config.indexDir().get());
            directory = FSDirectory.open(config.indexDir().get());
        } else {
            directory = new ByteBuffersDirectory();
        }
        writer = openWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        String mapping = commitData().get(MAPPING_KEY);
        if (DirectoryReader.indexExists(directory) && !ArticleDocument.MAPPING_VERSION.equals(mapping)) {
            LOG.infof(
                    "search index: built with document mapping %s, this version uses %s; rebuilding it",
                    mapping, ArticleDocument.MAPPING_VERSION);
            writer.close();
            writer = openWriter(IndexWriterConfig.OpenMode.CREATE);
        }
        watermark = committedSeq();
        searchers = new SearcherManager(writer, null);
        LOG.infof(
                "search index at %s: %d articles, up to sequence %d",
                config.indexDir().map(Object::toString).orElse("(memory)"), writer.getDocStats().numDocs, watermark);
        running = true;
        tailer = new Thread(this::tail, "search-index-tailer");
        tailer.setDaemon(true);
        tailer.start();
    }

    void stop(@Observes ShutdownEvent e) throws IOException, InterruptedException {
        synchronized (wake) {
            running = false;
            wake.notifyAll();
        }
        if (tailer != null) {
            tailer.join(30_000);
        }
        if (writer != null) {
            commit();
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    private IndexWriter openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig iwc = new IndexWriterConfig(AnalystQuery.analyzer());
        iwc.setOpenMode(mode);
        iwc.setRAMBufferSizeMB(64);
        return new IndexWriter(directory, iwc);
    }

    private Map<String, String> commitData() {
        return writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
    }

    private long committedSeq() {
        String seq = commitData().get(SEQ_KEY);
        return seq == null ? 0 : Long.parseLong(seq);
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        entries.forEach(en -> m.put(en.getKey(), en.getValue()));
        return m;
    }

    /** A searcher over the newest view of the index; give it back with {@link #release}. */
    public IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Drops the index and builds it again from the database, in the background. */
    public void rebuild() {
        synchronized (wake) {
            generation++;
            ready = false;
            rebuilding = true;
            wake.notifyAll();
        }
    }

    public boolean ready() {
        return ready;
    }

    public Status status() {
        long dbSeq = 0;
        long pending = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement max = c.prepareStatement("SELECT MAX(seq) FROM article WHERE state = 'ENRICHED'");
                PreparedStatement waiting =
                        c.prepareStatement("SELECT COUNT(*) FROM article WHERE state IN ('DISCOVERED', 'EXTRACTED')")) {
            try (ResultSet rs = max.executeQuery()) {
                rs.next();
                dbSeq = rs.getLong(1);
            }
            try (ResultSet rs = waiting.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
            }
        } catch (SQLException e) {
            LOG.warnf("search status: the database did not answer: %s", e.getMessage());
        }
        return new Status(ready, rebuilding, watermark, dbSeq, writer.getDocStats().numDocs, pending);
    }

    // ---- the tailer ----

    private void tail() {
        boolean checked = false;
        long backoff = config.tailInterval().toMillis();
        while (running) {
            try {
                if (!checked) {
                    dropIfAheadOfDatabase();
                    checked = true;
                }
                long gen;
                synchronized (wake) {
                    gen = generation;
                }
                if (gen != builtGeneration) {
                    wipe("a rebuild was asked for");
                    builtGeneration = gen;
                }
                int indexed = round();
                backoff = config.tailInterval().toMillis();
                if (indexed < config.batchSize()) {
                    synchronized (wake) {
                        if (gen == generation) {
                            if (!ready) {
                                commit();
                                LOG.infof(
                                        "search index ready: %d articles, up to sequence %d",
                                        writer.getDocStats().numDocs, watermark);
                            }
                            ready = true;
                            rebuilding = false;
                        }
                    }
                    pause(config.tailInterval().toMillis());
                }
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.warnf("search index: %s; retrying in %d ms", e.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void pause(long millis) {
        synchronized (wake) {
            if (running && generation == builtGeneration) {
                try {
                    wake.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /** Indexes the next batch of enriched articles not yet in the index; returns how many. */
    int round() throws SQLException, IOException {
        long low = Math.max(0, watermark - config.lateWindow());
        List<Long> ids = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, seq FROM article WHERE state = 'ENRICHED'"
                    + " AND seq > ? ORDER BY seq LIMIT " + (config.lateWindow() + config.batchSize()))) {
                ps.setLong(1, low);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && ids.size() < config.batchSize()) {
                        long seq = rs.getLong(2);
                        if (!recent.contains(seq)) {
                            ids.add(rs.getLong(1));
                            seqs.add(seq);
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                maybeCommit();
                return 0;
            }
            index(ArticleDocuments.load(c, ids));
        }
        recent.addAll(seqs);
        watermark = Math.max(watermark, seqs.get(seqs.size() - 1));
        recent.headSet(watermark - config.lateWindow(), true).clear();
        searchers.maybeRefresh();
        maybeCommit();
        logProgress(ids.size());
        return ids.size();
    }

    /** Analysis dominates indexing and IndexWriter takes documents from several threads: use two. */
    private void index(List<ArticleDocument> docs) throws IOException {
        try {
            docs.parallelStream().forEach(d -> {
                try {
                    writer.updateDocument(new Term(SearchFields.ID, Long.toString(d.id())), d.toDocument());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void logProgress(int indexed) {
        long now = System.currentTimeMillis();
        if (!ready && now - lastProgressLog > 5_000) {
            lastProgressLog = now;
            Status s = status();
            LOG.infof(
                    "search index catching up: %d articles indexed, sequence %d of %d",
                    s.documents(), s.indexedSeq(), s.databaseSeq());
        }
    }

    private void maybeCommit() throws IOException {
        if (System.currentTimeMillis() - lastCommit > 5_000) {
            commit();
        }
    }

    private synchronized void commit() throws IOException {
        if (writer.hasUncommittedChanges() || writer.getLiveCommitData() == null) {
            writer.setLiveCommitData(
                    Map.of(SEQ_KEY, Long.toString(watermark), MAPPING_KEY, ArticleDocument.MAPPING_VERSION)
                            .entrySet());
            writer.commit();
        }
        lastCommit = System.currentTimeMillis();
    }

    private void dropIfAheadOfDatabase() throws SQLException, IOException {
        if (watermark == 0) {
            return;
        }
        long dbSeq;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM article");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            dbSeq = rs.getLong(1);
        }
        if (dbSeq < watermark) {
            wipe("the index reached sequence " + watermark + " but the database only " + dbSeq + " (a new database?)");
        }
    }

    private void wipe(String why) throws IOException {
        LOG.infof("search index: rebuilding from the database: %s", why);
        ready = false;
        rebuilding = true;
        writer.deleteAll();
        watermark = 0;
        recent.clear();
        commit();
        searchers.maybeRefresh();
    }
}
