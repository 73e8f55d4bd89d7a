package io.newsmon.domain.topic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A saved search of one user, matched against every new article and alerted on by e-mail and Atom. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owner's token subject. */
    @Column(name = "owner_id")
    public String ownerId;

    /** The owner's e-mail from the token; always a recipient, needs no confirmation. */
    @Column(name = "owner_email")
    public String ownerEmail;

    @Column(name = "owner_name")
    public String ownerName;

    public String name;

    /** The query, in the search language. */
    public String query;

    /** An extra query ANDed with {@link #query} (e.g. {@code lang:en country:PK}); null when none. */
    public String filter;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_mode")
    public AlertMode alertMode = AlertMode.INSTANT;

    /** Local time of day (HH:mm) of daily and weekly digests. */
    @Column(name = "digest_time")
    public String digestTime = "08:00";

    /** Weekday of weekly digests, 1 = Monday … 7 = Sunday. */
    @Column(name = "digest_weekday")
    public int digestWeekday = 1;

    /** The owner's time zone (an IANA id), for digest times and the dates in e-mails. */
    @Column(name = "time_zone")
    public String timeZone = "UTC";

    public boolean paused;

    /** Whether the query matches word forms (Porter stemming), as search's {@code stem=true}. */
    public boolean stem;

    /** The secret in the topic's private Atom feed URL. */
    @Column(name = "feed_token")
    public String feedToken;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Changes on every edit; matchers reload topics changed since they last looked. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The query the matcher and the back-test run: the topic's query ANDed with its filter. */
    public String effectiveQuery() {
        return TopicText.combine(query, filter);
    }

    public static List<Topic> ofOwner(String ownerId) {
        return list("ownerId = ?1 order by id", ownerId);
    }
}
