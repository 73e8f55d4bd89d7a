package io.newsmon.domain.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An article that matched a topic, recorded once by nlp right after the article's enrichment. */
@Entity
@Table(name = "topic_match")
public class TopicMatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "topic_id")
    public Long topicId;

    @Column(name = "article_id")
    public Long articleId;

    /** The article's story when it was matched, so that one story is one alert item. */
    @Column(name = "story_id")
    public Long storyId;

    @Column(name = "matched_at")
    public Instant matchedAt;

    /** The query terms found in the article, space-separated, for highlighting. */
    @Column(name = "matched_terms")
    public String matchedTerms;

    /** The alert delivery this match went out in, or was folded into; null while pending. */
    @Column(name = "delivery_id")
    public Long deliveryId;
}
