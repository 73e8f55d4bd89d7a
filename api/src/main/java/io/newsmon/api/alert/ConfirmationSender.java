package io.newsmon.api.alert;

import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicRecipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the confirmation e-mail of each extra recipient that has none yet. A recipient is claimed by setting
 * its {@code confirmation_sent_at} first (one replica wins); a failed send clears it again for the next round.
 */
@ApplicationScoped
public class ConfirmationSender {

    private static final Logger LOG = Logger.getLogger(ConfirmationSender.class);

    private final AlertMailer mailer;
    private final Clock clock;

    public ConfirmationSender(AlertMailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
    }

    public int sendPending() {
        List<Long> ids = QuarkusTransaction.requiringNew()
                .call(() ->
                        TopicRecipient.<TopicRecipient>list(
                                        "confirmationSentAt is null and confirmedAt is null order by id")
                                .stream()
                                .limit(50)
                                .map(r -> r.id)
                                .toList());
        int sent = 0;
        for (long id : ids) {
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
                    } else if (r != null) {
                        LOG.warnf(
                                "recipient %d: '%s' is not a valid address; no confirmation sent",
                                id, MailAddresses.headerSafe(r.email));
                    }
                });
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
