package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.num;

import io.newsmon.domain.pipeline.BoundedText;
import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. A replica claims a PENDING delivery with a lease (an UPDATE only one replica wins),
 * renders it and sends it to each address in an SMTP transaction of its own, storing each address done as it
 * goes, so a retry never sends an address a second copy. An address the server refuses for good (a 5xx answer
 * to RCPT TO) is recorded with that answer and never tried again, while the others still get the alert; any
 * other failure (no connection, a timeout, a 4xx) schedules a retry of the addresses left, with exponential
 * backoff capped at {@code retry-max} and jitter. A delivery is given up (FAILED, its last error kept) once its
 * first failure is {@code give-up-after} old, or when every address was refused; an admin's resend tries it
 * again.
 *
 * <p>The one gap exactly-once cannot close: if this replica dies (or loses the database) after the SMTP
 * server accepted a message but before its address is stored as done, the lease expires and another replica
 * sends that address again. The same holds when the blocking mailer times out on a message the server then
 * accepts. That recipient may then get a duplicate; no alert is ever lost.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    /** How Vert.x' mail client words a refusal of RCPT TO (the other refusals name the sender or DATA). */
    private static final String RECIPIENT_REFUSED = "recipient address not accepted";

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

    /** A claimed delivery's e-mail and the addresses still to get it. */
    private record Job(AlertMailer.Rendered mail, List<String> addresses) {}

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
        Job job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        } catch (RuntimeException e) {
            failed(id, e);
            return false;
        }
        if (job == null) {
            return false;
        }
        RuntimeException retry = null;
        for (String address : job.addresses()) {
            try {
                mailer.send(job.mail().to(address));
            } catch (RuntimeException e) {
                SMTPException refusal = recipientRefusal(e);
                if (refusal == null) {
                    // the connection, the login, the sender or the message failed: the next address would too
                    failed(id, e);
                    return false;
                }
                if (refusal.isPermanent()) {
                    String answer = address + ": " + answer(refusal);
                    LOG.warnf("alert %d: the SMTP server refused %s for good", id, answer);
                    if (!record(id, d -> d.rejected = append(d.rejected, answer, "\n"))) {
                        return false;
                    }
                } else {
                    // e.g. greylisting or a full mailbox: this address is retried, the others go out now
                    retry = e;
                }
                continue;
            }
            // the gap: a crash here, after the SMTP server accepted the message, sends it to this address again
            if (!record(id, d -> d.deliveredTo = append(d.deliveredTo, address, ","))) {
                LOG.warnf(
                        "alert %d was sent to %s, but its lease had expired and passed to another replica",
                        id, address);
                return false;
            }
        }
        if (retry != null) {
            failed(id, retry);
            return false;
        }
        return finish(id);
    }

    /** Loads a claimed delivery and decides who still gets it; null when there is nothing to send. */
    private Job prepare(long id) {
        AlertDelivery d = AlertDelivery.findById(id);
        Topic topic = d == null ? null : Topic.findById(d.topicId);
        if (topic == null || !owner.equals(d.leaseOwner)) {
            return null;
        }
        List<String> recipients = AlertMailer.recipients(topic);
        d.recipients = BoundedText.clip(String.join(",", recipients), 4000);
        if (recipients.isEmpty()) {
            d.state = AlertDelivery.FAILED;
            d.lastError = "no recipient: the topic has no valid owner e-mail and no confirmed recipient";
            d.leaseOwner = null;
            d.leaseExpiresAt = null;
            LOG.warnf("alert %d (topic %d): %s", id, topic.id, d.lastError);
            return null;
        }
        Set<String> done = new HashSet<>(split(d.deliveredTo, ","));
        Set<String> refused = refusedAddresses(d.rejected);
        List<String> left = recipients.stream()
                .filter(a -> !done.contains(a) && !refused.contains(a))
                .toList();
        return new Job(left.isEmpty() ? null : mailer.render(d, topic), left);
    }

    /** Changes the delivery while this replica still holds its lease; false when the lease passed on. */
    private boolean record(long id, Consumer<AlertDelivery> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            if (d == null || !owner.equals(d.leaseOwner)) {
                return false;
            }
            change.accept(d);
            return true;
        });
    }

    /** Every address is done or refused: SENT when anybody got it, FAILED when the server refused them all. */
    private boolean finish(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            if (d == null || !owner.equals(d.leaseOwner)) {
                LOG.warnf("alert %d was sent, but its lease had expired and passed to another replica", id);
                return false;
            }
            d.attempts++;
            d.leaseOwner = null;
            d.leaseExpiresAt = null;
            String refusals = d.rejected == null ? null : d.rejected.replace('\n', ';');
            if (d.deliveredTo == null || d.deliveredTo.isBlank()) {
                d.state = AlertDelivery.FAILED;
                d.lastError = BoundedText.clip("the SMTP server refused every recipient: " + refusals, 2000);
                LOG.errorf("alert %d (topic %d) given up: %s", id, d.topicId, d.lastError);
                return false;
            }
            d.state = AlertDelivery.SENT;
            d.sentAt = now;
            d.lastError = refusals == null ? null : BoundedText.clip("refused: " + refusals, 2000);
            return true;
        });
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
            d.lastError = BoundedText.clip(error, 2000);
            d.leaseOwner = null;
            d.leaseExpiresAt = null;
            if (d.failingSince == null) {
                d.failingSince = now;
            }
            if (!now.isBefore(d.failingSince.plus(config.giveUpAfter()))) {
                d.state = AlertDelivery.FAILED;
                LOG.errorf(
                        "alert %d (topic %d) given up: failing since %s (%d attempts), newsmon.alerts.give-up-after"
                                + " is %s: %s",
                        id, d.topicId, d.failingSince, d.attempts, config.giveUpAfter(), error);
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

    /** The server's answer when it refused the recipient at RCPT TO; null for any other failure. */
    static SMTPException recipientRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp
                    && smtp.getMessage() != null
                    && smtp.getMessage().startsWith(RECIPIENT_REFUSED)) {
                return smtp;
            }
        }
        return null;
    }

    private static String answer(SMTPException refusal) {
        String text = String.join(" ", refusal.getReplyMessages()).strip();
        return text.isEmpty() ? Integer.toString(refusal.getReplyCode()) : MailAddresses.headerSafe(text);
    }

    /** The addresses of {@code address: answer} lines. */
    static Set<String> refusedAddresses(String rejected) {
        Set<String> out = new HashSet<>();
        for (String line : split(rejected, "\n")) {
            int colon = line.indexOf(':');
            out.add(colon < 0 ? line : line.substring(0, colon));
        }
        return out;
    }

    private static List<String> split(String list, String separator) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(separator))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
    }

    private static String append(String list, String item, String separator) {
        return BoundedText.clip(list == null || list.isEmpty() ? item : list + separator + item, 4000);
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
