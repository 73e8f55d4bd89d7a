package io.newsmon.api.alert;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The links in alert e-mails: articles in the dashboard, and the signed one-click pause and confirmation
 * links that work without a login. A pause link signs its purpose, the topic id and an expiry time, so a
 * signature made for one purpose or one topic is worth nothing for another, and an old e-mail's link stops
 * working after {@code newsmon.alerts.link-ttl}.
 */
@ApplicationScoped
public class AlertLinks {

    private static final Logger LOG = Logger.getLogger(AlertLinks.class);

    /** A secret shorter than this is refused outside dev and tests: it could be guessed offline. */
    static final int MIN_SECRET_LENGTH = 32;

    /** What a signature is for; part of the signed text. */
    public enum Purpose {
        PAUSE
    }

    /** What a link's signature says about it. */
    public enum Check {
        VALID,
        FORGED,
        EXPIRED
    }

    private final AlertConfig config;
    private final Clock clock;
    private final String webUrl;
    private final String publicUrl;
    /** The HMAC key, made once: a Mac is not thread-safe, but its key is and is the same for every link. */
    private final SecretKeySpec key;

    // the two base URLs are shared keys (web has its own newsmon.web.url, the launcher sets both), so they
    // are read by name rather than through AlertConfig's prefix
    public AlertLinks(
            AlertConfig config,
            Clock clock,
            @ConfigProperty(name = "newsmon.web.url", defaultValue = "http://127.0.0.1:8080") String webUrl,
            @ConfigProperty(name = "newsmon.api.public-url", defaultValue = "http://127.0.0.1:8081") String publicUrl) {
        this.config = config;
        this.clock = clock;
        this.webUrl = stripSlash(webUrl);
        this.publicUrl = stripSlash(publicUrl);
        String secret = config.secret();
        // an empty secret has no key; checkSecret names the problem at startup, sign refuses to sign with it
        this.key = secret == null || secret.isEmpty()
                ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    void checkSecret(@Observes StartupEvent event) {
        requireStrongSecret(
                config.secret(),
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles());
    }

    /**
     * Throws (so the api does not start) when {@code secret} is weak and no dev or test profile is active;
     * in dev and tests a weak secret is only warned about.
     */
    static void requireStrongSecret(String secret, List<String> profiles) {
        String weak = weakness(secret);
        if (weak == null) {
            return;
        }
        if (profiles.contains("dev") || profiles.contains("test")) {
            LOG.warnf("newsmon.alerts.secret %s; fine for dev and tests only", weak);
            return;
        }
        throw new IllegalStateException(refusal(weak));
    }

    /** Why {@code secret} is not fit to sign links outside dev and tests, or null when it is. */
    static String weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return "is empty";
        }
        if (AlertConfig.DEV_SECRET.equals(secret)) {
            return "has its public development value (anyone can forge pause links)";
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            return "is " + secret.length() + " characters long; at least " + MIN_SECRET_LENGTH + " are required";
        }
        if (secret.chars().distinct().count() < 8) {
            return "uses fewer than 8 different characters";
        }
        return null;
    }

    static String refusal(String weakness) {
        return "newsmon.alerts.secret " + weakness + ": refusing to start. Set NEWSMON_ALERTS_SECRET to at least "
                + MIN_SECRET_LENGTH + " random characters, e.g. $(head -c 32 /dev/urandom | base64)";
    }

    /** The dashboard's page of an article. */
    public String article(long articleId) {
        return webUrl + "/articles/" + articleId;
    }

    /** The dashboard's home page. */
    public String dashboard() {
        return webUrl + "/";
    }

    /**
     * The one-click link that pauses a topic's alerts (also the List-Unsubscribe target), valid for {@code
     * newsmon.alerts.link-ttl}.
     */
    public String pause(long topicId) {
        long expires = clock.instant().plus(config.linkTtl()).getEpochSecond();
        return publicUrl + "/api/alerts/pause?" + pauseQuery(topicId, expires);
    }

    /** {@code topic=…&exp=…&sig=…} of a pause link expiring at {@code expires} (epoch seconds). */
    public String pauseQuery(long topicId, long expires) {
        return "topic=" + topicId + "&exp=" + expires + "&sig=" + sign(Purpose.PAUSE, topicId, expires);
    }

    /** The link an extra recipient follows to start receiving a topic's alerts. */
    public String confirm(String confirmToken) {
        return publicUrl + "/api/alerts/confirm?token=" + URLEncoder.encode(confirmToken, StandardCharsets.UTF_8);
    }

    /**
     * The signature of (purpose, id, expiry): HMAC-SHA256 with the configured secret over {@code
     * purpose\nid\nexpiry}, base64url without padding.
     */
    public String sign(Purpose purpose, long id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            if (key == null) {
                throw new IllegalStateException(refusal(weakness("")));
            }
            mac.init(key);
            byte[] sig = mac.doFinal((purpose.name() + "\n" + id + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Whether {@code signature} signs (purpose, id, expiry), compared in constant time, and whether the expiry
     * has passed. A forged signature is reported as such even when the claimed expiry has passed.
     */
    public Check verify(Purpose purpose, long id, long expires, String signature) {
        if (signature == null) {
            return Check.FORGED;
        }
        boolean genuine = MessageDigest.isEqual(
                sign(purpose, id, expires).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.UTF_8));
        if (!genuine) {
            return Check.FORGED;
        }
        return Instant.ofEpochSecond(expires).isBefore(clock.instant()) ? Check.EXPIRED : Check.VALID;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
