package io.newsmon.domain.topic;

/** When a topic's matches are e-mailed. */
public enum AlertMode {
    /** As soon as an article matches (one e-mail per new story). */
    INSTANT,
    /** A digest of the last hour's matches, on the hour. */
    HOURLY,
    /** A digest of the day's matches at the topic's local digest time. */
    DAILY,
    /** A digest of the week's matches on the topic's weekday at its local digest time. */
    WEEKLY,
    /** No e-mail; matches are still kept (dashboard history, Atom feed). */
    OFF
}
