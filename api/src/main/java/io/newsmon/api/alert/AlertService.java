package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.num;

import io.newsmon.api.problem.Problem;
import io.newsmon.api.problem.ProblemException;
import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicRecipient;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pausing a topic from its signed link, confirming a recipient, a topic's delivery history, and an admin's
 * resend of deliveries that were given up.
 */
@ApplicationScoped
@Transactional
public class AlertService {

    private final AlertLinks links;
    private final AlertConfig config;
    private final Clock clock;

    public AlertService(AlertLinks links, AlertConfig config, Clock clock) {
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One delivery as its owner sees it; {@code matches − itemCount} are the "+N more sources" folded in.
     * {@code deliveredTo} are the addresses that got it, {@code rejected} the ones the SMTP server refused for
     * good with its answer ({@code address: answer} per line); a failing delivery says since when it fails and
     * when it will be given up.
     */
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
            String deliveredTo,
            String rejected,
            int attempts,
            String lastError,
            Instant failingSince,
            Instant giveUpAt,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant sentAt) {}

    /** How many FAILED deliveries went back to PENDING, and the filters they were picked by. */
    public record Resent(int resent, Long topic, Instant since) {}

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
                    boolean pending = AlertDelivery.PENDING.equals(d.state);
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
                            d.deliveredTo,
                            d.rejected,
                            d.attempts,
                            d.lastError,
                            d.failingSince,
                            pending && d.failingSince != null ? d.failingSince.plus(config.giveUpAfter()) : null,
                            pending ? d.nextAttemptAt : null,
                            d.createdAt,
                            d.sentAt);
                })
                .toList();
    }

    /**
     * Puts FAILED deliveries back to PENDING, due now and with a fresh age (give-up-after counts from their
     * next failure): all of them, a topic's, or those created at or after {@code since}. Addresses that got a
     * delivery already are not sent it again; refused addresses are tried again.
     */
    public Resent resend(Long topicId, Instant since) {
        if (topicId != null && Topic.findById(topicId) == null) {
            throw ProblemException.notFound("topic " + topicId);
        }
        StringBuilder where = new StringBuilder("state = :failed");
        Parameters params = Parameters.with("failed", AlertDelivery.FAILED);
        if (topicId != null) {
            where.append(" and topicId = :topic");
            params.and("topic", topicId);
        }
        if (since != null) {
            where.append(" and createdAt >= :since");
            params.and("since", since);
        }
        return new Resent(reopen(where.toString(), params), topicId, since);
    }

    /** Puts one FAILED delivery back to PENDING as {@link #resend} does; 409 when it is not FAILED. */
    public Resent resendOne(long deliveryId) {
        AlertDelivery d = AlertDelivery.findById(deliveryId);
        if (d == null) {
            throw ProblemException.notFound("delivery " + deliveryId);
        }
        if (!AlertDelivery.FAILED.equals(d.state)) {
            throw ProblemException.conflict(
                    "delivery " + deliveryId + " is " + d.state + "; only FAILED deliveries are resent");
        }
        int n = reopen(
                "id = :id and state = :failed",
                Parameters.with("id", deliveryId).and("failed", AlertDelivery.FAILED));
        return new Resent(n, d.topicId, null);
    }

    private int reopen(String where, Parameters params) {
        return AlertDelivery.update(
                "state = :pending, nextAttemptAt = :now, failingSince = null, rejected = null, leaseOwner = null,"
                        + " leaseExpiresAt = null where " + where,
                params.and("pending", AlertDelivery.PENDING).and("now", clock.instant()));
    }
}
