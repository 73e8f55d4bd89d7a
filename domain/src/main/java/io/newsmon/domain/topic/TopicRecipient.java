package io.newsmon.domain.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An extra address a topic's alerts go to, once it has confirmed by following its link. */
@Entity
@Table(name = "topic_recipient")
public class TopicRecipient extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic_id")
    public Long topicId;

    public String email;

    @Column(name = "confirm_token")
    public String confirmToken;

    @Column(name = "confirmation_sent_at")
    public Instant confirmationSentAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public static List<TopicRecipient> ofTopic(long topicId) {
        return list("topicId = ?1 order by id", topicId);
    }
}
