package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.num;

import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.Topic;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. A replica claims a PENDING delivery with a lease (an UPDATE only one replica wins),
 * renders and sends it, then marks it SENT; an SMTP failure schedules a retry with exponential backoff and
 * jitter, and a delivery still failing after {@code max-attempts} or {@code give-up-after} becomes FAILED.
 *
 * <p>The one gap exactly-once cannot close: if this replica dies (or loses the database) after the SMTP
 * server accepted the message but before SENT is committed, the lease expires and another replica sends the
 * delivery again. The same holds when the blocking mailer times out on a message the server then accepts.
 * Recipients may then get a duplicate; no alert is ever lost.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final AlertConfig config;
    private final AlertMailer mailer;
    private final Clock clock;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public DeliverySender(AlertConfig config, AlertMailer mailer, Clock clock) {
        this.config = config;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends every delivery that is due and not leased by another replica; returns how many went out. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> Topic.getEntityManager()
                        .createNativeQuery(
                                "SELECT id FROM alert_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?1"
                                        + " AND (lease_expires_at IS NULL OR lease_expires_at < ?1) ORDER BY next_attempt_at, id")
                        .setParameter(1, now)
                        .setMaxResults(config.batchSize())
                        .getResultList()
                        .stream()
                        .map(o -> num(o))
                        .toList());
        int sent = 0;
        for (long id : due) {
            if (claim(id) && send(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew()
                .call(() -> AlertDelivery.update(
                                "leaseOwner = ?1, leaseExpiresAt = ?2 where id = ?3 and state = ?4 and nextAttemptAt <= ?5"
                                        + " and (leaseExpiresAt is null or leaseExpiresAt < ?5)",
                                owner,
                                now.plus(config.lease()),
                                id,
                                AlertDelivery.PENDING,
                                now)
                        == 1);
    }

    private boolean send(long id) {
        Mail mail;
        try {
            mail = QuarkusTransaction.requiringNew().call(() -> {
                AlertDelivery d = AlertDelivery.findById(id);
                Topic topic = d == null ? null : Topic.findById(d.topicId);
                if (topic == null) {
                    return null;
                }
                List<String> recipients = AlertMailer.recipients(topic);
                d.recipients = String.join(",", recipients);
                if (recipients.isEmpty()) {
                    d.state = AlertDelivery.FAILED;
                    d.lastError = "no recipient: the topic has no valid owner e-mail and no confirmed recipient";
                    d.leaseOwner = null;
                    d.leaseExpiresAt = null;
                    LOG.warnf("alert %d (topic %d): %s", id, topic.id, d.lastError);
                    return null;
                }
                return mailer.render(d, topic, recipients);
            });
        } catch (RuntimeException e) {
            failed(id, e);
            return false;
        }
        if (mail == null) {
            return false;
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            failed(id, e);
            return false;
        }
        // the gap: a crash here, after the SMTP server accepted the message, sends it again after the lease
        boolean marked = QuarkusTransaction.requiringNew()
                .call(() -> AlertDelivery.update(
                                "state = ?1, sentAt = ?2, attempts = attempts + 1, lastError = null, leaseOwner = null,"
                                        + " leaseExpiresAt = null where id = ?3 and leaseOwner = ?4",
                                AlertDelivery.SENT,
                                clock.instant(),
                                id,
                                owner)
                        == 1);
        if (!marked) {
            LOG.warnf("alert %d was sent, but its lease had expired and passed to another replica", id);
        }
        return true;
    }

    private void failed(long id, RuntimeException e) {
        String error = errorText(e);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            if (d == null || !owner.equals(d.leaseOwner)) {
                return;
            }
            d.attempts++;
            d.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
            d.leaseOwner = null;
            d.leaseExpiresAt = null;
            if (d.attempts >= config.maxAttempts() || !now.isBefore(d.createdAt.plus(config.giveUpAfter()))) {
                d.state = AlertDelivery.FAILED;
                LOG.errorf("alert %d (topic %d) given up after %d attempts: %s", id, d.topicId, d.attempts, error);
            } else {
                d.nextAttemptAt = now.plus(backoff(d.attempts));
                LOG.warnf(
                        "alert %d (topic %d) attempt %d failed, retrying at %s: %s",
                        id, d.topicId, d.attempts, d.nextAttemptAt, error);
            }
        });
    }

    /** retry-initial × 2^(attempts−1), capped at retry-max, with ±20 % jitter so replicas do not retry in step. */
    Duration backoff(int attempts) {
        long initial = config.retryInitial().toMillis();
        long max = config.retryMax().toMillis();
        long delay = initial << Math.min(attempts - 1, 30);
        if (delay <= 0 || delay > max) {
            delay = max;
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(delay * jitter));
    }

    /** The SMTP server's answer or the connection error, without the Java wrapping around it. */
    static String errorText(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = t.getMessage();
            }
        }
        return text == null ? e.getClass().getSimpleName() : text.strip();
    }
}
