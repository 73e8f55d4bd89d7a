package io.newsmon.api.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Alert e-mail delivery: how often it runs, how it retries and the key its links are signed with. */
@ConfigMapping(prefix = "newsmon.alerts")
public interface AlertConfig {

    /** The value {@link #secret()} has unless configured; fine for dev and tests, refused elsewhere. */
    String DEV_SECRET = "newsmon-local-development-alert-secret";

    /** Whether this replica plans and sends alerts at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often pending matches are grouped into deliveries and due deliveries are sent. */
    @WithDefault("5s")
    Duration interval();

    /**
     * The HMAC-SHA256 key of the one-click pause links. Outside the dev and test profiles the api refuses to
     * start with the development value or with fewer than 32 characters.
     */
    @WithDefault(DEV_SECRET)
    String secret();

    /** How long a pause link in an e-mail works; after that its page says so and pauses nothing. */
    @WithDefault("60d")
    Duration linkTtl();

    /** Confirmation e-mails one user's topics may send per 24 hours; the rest wait for the next day. */
    @WithDefault("20")
    int confirmationsPerUserPerDay();

    /** Confirmation e-mails one address may receive per 24 hours, whoever asked. */
    @WithDefault("3")
    int confirmationsPerAddressPerDay();

    /** The first retry delay after an SMTP failure; it doubles per attempt (with jitter) up to {@link #retryMax()}. */
    @WithDefault("10s")
    Duration retryInitial();

    /** The longest wait between two attempts of a failing delivery. */
    @WithDefault("30m")
    Duration retryMax();

    /**
     * A delivery is retried until its first failure is this old, then given up (FAILED, its last error kept;
     * an admin's resend tries it again). Days, so that an SMTP outage over a weekend loses no alert.
     */
    @WithDefault("3d")
    Duration giveUpAfter();

    /** How long a replica owns a delivery it is sending; longer than the mailer timeout. */
    @WithDefault("2m")
    Duration lease();

    /** Deliveries one replica sends per round. */
    @WithDefault("20")
    int batchSize();

    /**
     * How long after a digest window closes it is collected, so that a match committed a moment after the
     * boundary still lands in its own window.
     */
    @WithDefault("30s")
    Duration digestGrace();

    /**
     * Matches older than this are never e-mailed: switching a topic from OFF (or unpausing it) must not
     * send months of backlog. Longer than a week so a weekly digest survives a day of downtime.
     */
    @WithDefault("8d")
    Duration maxBacklog();

    /** Items listed in one e-mail; the rest are counted and linked to the dashboard. */
    @WithDefault("50")
    int maxItems();
}
