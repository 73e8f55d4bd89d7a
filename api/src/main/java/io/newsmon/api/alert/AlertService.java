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

    /**
     * Checks a pause link: 403 for a forged or malformed one, 410 for one past its expiry. Reads nothing, so
     * the page behind the link can show that it is genuine without saying which topic it is for.
     */
    public long checkPauseLink(String topic, String exp, String sig) {
        long topicId = io.newsmon.api.problem.QueryParams.requiredId("topic", topic);
        long expires;
        try {
            expires = exp == null ? -1 : Long.parseLong(exp.strip());
        } catch (NumberFormatException e) {
            expires = -1;
        }
        if (expires < 0) {
            throw forged();
        }
        return switch (links.verify(AlertLinks.Purpose.PAUSE, topicId, expires, sig)) {
            case VALID -> topicId;
            case FORGED -> throw forged();
            case EXPIRED ->
                throw new ProblemException(Problem.of(
                        410,
                        "Gone",
                        "this pause link expired on " + Instant.ofEpochSecond(expires)
                                + "; use the link of a newer alert e-mail, or pause the topic in the dashboard"));
        };
    }

    private static ProblemException forged() {
        return new ProblemException(Problem.of(403, "Forbidden", "sig: the link's signature is not valid"));
    }

    /** Pauses the topic of a genuine, unexpired pause link: 404 when the topic was deleted since. */
    public void pause(String topic, String exp, String sig) {
        long topicId = checkPauseLink(topic, exp, sig);
        Topic t = Topic.findById(topicId);
        if (t == null) {
            throw ProblemException.notFound("this link's topic");
        }
        if (!t.paused) {
            t.paused = true;
            t.updatedAt = clock.instant();
        }
    }

    /** The unconfirmed or confirmed recipient with this token, or a 404 that says nothing about others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicRecipient recipient(String token) {
        TopicRecipient r = token == null || token.isBlank() || token.length() > 200
                ? null
                : TopicRecipient.<TopicRecipient>find("confirmToken", token.strip())
                        .firstResult();
        if (r == null) {
            throw ProblemException.notFound("this confirmation link");
        }
        return r;
    }

    /** Confirms the recipient with this token (a POST: the button of the link's page); returns its topic. */
    public Topic confirm(String token) {
        TopicRecipient r = recipient(token);
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
