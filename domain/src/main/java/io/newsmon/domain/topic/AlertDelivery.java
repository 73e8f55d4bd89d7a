package io.newsmon.domain.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One alert e-mail of a topic for one window (an instant alert, an hour, a day, a week). The unique
 * (topic, window key) pair is the claim that makes each alert go out once across restarts and replicas.
 */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic_id")
    public Long topicId;

    @Column(name = "window_key")
    public String windowKey;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    /** {@link #PENDING}, {@link #SENT} or {@link #FAILED}. */
    public String state = PENDING;

    @Column(name = "item_count")
    public int itemCount;

    public String subject;

    /** Comma-separated addresses it was (or is to be) sent to. */
    public String recipients;

    /**
     * Comma-separated addresses that got it so far: each address is its own SMTP transaction, and a retry
     * skips these.
     */
    @Column(name = "delivered_to")
    public String deliveredTo;

    /** The addresses the SMTP server refused for good, one {@code address: answer} per line; not retried. */
    public String rejected;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** When the current run of failures began; null until a send fails, and again after a resend. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
