package io.newsmon.api.alert;

import io.newsmon.domain.article.Article;
import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicMatch;
import io.newsmon.domain.topic.TopicRecipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders and sends alert e-mails (Qute HTML and plain text) through the blocking Quarkus {@link Mailer}, and
 * the confirmation e-mails of extra recipients. The topic CRUD may call {@link #sendConfirmation}; inserting a
 * {@link TopicRecipient} with {@code confirmation_sent_at} null is enough, the scheduler sends it.
 */
@ApplicationScoped
public class AlertMailer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alert(AlertEmail email);

        static native TemplateInstance confirmation(String topicName, String ownerName, String confirmUrl);
    }

    private final Mailer mailer;
    private final AlertLinks links;
    private final AlertConfig config;
    private final Clock clock;

    public AlertMailer(Mailer mailer, AlertLinks links, AlertConfig config, Clock clock) {
        this.mailer = mailer;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** {@code [newsmon] <topic>: N new articles}, on one line whatever the topic's name holds. */
    public static String subject(String topicName, int items) {
        return MailAddresses.headerSafe(
                "[newsmon] " + topicName + ": " + items + (items == 1 ? " new article" : " new articles"));
    }

    /**
     * The addresses a topic's alerts go to: the owner's e-mail and every confirmed extra recipient; invalid
     * addresses are dropped. The owner comes first.
     */
    public static List<String> recipients(Topic topic) {
        Set<String> out = new LinkedHashSet<>();
        if (MailAddresses.valid(topic.ownerEmail)) {
            out.add(topic.ownerEmail);
        }
        for (TopicRecipient r : TopicRecipient.ofTopic(topic.id)) {
            if (r.confirmed() && MailAddresses.valid(r.email)) {
                out.add(r.email);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A delivery's e-mail, rendered once and then addressed to each recipient on its own ({@link #to}): every
     * address is one SMTP transaction, so recipients never see each other and a server that refuses one
     * address refuses nobody else.
     */
    record Rendered(String subject, String html, String text, String pause) {

        /** The message for one recipient, who is its only To. */
        Mail to(String address) {
            return new Mail()
                    .setSubject(subject)
                    .setHtml(html)
                    .setText(text)
                    // RFC 2369 and RFC 8058 one-click: mail clients show "unsubscribe" and POST to the pause link
                    .addHeader("List-Unsubscribe", "<" + pause + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                    .addHeader("Auto-Submitted", "auto-generated")
                    .addTo(address);
        }
    }

    /** The e-mail of a delivery, not yet addressed. Reads the database: call it in a transaction. */
    Rendered render(AlertDelivery delivery, Topic topic) {
        ZoneId zone = AlertWindow.zone(topic);
        List<TopicMatch> matches = TopicMatch.list("deliveryId = ?1 order by matchedAt, id", delivery.id);
        Map<Long, Article> articles = Article.<Article>list(
                        "from Article a left join fetch a.source where a.id in ?1",
                        matches.stream().map(m -> m.articleId).toList())
                .stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<Object, List<TopicMatch>> groups = new LinkedHashMap<>();
        for (TopicMatch m : matches) {
            groups.computeIfAbsent(m.storyId == null ? "m" + m.id : m.storyId, k -> new ArrayList<>())
                    .add(m);
        }
        Map<Long, String> headlines = new HashMap<>();
        List<AlertEmail.Item> items = new ArrayList<>();
        for (List<TopicMatch> group : groups.values()) {
            if (items.size() == config.maxItems()) {
                break;
            }
            TopicMatch first = group.get(0);
            Article article = articles.get(first.articleId);
            if (article == null) {
                continue;
            }
            String headline =
                    first.storyId == null ? null : headlines.computeIfAbsent(first.storyId, AlertMailer::headline);
            if (headline == null || headline.isBlank()) {
                headline = article.title == null || article.title.isBlank() ? article.url : article.title;
            }
            String text = article.summary != null && !article.summary.isBlank() ? article.summary : article.body;
            Instant when = article.publishedAt != null ? article.publishedAt : first.matchedAt;
            items.add(new AlertEmail.Item(
                    headline,
                    article.source == null ? "" : article.source.name,
                    TIME.format(when.atZone(zone)),
                    Snippet.of(text, terms(group), topic.stem),
                    links.article(article.id),
                    group.size() - 1));
        }
        String period = delivery.windowStart == null
                ? null
                : DAY.format(delivery.windowStart.atZone(zone)) + " – " + TIME.format(delivery.windowEnd.atZone(zone));
        String pause = links.pause(topic.id);
        AlertEmail email = new AlertEmail(
                topic.name,
                delivery.subject,
                period,
                items,
                Math.max(0, groups.size() - items.size()),
                pause,
                links.dashboard());
        return new Rendered(
                MailAddresses.headerSafe(delivery.subject),
                render(Templates.alert(email), Variant.TEXT_HTML),
                render(Templates.alert(email), Variant.TEXT_PLAIN),
                pause);
    }

    /** Sends one recipient's alert; throws when the SMTP server refuses it or cannot be reached. */
    void send(Mail mail) {
        mailer.send(mail);
    }

    /**
     * Sends a recipient its confirmation e-mail now (blocking) and sets its {@code confirmationSentAt}, which
     * is stored when {@code recipient} is managed by the caller's transaction. Throws when the address is
     * invalid or the SMTP server refuses it.
     */
    public void sendConfirmation(TopicRecipient recipient, Topic topic) {
        if (!MailAddresses.valid(recipient.email)) {
            throw new IllegalArgumentException(
                    "not a valid e-mail address: " + MailAddresses.headerSafe(recipient.email));
        }
        String owner = topic.ownerName != null && !topic.ownerName.isBlank() ? topic.ownerName : topic.ownerEmail;
        TemplateInstance body = Templates.confirmation(topic.name, owner, links.confirm(recipient.confirmToken));
        Mail mail = Mail.withText(
                        recipient.email,
                        MailAddresses.headerSafe("[newsmon] Confirm alerts for " + topic.name),
                        render(body, Variant.TEXT_PLAIN))
                .setHtml(render(
                        Templates.confirmation(topic.name, owner, links.confirm(recipient.confirmToken)),
                        Variant.TEXT_HTML))
                .addHeader("Auto-Submitted", "auto-generated");
        mailer.send(mail);
        recipient.confirmationSentAt = clock.instant();
    }

    private static String render(TemplateInstance template, String contentType) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType))
                .render();
    }

    private static String terms(List<TopicMatch> group) {
        Set<String> terms = new LinkedHashSet<>();
        for (TopicMatch m : group) {
            if (m.matchedTerms != null) {
                terms.addAll(List.of(m.matchedTerms.strip().split("\\s+")));
            }
        }
        return String.join(" ", terms);
    }

    private static String headline(long storyId) {
        List<?> found = Topic.getEntityManager()
                .createNativeQuery("SELECT headline FROM story WHERE id = ?1")
                .setParameter(1, storyId)
                .getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }
}
