package io.newsmon.api.alert;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every {@code newsmon.alerts.interval}: confirmation e-mails, then new deliveries, then due ones sent. */
@ApplicationScoped
public class AlertScheduler {

    private static final Logger LOG = Logger.getLogger(AlertScheduler.class);

    private final AlertConfig config;
    private final ConfirmationSender confirmations;
    private final DeliveryPlanner planner;
    private final DeliverySender sender;

    public AlertScheduler(
            AlertConfig config, ConfirmationSender confirmations, DeliveryPlanner planner, DeliverySender sender) {
        this.config = config;
        this.confirmations = confirmations;
        this.planner = planner;
        this.sender = sender;
    }

    @Scheduled(
            identity = "alert-delivery",
            every = "${newsmon.alerts.interval:5s}",
            delayed = "${newsmon.alerts.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.enabled()) {
            return;
        }
        try {
            confirmations.sendPending();
            planner.planAll();
            sender.sendDue();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next round starts over from the tables
            LOG.warnf(e, "alert round failed");
        }
    }
}
