package io.newsmon.api.alert;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The links in alert e-mails: articles in the dashboard, and the signed one-click pause and confirmation
 * links that work without a login.
 */
@ApplicationScoped
public class AlertLinks {

    private static final Logger LOG = Logger.getLogger(AlertLinks.class);

    private final AlertConfig config;
    private final String webUrl;
    private final String publicUrl;

    // the two base URLs are shared keys (web has its own newsmon.web.url, the launcher sets both), so they
    // are read by name rather than through AlertConfig's prefix
    public AlertLinks(
            AlertConfig config,
            @ConfigProperty(name = "newsmon.web.url", defaultValue = "http://127.0.0.1:8080") String webUrl,
            @ConfigProperty(name = "newsmon.api.public-url", defaultValue = "http://127.0.0.1:8081") String publicUrl) {
        this.config = config;
        this.webUrl = stripSlash(webUrl);
        this.publicUrl = stripSlash(publicUrl);
    }

    void warnAboutDevSecret(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && AlertConfig.DEV_SECRET.equals(config.secret())) {
            LOG.warn("newsmon.alerts.secret has its public development value: anyone can forge pause links;"
                    + " set NEWSMON_ALERTS_SECRET");
        }
    }

    /** The dashboard's page of an article. */
    public String article(long articleId) {
        return webUrl + "/articles/" + articleId;
    }

    /** The dashboard's home page. */
    public String dashboard() {
        return webUrl + "/";
    }

    /** The one-click link that pauses a topic's alerts (also the List-Unsubscribe target). */
    public String pause(long topicId) {
        return publicUrl + "/api/alerts/pause?topic=" + topicId + "&sig=" + sign(topicId);
    }

    /** The link an extra recipient follows to start receiving a topic's alerts. */
    public String confirm(String confirmToken) {
        return publicUrl + "/api/alerts/confirm?token=" + URLEncoder.encode(confirmToken, StandardCharsets.UTF_8);
    }

    /** The signature of a topic id: HMAC-SHA256 with the configured secret, base64url without padding. */
    public String sign(long topicId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(Long.toString(topicId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code signature} is the topic's signature (compared in constant time). */
    public boolean verify(long topicId, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(topicId).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
