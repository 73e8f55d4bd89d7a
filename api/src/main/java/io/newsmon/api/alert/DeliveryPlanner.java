package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.instant;
import static io.newsmon.api.sql.Rows.num;

import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.AlertMode;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicMatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Groups a topic's pending matches into alert deliveries. Each delivery row and the assignment of its matches
 * commit in one transaction; the unique (topic, window key) constraint makes a second replica's identical
 * attempt fail and roll back harmlessly, and every assignment is guarded by {@code delivery_id IS NULL} so a
 * match never lands in two deliveries.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);

    private final AlertConfig config;
    private final Clock clock;

    public DeliveryPlanner(AlertConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** One pending match: enough to group it. */
    record Pending(long id, Long storyId, Instant matchedAt) {}

    /** Another replica (or nlp) changed the matches under us; the transaction rolls back and the next round retries. */
    static final class LostRace extends RuntimeException {
        LostRace(String message) {
            super(message, null, false, false);
        }
    }

    /** Plans every live topic that has pending matches; returns how many deliveries were created. */
    public int planAll() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.maxBacklog());
        List<Long> topicIds = QuarkusTransaction.requiringNew()
                .call(() -> em()
                        .createNativeQuery(
                                "SELECT DISTINCT m.topic_id FROM topic_match m JOIN topic t ON t.id = m.topic_id"
                                        + " WHERE m.delivery_id IS NULL AND m.matched_at >= ?1 AND t.paused = FALSE"
                                        + " AND t.alert_mode <> 'OFF' ORDER BY m.topic_id")
                        .setParameter(1, cutoff)
                        .getResultList()
                        .stream()
                        .map(o -> num(o))
                        .toList());
        int created = 0;
        for (long topicId : topicIds) {
            try {
                created += plan(topicId, now);
            } catch (RuntimeException e) {
                if (e instanceof LostRace || isUniqueViolation(e)) {
                    LOG.debugf("topic %d: another replica planned the same alert first (%s)", topicId, e.getMessage());
                } else {
                    LOG.warnf(e, "topic %d: planning its alerts failed; retrying next round", topicId);
                }
            }
        }
        return created;
    }

    /** Plans one topic as of {@code now}. */
    int plan(long topicId, Instant now) {
        Topic topic = QuarkusTransaction.requiringNew().call(() -> Topic.<Topic>findById(topicId));
        if (topic == null || topic.paused || topic.alertMode == AlertMode.OFF) {
            return 0;
        }
        List<Pending> pending = QuarkusTransaction.requiringNew().call(() -> pending(topicId, now));
        if (pending.isEmpty()) {
            return 0;
        }
        return topic.alertMode == AlertMode.INSTANT
                ? planInstant(topic, pending, now)
                : planDigest(topic, pending, now);
    }

    private int planInstant(Topic topic, List<Pending> pending, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // a story this topic already alerted on is folded into that alert ("+N more sources"), no new e-mail
            List<Pending> fresh = new ArrayList<>();
            for (Pending m : pending) {
                Long earlier = m.storyId() == null ? null : earlierDelivery(topic.id, m.storyId());
                if (earlier == null) {
                    fresh.add(m);
                } else {
                    assign(topic.id, earlier, List.of(m.id()));
                }
            }
            if (fresh.isEmpty()) {
                return 0;
            }
            long smallest = fresh.stream().mapToLong(Pending::id).min().orElseThrow();
            create(topic, "instant:" + smallest, null, null, fresh, now);
            return 1;
        });
    }

    private int planDigest(Topic topic, List<Pending> pending, Instant now) {
        // windows that closed at least digest-grace ago are collected; later ones are still filling
        Instant closedBefore =
                AlertWindow.containing(topic, now.minus(config.digestGrace())).start();
        Map<Instant, AlertWindow> windows = new TreeMap<>();
        Map<Instant, List<Pending>> groups = new TreeMap<>();
        for (Pending m : pending) {
            if (!m.matchedAt().isBefore(closedBefore)) {
                continue;
            }
            AlertWindow w = AlertWindow.containing(topic, m.matchedAt());
            windows.putIfAbsent(w.end(), w);
            groups.computeIfAbsent(w.end(), k -> new ArrayList<>()).add(m);
        }
        if (groups.isEmpty()) {
            return 0;
        }
        // a match committed after its window's digest was created (later than digest-grace) joins the newest
        // closed window instead of staying pending forever
        Set<String> existing = QuarkusTransaction.requiringNew().call(() -> existingKeys(topic.id, windows.values()));
        Map<AlertWindow, List<Pending>> plan = new LinkedHashMap<>();
        List<Pending> stragglers = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            AlertWindow w = windows.get(entry.getKey());
            if (existing.contains(w.key())) {
                stragglers.addAll(entry.getValue());
            } else {
                plan.put(w, new ArrayList<>(entry.getValue()));
            }
        }
        if (!stragglers.isEmpty() && !plan.isEmpty()) {
            AlertWindow newest = null;
            for (AlertWindow w : plan.keySet()) {
                newest = w;
            }
            plan.get(newest).addAll(stragglers);
        }
        int created = 0;
        for (var entry : plan.entrySet()) {
            AlertWindow w = entry.getKey();
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> create(topic, w.key(), w.start(), w.end(), entry.getValue(), now));
                created++;
            } catch (RuntimeException e) {
                if (!(e instanceof LostRace) && !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.debugf("topic %d: %s was planned by another replica", topic.id, w.key());
            }
        }
        return created;
    }

    private List<Pending> pending(long topicId, Instant now) {
        List<Pending> out = new ArrayList<>();
        for (Object row : em().createNativeQuery("SELECT id, story_id, matched_at FROM topic_match"
                        + " WHERE topic_id = ?1 AND delivery_id IS NULL AND matched_at >= ?2 ORDER BY id")
                .setParameter(1, topicId)
                .setParameter(2, now.minus(config.maxBacklog()))
                .setMaxResults(10_000)
                .getResultList()) {
            Object[] r = (Object[]) row;
            out.add(new Pending(num(r[0]), r[1] == null ? null : num(r[1]), instant(r[2])));
        }
        return out;
    }

    private Long earlierDelivery(long topicId, long storyId) {
        List<?> found = em().createNativeQuery("SELECT m.delivery_id FROM topic_match m"
                        + " JOIN alert_delivery d ON d.id = m.delivery_id"
                        + " WHERE m.topic_id = ?1 AND m.story_id = ?2 AND d.state <> 'FAILED'"
                        + " ORDER BY m.delivery_id DESC")
                .setParameter(1, topicId)
                .setParameter(2, storyId)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : num(found.get(0));
    }

    private Set<String> existingKeys(long topicId, Iterable<AlertWindow> windows) {
        Set<String> keys = new HashSet<>();
        for (AlertWindow w : windows) {
            keys.add(w.key());
        }
        return new HashSet<>(
                AlertDelivery.<AlertDelivery>list("topicId = ?1 and windowKey in ?2", topicId, keys).stream()
                        .map(d -> d.windowKey)
                        .toList());
    }

    private void create(Topic topic, String key, Instant start, Instant end, List<Pending> matches, Instant now) {
        AlertDelivery d = new AlertDelivery();
        d.topicId = topic.id;
        d.windowKey = key;
        d.windowStart = start;
        d.windowEnd = end;
        d.state = AlertDelivery.PENDING;
        d.itemCount = itemCount(matches);
        d.subject = AlertMailer.subject(topic.name, d.itemCount);
        d.nextAttemptAt = now;
        d.createdAt = now;
        d.persistAndFlush();
        assign(topic.id, d.id, matches.stream().map(Pending::id).toList());
        LOG.infof("topic %d: alert %s with %d item(s) planned", topic.id, key, d.itemCount);
    }

    private static void assign(long topicId, long deliveryId, List<Long> matchIds) {
        int updated = TopicMatch.update(
                "deliveryId = ?1 where topicId = ?2 and deliveryId is null and id in ?3",
                deliveryId,
                topicId,
                matchIds);
        if (updated != matchIds.size()) {
            throw new LostRace("only " + updated + " of " + matchIds.size() + " matches were still pending");
        }
    }

    /** One item per story; a match without a story is an item of its own. */
    static int itemCount(List<Pending> matches) {
        Set<Object> items = new HashSet<>();
        for (Pending m : matches) {
            items.add(m.storyId() == null ? "m" + m.id() : m.storyId());
        }
        return items.size();
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static EntityManager em() {
        return Topic.getEntityManager();
    }
}
