package io.newsmon.api.alert;

import static io.newsmon.api.sql.Rows.num;

import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicRecipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends the confirmation e-mail of each extra recipient that has none yet. A recipient is claimed by setting
 * its {@code confirmation_sent_at} first (one replica wins); a failed send clears it again for the next round.
 * Each sent e-mail is logged in {@code confirmation_sent}: a user's topics send at most {@code
 * confirmations-per-user-per-day} of them in 24 hours and one address receives at most {@code
 * confirmations-per-address-per-day}; a recipient over either limit waits (unconfirmed) until the day has
 * room again. Two replicas checking at the same moment may pass a limit by one.
 */
@ApplicationScoped
public class ConfirmationSender {

    private static final Logger LOG = Logger.getLogger(ConfirmationSender.class);
    private static final int PER_ROUND = 50;

    private final AlertMailer mailer;
    private final AlertConfig config;
    private final Clock clock;

    public ConfirmationSender(AlertMailer mailer, AlertConfig config, Clock clock) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /** A recipient waiting for its confirmation, and what its owner and its address sent in the last 24 hours. */
    private record Pending(long id, String ownerId, String email, long byOwner, long byAddress) {}

    public int sendPending() {
        Instant since = clock.instant().minus(Duration.ofDays(1));
        int perUser = config.confirmationsPerUserPerDay();
        int perAddress = config.confirmationsPerAddressPerDay();
        // one query per round: recipients over a limit are left out in the database, so any number of them
        // waiting (one busy address on hundreds of topics) cannot crowd out the others
        List<Pending> pending = QuarkusTransaction.requiringNew()
                .call(() -> Topic.getEntityManager()
                        .createNativeQuery("SELECT id, owner_id, email, by_owner, by_address FROM (SELECT r.id,"
                                + " t.owner_id, r.email,"
                                + " (SELECT COUNT(*) FROM confirmation_sent s WHERE s.owner_id = t.owner_id"
                                + " AND s.sent_at >= ?1) AS by_owner,"
                                + " (SELECT COUNT(*) FROM confirmation_sent s WHERE s.email = r.email"
                                + " AND s.sent_at >= ?1) AS by_address"
                                + " FROM topic_recipient r JOIN topic t ON t.id = r.topic_id"
                                + " WHERE r.confirmation_sent_at IS NULL AND r.confirmed_at IS NULL) p"
                                + " WHERE by_owner < ?2 AND by_address < ?3 ORDER BY id")
                        .setParameter(1, since)
                        .setParameter(2, perUser)
                        .setParameter(3, perAddress)
                        .setMaxResults(500)
                        .getResultList()
                        .stream()
                        .map(o -> {
                            Object[] row = (Object[]) o;
                            return new Pending(num(row[0]), (String) row[1], (String) row[2], num(row[3]), num(row[4]));
                        })
                        .toList());
        // what this round sends counts too
        Map<String, Long> byOwner = new HashMap<>();
        Map<String, Long> byAddress = new HashMap<>();
        int sent = 0;
        for (Pending p : pending) {
            if (sent == PER_ROUND) {
                break;
            }
            long owner = byOwner.computeIfAbsent(p.ownerId(), k -> p.byOwner());
            long address = byAddress.computeIfAbsent(p.email(), k -> p.byAddress());
            if (owner >= perUser || address >= perAddress) {
                LOG.debugf("recipient %d waits: its owner or its address reached the daily limit", p.id());
                continue;
            }
            long id = p.id();
            Instant claimedAt = clock.instant();
            boolean claimed = QuarkusTransaction.requiringNew()
                    .call(() -> TopicRecipient.update(
                                    "confirmationSentAt = ?1 where id = ?2 and confirmationSentAt is null",
                                    claimedAt,
                                    id)
                            == 1);
            if (!claimed) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    TopicRecipient r = TopicRecipient.findById(id);
                    Topic topic = r == null ? null : Topic.findById(r.topicId);
                    if (topic != null && MailAddresses.valid(r.email)) {
                        mailer.sendConfirmation(r, topic);
                        Topic.getEntityManager()
                                .createNativeQuery(
                                        "INSERT INTO confirmation_sent (owner_id, email, sent_at) VALUES (?1, ?2, ?3)")
                                .setParameter(1, topic.ownerId)
                                .setParameter(2, r.email)
                                .setParameter(3, clock.instant())
                                .executeUpdate();
                    } else if (r != null) {
                        LOG.warnf(
                                "recipient %d: '%s' is not a valid address; no confirmation sent",
                                id, MailAddresses.headerSafe(r.email));
                    }
                });
                byOwner.merge(p.ownerId(), 1L, Long::sum);
                byAddress.merge(p.email(), 1L, Long::sum);
                sent++;
            } catch (RuntimeException e) {
                LOG.warnf(
                        "recipient %d: the confirmation e-mail failed, retrying next round: %s",
                        id, DeliverySender.errorText(e));
                QuarkusTransaction.requiringNew()
                        .run(() -> TopicRecipient.update(
                                "confirmationSentAt = null where id = ?1 and confirmationSentAt = ?2", id, claimedAt));
            }
        }
        return sent;
    }
}
