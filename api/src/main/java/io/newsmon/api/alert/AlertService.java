package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.num;

import io.newsmon.api.problem.Problem;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pausing a topic from its signed link, confirming a recipient, and a topic's delivery history. */
@ApplicationScoped
@Transactional
public class AlertService {

    private final AlertLinks links;
    private final Clock clock;

    public AlertService(AlertLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** One delivery as its owner sees it; {@code matches − itemCount} are the "+N more sources" folded in. */
    public record DeliveryView(
            long id,
            String windowKey,
            Instant windowStart,
            Instant windowEnd,
            String state,
            String subject,
            int itemCount,
            long matches,
            long moreSources,
            String recipients,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant sentAt) {}

    /** The topic whose signature {@code sig} is, unchanged: 403 for a forged link, 404 for a deleted topic. */
    public Topic signed(long topicId, String sig) {
        if (!links.verify(topicId, sig)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "sig: the link's signature is not valid"));
        }
        Topic topic = Topic.findById(topicId);
        if (topic == null) {
            throw ProblemException.notFound("topic " + topicId);
        }
        return topic;
    }

    /** Pauses the topic whose signature {@code sig} is; returns it. */
    public Topic pause(long topicId, String sig) {
        Topic topic = signed(topicId, sig);
        if (!topic.paused) {
            topic.paused = true;
            topic.updatedAt = clock.instant();
        }
        return topic;
    }

    /** Confirms the recipient with this token; returns its topic. */
    public Topic confirm(String token) {
        TopicRecipient r = token == null || token.isBlank()
                ? null
                : TopicRecipient.<TopicRecipient>find("confirmToken", token.strip())
                        .firstResult();
        if (r == null) {
            throw ProblemException.notFound("confirmation token");
        }
        if (r.confirmedAt == null) {
            r.confirmedAt = clock.instant();
        }
        return Topic.findById(r.topicId);
    }

    /** The topic's deliveries newest first; a topic of another user is not found unless {@code admin}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> deliveries(long topicId, String subject, boolean admin, int page, int size) {
        Topic topic = Topic.findById(topicId);
        if (topic == null || !(admin || (subject != null && subject.equals(topic.ownerId)))) {
            throw ProblemException.notFound("topic " + topicId);
        }
        List<AlertDelivery> found = AlertDelivery.<AlertDelivery>find(
                        "topicId = ?1 order by createdAt desc, id desc", topicId)
                .page(page, size)
                .list();
        Map<Long, Long> matches = new HashMap<>();
        if (!found.isEmpty()) {
            for (Object row : Topic.getEntityManager()
                    .createQuery("select m.deliveryId, count(m) from TopicMatch m where m.deliveryId in ?1"
                            + " group by m.deliveryId")
                    .setParameter(1, found.stream().map(d -> d.id).toList())
                    .getResultList()) {
                Object[] r = (Object[]) row;
                matches.put(num(r[0]), num(r[1]));
            }
        }
        return found.stream()
                .map(d -> {
                    long m = matches.getOrDefault(d.id, 0L);
                    return new DeliveryView(
                            d.id,
                            d.windowKey,
                            d.windowStart,
                            d.windowEnd,
                            d.state,
                            d.subject,
                            d.itemCount,
                            m,
                            Math.max(0, m - d.itemCount),
                            d.recipients,
                            d.attempts,
                            d.lastError,
                            AlertDelivery.PENDING.equals(d.state) ? d.nextAttemptAt : null,
                            d.createdAt,
                            d.sentAt);
                })
                .toList();
    }
}
