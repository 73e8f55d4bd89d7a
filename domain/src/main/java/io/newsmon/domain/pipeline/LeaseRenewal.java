package io.newsmon.domain.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a worker's leases on a claimed batch alive while it works through the batch: every third of the
 * lease it extends the leases of the rows not yet {@linkplain #done done}, so a batch that takes longer
 * than one lease is not claimed again by another replica mid-work, while a worker that dies stops
 * renewing and its rows come back one lease later.
 */
public final class LeaseRenewal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseRenewal.class.getName());

    private final ArticleQueue queue;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final String owner;
    private final PipelineState state;
    private final Duration lease;
    private final ScheduledFuture<?> task;

    private LeaseRenewal(
            ArticleQueue queue,
            ScheduledExecutorService timer,
            Collection<Long> ids,
            String owner,
            PipelineState state,
            Duration lease) {
        this.queue = queue;
        this.owner = owner;
        this.state = state;
        this.lease = lease;
        pending.addAll(ids);
        long every = Math.max(100, lease.toMillis() / 3);
        this.task = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts renewing {@code owner}'s leases on {@code ids} (claimed in {@code state} for {@code lease}). */
    public static LeaseRenewal start(
            ArticleQueue queue,
            ScheduledExecutorService timer,
            Collection<Long> ids,
            String owner,
            PipelineState state,
            Duration lease) {
        return new LeaseRenewal(queue, timer, ids, owner, state, lease);
    }

    /** The row is finished (stored, failed or lost): its lease is no longer renewed. */
    public void done(long id) {
        pending.remove(id);
    }

    private void renew() {
        List<Long> ids = List.copyOf(pending);
        if (ids.isEmpty()) {
            return;
        }
        try {
            int renewed = queue.renew(ids, owner, state, lease);
            if (renewed < ids.size()) {
                LOG.warning((ids.size() - renewed) + " of " + ids.size() + " leases of " + owner
                        + " were taken over before they could be renewed");
            }
        } catch (Exception e) {
            // the next tick tries again; if the database stays away the leases run out as they should
            LOG.log(Level.WARNING, "renewing the leases of " + owner + " failed", e);
        }
    }

    /** Stops renewing; the leases left run out on their own. */
    @Override
    public void close() {
        task.cancel(false);
        pending.clear();
    }
}
