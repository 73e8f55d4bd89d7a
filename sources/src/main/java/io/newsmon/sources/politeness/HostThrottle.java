package io.newsmon.sources.politeness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces requests to the same host: each caller reserves the host's next free slot and sleeps until
 * it comes, so concurrent workers queue politely instead of bursting.
 */
public class HostThrottle {

    private final Map<String, Long> nextSlot = new HashMap<>();

    /** Blocks until {@code host} may be asked again, and reserves the slot after this one. */
    public void await(String host, Duration spacing) throws InterruptedException {
        long wait;
        synchronized (nextSlot) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot.getOrDefault(host, now));
            nextSlot.put(host, slot + spacing.toNanos());
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
