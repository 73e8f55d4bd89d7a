package io.newsmon.api.search;

import io.newsmon.api.search.SkippedArticles.Skipped;
import io.newsmon.search.ArticleDocument;
import io.newsmon.search.ArticleDocuments;
import io.newsmon.search.SearchFields;
import io.newsmon.search.query.AnalystQuery;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * The search index: a projection of the database that this api replica keeps for itself. It tails enriched
 * articles by their sequence number, re-checks a window behind the newest one for late commits, catches up
 * on start (progress in the log) and is ready only once caught up. The index commit records the sequence
 * it reached, so a restart resumes there; an index ahead of its database (a reset database) is rebuilt.
 *
 * <p>It cannot stop silently: a document the mapping or Lucene refuses is skipped and recorded ({@link
 * SkippedArticles}) while the rest of its batch is indexed; a writer that fails (a full disk closes Lucene's writer)
 * turns readiness DOWN with the reason, searches answer 503, and every {@code newsmon.search.recovery-interval} the
 * index reopens at its last commit and catches up from the database; and every {@code
 * newsmon.search.reconcile-interval} it is compared with the database ({@link IndexReconciler}), so a commit that
 * landed behind the late window is indexed all the same.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final String SEQ_KEY = "newsmon.seq";
    private static final String MAPPING_KEY = "newsmon.mapping";

    /** Each document's sequence number as doc values, which the reconcile pass counts by range. */
    static final String SEQ_VALUES = "seq_values";

    /** The document mapping plus what this index adds to it; an index built with another is rebuilt. */
    static final String LAYOUT = ArticleDocument.MAPPING_VERSION + "+" + SEQ_VALUES;

    /**
     * Where the index stands, for the status endpoint and readiness.
     *
     * @param failure why the index writer stopped (null while it works): readiness is DOWN and searches answer 503
     * @param skipped articles the index could not take (listed by {@code GET /api/search/skipped})
     * @param repaired articles the reconcile passes of this replica found missing and indexed
     * @param removed documents the reconcile passes dropped (their article no longer enriched or gone)
     * @param reconciledAt when the last reconcile pass finished, or null before the first
     */
    public record Status(
            boolean ready,
            boolean rebuilding,
            long indexedSeq,
            long databaseSeq,
            long documents,
            long pending,
            String failure,
            long skipped,
            long repaired,
            long removed,
            Instant reconciledAt) {}

    /** Thrown by {@link #acquire} while the index writer has failed. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String reason) {
            super(reason);
        }
    }

    private final SearchConfig config;
    private final DataSource dataSource;
    /** The one mapping of an article to a document; a test may put a failing one in its place. */
    private final Function<ArticleDocument, Document> mapping;

    private Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
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

    private volatile String failure;
    private volatile long documents;
    private volatile long skippedRows;
    private volatile Instant reconciledAt;
    private volatile boolean reconcileAsked;
    private long nextReconcile;
    /** Articles recorded as skipped that this replica knows of: indexed after all, their rows are dropped. */
    private final Set<Long> knownSkipped = new HashSet<>();

    private final AtomicLong skippedTotal = new AtomicLong();
    private final AtomicLong repairedTotal = new AtomicLong();
    private final AtomicLong removedTotal = new AtomicLong();
    private final AtomicLong writerFailures = new AtomicLong();

    @Inject
    public SearchIndex(SearchConfig config, DataSource dataSource) {
        this(config, dataSource, ArticleDocument::toDocument);
    }

    SearchIndex(SearchConfig config, DataSource dataSource, Function<ArticleDocument, Document> mapping) {
        this.config = config;
        this.dataSource = dataSource;
        this.mapping = mapping;
    }

    void start(@Observes StartupEvent e) throws IOException {
        Directory dir;
        if (config.indexDir().isPresent()) {
            Files.createDirectories(config.indexDir().get());
            dir = FSDirectory.open(config.indexDir().get());
        } else {
            dir = new ByteBuffersDirectory();
        }
        start(dir);
    }

    /** Opens the index in {@code dir} and starts tailing the database. */
    void start(Directory dir) throws IOException {
        directory = dir;
        writer = openWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        String layout = commitData().get(MAPPING_KEY);
        if (DirectoryReader.indexExists(directory) && !LAYOUT.equals(layout)) {
            LOG.infof(
                    "search index: built with document mapping %s, this version uses %s; rebuilding it",
                    layout, LAYOUT);
            writer.close();
            writer = openWriter(IndexWriterConfig.OpenMode.CREATE);
        }
        watermark = committedSeq();
        searchers = new SearcherManager(writer, null);
        documents = writer.getDocStats().numDocs;
        LOG.infof(
                "search index at %s: %d articles, up to sequence %d",
                config.indexDir().map(Object::toString).orElse("(memory)"), documents, watermark);
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
            if (failure == null && writer.isOpen()) {
                commit(false);
                searchers.close();
                writer.close();
            } else {
                closeQuietly();
            }
            directory.close();
        }
    }

    /** Drops the failed writer and opens a new one at the last commit; the tailer catches up from there. */
    private void reopen() throws IOException {
        closeQuietly();
        writer = openWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        searchers = new SearcherManager(writer, null);
        watermark = committedSeq();
        recent.clear();
        documents = writer.getDocStats().numDocs;
        LOG.infof(
                "search index reopened at sequence %d (%d articles); catching up from the database",
                watermark, documents);
    }

    private void closeQuietly() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("search index: closing the searchers of a failed writer: %s", e);
        }
        try {
            if (writer.isOpen()) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("search index: rolling back a failed writer: %s", e);
        }
    }

    /** Readiness DOWN and searches refused until the writer has been reopened and has committed again. */
    private void failed(Exception e) {
        Throwable tragic = writer.getTragicException();
        Throwable cause = tragic != null ? tragic : e;
        String reason = "the index writer failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        synchronized (wake) {
            ready = false;
        }
        if (failure == null) {
            writerFailures.incrementAndGet();
            LOG.errorf(
                    cause,
                    "search index: %s; readiness is DOWN, searches answer 503; reopening every %s",
                    reason,
                    config.recoveryInterval());
        } else {
            LOG.warnf("search index: still failing: %s", reason);
        }
        failure = reason;
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

    /**
     * A searcher over the newest view of the index; give it back with {@link #release}.
     *
     * @throws UnavailableException while the index writer has failed
     */
    public IndexSearcher acquire() throws IOException {
        String why = failure;
        if (why != null) {
            throw new UnavailableException(why);
        }
        try {
            return searchers.acquire();
        } catch (AlreadyClosedException e) {
            throw new UnavailableException("the index is being reopened");
        }
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

    /** Caught up with the database, and the writer works. */
    public boolean ready() {
        return ready && failure == null;
    }

    /** Why the index writer stopped, or null while it works. */
    public String failure() {
        return failure;
    }

    /** Asks for a reconcile pass as soon as the index has caught up (admin endpoint, tests). */
    public void reconcileSoon() {
        synchronized (wake) {
            reconcileAsked = true;
            wake.notifyAll();
        }
    }

    /** The articles the index could not take, the most recent first. */
    public List<Skipped> skipped(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SkippedArticles.latest(c, limit);
        }
    }

    long skippedTotal() {
        return skippedTotal.get();
    }

    long repairedTotal() {
        return repairedTotal.get();
    }

    long removedTotal() {
        return removedTotal.get();
    }

    long writerFailures() {
        return writerFailures.get();
    }

    long skippedRows() {
        return skippedRows;
    }

    public Status status() {
        long dbSeq = 0;
        long pending = 0;
        long skipped = skippedRows;
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
            skipped = SkippedArticles.count(c);
            skippedRows = skipped;
        } catch (SQLException e) {
            LOG.warnf("search status: the database did not answer: %s", e.getMessage());
        }
        long docs = documents;
        try {
            docs = writer.getDocStats().numDocs;
        } catch (AlreadyClosedException e) {
            // a failed writer: the count it had last
        }
        return new Status(
                ready(),
                rebuilding,
                watermark,
                dbSeq,
                docs,
                pending,
                failure,
                skipped,
                repairedTotal.get(),
                removedTotal.get(),
                reconciledAt);
    }

    // ---- the tailer ----

    private void tail() {
        boolean checked = false;
        long backoff = config.tailInterval().toMillis();
        while (running) {
            try {
                if (failure != null) {
                    reopen();
                }
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
                if (failure != null) {
                    // a commit is what a full disk refuses: only one that succeeds says the writer works again
                    commit(true);
                    LOG.infof("search index: the writer works again, at sequence %d", watermark);
                    failure = null;
                }
                backoff = config.tailInterval().toMillis();
                if (indexed < config.batchSize()) {
                    synchronized (wake) {
                        if (gen == generation) {
                            if (!ready) {
                                commit(false);
                                LOG.infof(
                                        "search index ready: %d articles, up to sequence %d",
                                        writer.getDocStats().numDocs, watermark);
                            }
                            ready = true;
                            rebuilding = false;
                        }
                    }
                    if (ready && (reconcileAsked || System.currentTimeMillis() >= nextReconcile)) {
                        reconcile();
                    }
                    pause(config.tailInterval().toMillis());
                }
            } catch (IOException | AlreadyClosedException e) {
                failed(e);
                pause(config.recoveryInterval().toMillis());
            } catch (SQLException | RuntimeException e) {
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
            indexAndRecord(c, ArticleDocuments.load(c, ids));
        }
        recent.addAll(seqs);
        watermark = Math.max(watermark, seqs.get(seqs.size() - 1));
        recent.headSet(watermark - config.lateWindow(), true).clear();
        searchers.maybeRefresh();
        documents = writer.getDocStats().numDocs;
        maybeCommit();
        logProgress(ids.size());
        return ids.size();
    }

    /**
     * Indexes {@code docs}, records the ones the mapping or Lucene refused and drops the records of those that
     * were skipped before and went in now; returns how many went in.
     */
    private int indexAndRecord(Connection c, List<ArticleDocument> docs) throws IOException, SQLException {
        List<Skipped> skipped = index(docs);
        if (!skipped.isEmpty()) {
            SkippedArticles.record(c, skipped);
            skippedTotal.addAndGet(skipped.size());
            skippedRows = SkippedArticles.count(c);
            for (Skipped s : skipped) {
                knownSkipped.add(s.articleId());
                LOG.warnf(
                        "search index: skipped article %d (sequence %d): %s; GET /api/search/skipped lists it,"
                                + " the reconcile pass tries it again",
                        s.articleId(), s.seq(), s.error());
            }
        }
        if (!knownSkipped.isEmpty()) {
            Set<Long> refused = new HashSet<>();
            skipped.forEach(s -> refused.add(s.articleId()));
            List<Long> healed = new ArrayList<>();
            for (ArticleDocument d : docs) {
                if (knownSkipped.contains(d.id()) && !refused.contains(d.id())) {
                    healed.add(d.id());
                }
            }
            if (!healed.isEmpty()) {
                SkippedArticles.clear(c, healed);
                knownSkipped.removeAll(healed);
                skippedRows = SkippedArticles.count(c);
                LOG.infof("search index: indexed %d article(s) skipped before: %s", healed.size(), healed);
            }
        }
        return docs.size() - skipped.size();
    }

    /**
     * Analysis dominates indexing and IndexWriter takes documents from several threads: use two. A document that
     * the mapping or Lucene refuses is left out and returned; an I/O failure of the writer is thrown.
     */
    private List<Skipped> index(List<ArticleDocument> docs) throws IOException {
        Queue<Skipped> skipped = new ConcurrentLinkedQueue<>();
        try {
            docs.parallelStream().forEach(d -> {
                Document doc;
                try {
                    doc = mapping.apply(d);
                } catch (RuntimeException e) {
                    skipped.add(skip(d, "the document mapping failed", e));
                    return;
                }
                doc.add(new NumericDocValuesField(SEQ_VALUES, d.seq()));
                try {
                    writer.updateDocument(new Term(SearchFields.ID, Long.toString(d.id())), doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (AlreadyClosedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    if (writer.getTragicException() != null) {
                        throw e;
                    }
                    // Lucene refused this one document (an immense term, say) and left the writer as it was
                    skipped.add(skip(d, "Lucene refused the document", e));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ArrayList<>(skipped);
    }

    private static Skipped skip(ArticleDocument d, String what, RuntimeException e) {
        return new Skipped(d.id(), d.seq(), what + ": " + e, Instant.now());
    }

    /**
     * Compares the index with the database up to the tail position, indexes the articles it lacks (late commits,
     * skipped ones) and drops the documents of articles no longer enriched.
     */
    void reconcile() throws SQLException, IOException {
        reconcileAsked = false;
        nextReconcile = System.currentTimeMillis() + config.reconcileInterval().toMillis();
        searchers.maybeRefreshBlocking();
        IndexReconciler.Diff diff;
        int repaired = 0;
        try (Connection c = dataSource.getConnection()) {
            IndexSearcher searcher = searchers.acquire();
            try {
                diff = IndexReconciler.diff(c, searcher.getIndexReader(), watermark, config.reconcileRange());
            } finally {
                searchers.release(searcher);
            }
            knownSkipped.clear();
            knownSkipped.addAll(SkippedArticles.ids(c));
            List<Long> missing = diff.missing();
            for (int i = 0; i < missing.size(); i += config.batchSize()) {
                List<Long> chunk = missing.subList(i, Math.min(missing.size(), i + config.batchSize()));
                repaired += indexAndRecord(c, ArticleDocuments.load(c, chunk));
            }
            skippedRows = SkippedArticles.count(c);
        }
        for (long id : diff.extra()) {
            writer.deleteDocuments(new Term(SearchFields.ID, Long.toString(id)));
        }
        repairedTotal.addAndGet(repaired);
        removedTotal.addAndGet(diff.extra().size());
        searchers.maybeRefresh();
        documents = writer.getDocStats().numDocs;
        commit(false);
        reconciledAt = Instant.now();
        if (diff.differing() > 0) {
            LOG.infof(
                    "search index reconciled up to sequence %d: %d of %d ranges differed; %d missing article(s)"
                            + " indexed, %d removed, %d still skipped",
                    watermark,
                    diff.differing(),
                    diff.ranges(),
                    repaired,
                    diff.extra().size(),
                    skippedRows);
        } else {
            LOG.debugf("search index reconciled up to sequence %d: %d ranges agree", watermark, diff.ranges());
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
            commit(false);
        }
    }

    /** Commits what changed; {@code force} writes a commit even when nothing did (to see that the disk takes it). */
    private synchronized void commit(boolean force) throws IOException {
        if (force || writer.hasUncommittedChanges() || writer.getLiveCommitData() == null) {
            writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(watermark), MAPPING_KEY, LAYOUT)
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
        commit(false);
        searchers.maybeRefresh();
        documents = 0;
    }
}
