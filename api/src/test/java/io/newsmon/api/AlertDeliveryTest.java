package io.newsmon.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.newsmon.api.alert.AlertLinks;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.topic.AlertDelivery;
import io.newsmon.domain.topic.AlertMode;
import io.newsmon.domain.topic.Topic;
import io.newsmon.domain.topic.TopicMatch;
import io.newsmon.domain.topic.TopicRecipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert e-mails end to end: matches in the database, the scheduler, real SMTP (GreenMail) and the links. Its
 * package-private helpers are shared with {@link AlertReliabilityTest}.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GreenMailResource.class)
class AlertDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    MovableClock clock;

    @Inject
    AlertLinks links;

    private final List<Long> articles = new ArrayList<>();
    private final List<Long> stories = new ArrayList<>();
    private Source source;

    @BeforeEach
    void clean() throws Exception {
        clock.reset();
        cleanTables();
        GreenMailResource.smtp().purgeEmailFromAllMailboxes();
        source = QuarkusTransaction.requiringNew().call(() -> {
            Source s = new Source();
            s.name = "Harbour Ledger " + UUID.randomUUID();
            s.url = "import:" + s.name;
            s.createdAt = Instant.now();
            s.persist();
            return s;
        });
    }

    @AfterEach
    void tidy() {
        clock.reset();
        cleanTables();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Article.getEntityManager();
            if (!articles.isEmpty()) {
                Article.delete("id in ?1", articles);
            }
            for (long story : stories) {
                em.createNativeQuery("DELETE FROM story WHERE id = ?1")
                        .setParameter(1, story)
                        .executeUpdate();
            }
            Source.deleteById(source.id);
        });
    }

    static void cleanTables() {
        QuarkusTransaction.requiringNew().run(() -> {
            TopicMatch.deleteAll();
            AlertDelivery.deleteAll();
            Topic.getEntityManager()
                    .createNativeQuery("DELETE FROM confirmation_sent")
                    .executeUpdate();
            TopicRecipient.deleteAll();
            Topic.deleteAll();
        });
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void anInstantTopicGetsExactlyOneEmailAndATopicWithoutMatchesNone() throws Exception {
        long topic = topic("Iran watch", AlertMode.INSTANT, "owner@example.org", "owner-1");
        topic("Quiet topic", AlertMode.INSTANT, "quiet@example.org", "owner-1");
        long article = article(
                "Border talks resume",
                "Officials from Iran and Pakistan met at the border on Monday to reopen the crossing.",
                null);
        match(topic, article, null, "iran border", Instant.now());

        MimeMessage mail = awaitMessages(1).get(0);
        assertThat(mail.getSubject()).isEqualTo("[newsmon] Iran watch: 1 new article");
        assertThat(addresses(mail, Message.RecipientType.TO)).containsExactly("owner@example.org");
        assertThat(mail.getFrom()[0].toString()).contains("alerts@newsmon.local");
        String pause = mail.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");
        Matcher exp = Pattern.compile("exp=(\\d+)").matcher(pause);
        assertThat(exp.find()).isTrue();
        assertThat(pause)
                .isEqualTo("http://127.0.0.1:8081/api/alerts/pause?"
                        + links.pauseQuery(topic, Long.parseLong(exp.group(1))));
        // the link works for newsmon.alerts.link-ttl (60 days by default)
        assertThat(Instant.ofEpochSecond(Long.parseLong(exp.group(1))))
                .isBetween(
                        Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String html = part(mail, "text/html");
        assertThat(html)
                .contains("Border talks resume")
                .contains(source.name)
                .contains("<mark>Iran</mark>")
                .contains("<mark>border</mark>")
                .contains("href=\"http://127.0.0.1:8080/articles/" + article + "\"")
                .contains(pause.replace("&", "&amp;"));
        String text = part(mail, "text/plain");
        assertThat(text)
                .contains("*Iran*")
                .contains("http://127.0.0.1:8080/articles/" + article)
                .contains(pause);

        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(1);
        assertThat(inbox("quiet@example.org")).isEmpty();
    }

    @Test
    void oneStoryIsOneItemAndALaterMatchOfItSendsNothing() throws Exception {
        Owner owner = owner("owner-1");
        long topic = topic("Harbour", AlertMode.INSTANT, "owner@example.org", owner.subject());
        long story = story("Harbour strike enters second day");
        long first = article("Dockers strike", "The harbour strike continues as talks stall.", story);
        long second = article("Port closed by strike", "Ships wait outside the harbour.", story);
        match(topic, first, story, "harbour", Instant.now());
        match(topic, second, story, "harbour", Instant.now());

        MimeMessage mail = awaitMessages(1).get(0);
        assertThat(mail.getSubject()).isEqualTo("[newsmon] Harbour: 1 new article");
        String html = part(mail, "text/html");
        assertThat(html).contains("Harbour strike enters second day").contains("+1 more source");
        assertThat(part(mail, "text/plain")).contains("+1 more source");

        long third = article("Strike: unions call for talks", "Unions at the harbour want talks.", story);
        long late = match(topic, third, story, "harbour", Instant.now());
        await().atMost(WAIT)
                .until(() ->
                        QuarkusTransaction.requiringNew().call(() -> TopicMatch.<TopicMatch>findById(late).deliveryId)
                                != null);
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(1);
        given().auth()
                .oauth2(owner.token())
                .get("/api/alerts/deliveries?topic=" + topic)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("SENT"))
                .body("[0].itemCount", equalTo(1))
                .body("[0].matches", equalTo(3))
                .body("[0].moreSources", equalTo(2));
    }

    @Test
    void aDailyDigestHoldsExactlyThatDaysMatches() throws Exception {
        // 08:00 in Berlin is 07:00 UTC in November
        long topic = topic("Daily harbour", AlertMode.DAILY, "owner@example.org", "owner-1");
        QuarkusTransaction.requiringNew().run(() -> {
            Topic t = Topic.findById(topic);
            t.timeZone = "Europe/Berlin";
            t.digestTime = "08:00";
        });
        clock.set(Instant.parse("2026-11-30T06:30:00Z"));
        long previousDay = article("Sunday morning story", "harbour news from the day before", null);
        long evening = article("Sunday evening story", "harbour news on Sunday evening", null);
        long morning = article("Monday early story", "harbour news early on Monday", null);
        match(topic, previousDay, null, "harbour", Instant.parse("2026-11-29T06:00:00Z"));
        match(topic, evening, null, "harbour", Instant.parse("2026-11-29T18:00:00Z"));
        match(topic, morning, null, "harbour", Instant.parse("2026-11-30T06:00:00Z"));

        // the window that closed on Sunday 08:00 goes out at once, with its one match
        MimeMessage sunday = awaitMessages(1).get(0);
        assertThat(sunday.getSubject()).isEqualTo("[newsmon] Daily harbour: 1 new article");
        assertThat(part(sunday, "text/html")).contains("Sunday morning story").doesNotContain("Sunday evening");
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(1);

        long after = article("Monday late story", "harbour news after the digest", null);
        match(topic, after, null, "harbour", Instant.parse("2026-11-30T07:30:00Z"));
        clock.set(Instant.parse("2026-11-30T07:35:00Z"));
        MimeMessage monday = awaitMessages(2).get(1);
        assertThat(monday.getSubject()).isEqualTo("[newsmon] Daily harbour: 2 new articles");
        assertThat(part(monday, "text/html"))
                .contains("Sunday evening story")
                .contains("Monday early story")
                .doesNotContain("Monday late story")
                .doesNotContain("Sunday morning story");
        assertThat(part(monday, "text/plain")).contains("29 Nov 2026, 19:00 CET");
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery d =
                    AlertDelivery.find("windowKey", "daily:2026-11-30").firstResult();
            assertThat(d.windowStart).isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
            assertThat(d.windowEnd).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
            assertThat(d.itemCount).isEqualTo(2);
        });
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(2);
    }

    @Test
    void anSmtpOutageDelaysEachAlertAndShowsTheErrorThenDeliversItOnce() throws Exception {
        Owner owner = owner("owner-1");
        long first = topic("Outage one", AlertMode.INSTANT, "one@example.org", owner.subject());
        long second = topic("Outage two", AlertMode.INSTANT, "two@example.org", "someone-else");
        GreenMailResource.stopSmtp();
        try {
            match(first, article("First alert", "outage news", null), null, "outage", Instant.now());
            match(second, article("Second alert", "outage news", null), null, "outage", Instant.now());
            await().atMost(WAIT)
                    .untilAsserted(() -> given().auth()
                            .oauth2(owner.token())
                            .get("/api/alerts/deliveries?topic=" + first)
                            .then()
                            .statusCode(200)
                            .body("[0].state", equalTo("PENDING"))
                            .body("[0].lastError", org.hamcrest.Matchers.notNullValue())
                            .body("[0].attempts", org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        } finally {
            GreenMailResource.startSmtp();
        }
        awaitMessages(2);
        settle();
        assertThat(inbox("one@example.org")).hasSize(1);
        assertThat(inbox("two@example.org")).hasSize(1);
        given().auth()
                .oauth2(owner.token())
                .get("/api/alerts/deliveries?topic=" + first)
                .then()
                .body("[0].state", equalTo("SENT"))
                .body("[0].sentAt", org.hamcrest.Matchers.notNullValue());
        // another user's topic does not exist for this analyst; an admin sees it
        given().auth()
                .oauth2(owner.token())
                .get("/api/alerts/deliveries?topic=" + second)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/alerts/deliveries?topic=" + second)
                .then()
                .statusCode(200)
                .body("[0].state", equalTo("SENT"));
        given().get("/api/alerts/deliveries?topic=" + first).then().statusCode(401);
    }

    @Test
    void thePauseLinkPausesAndAForgedSignatureIsRefused() throws Exception {
        long topic = topic("Pause me", AlertMode.INSTANT, "owner@example.org", "owner-1");
        URI pause = URI.create(links.pause(topic));
        long exp = Long.parseLong(pause.getRawQuery().replaceAll(".*exp=(\\d+).*", "$1"));
        String sig = links.sign(AlertLinks.Purpose.PAUSE, topic, exp);
        given().get("/api/alerts/pause?topic=" + topic + "&exp=" + exp + "&sig=AAAA" + sig.substring(4))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // the signature covers the id and the expiry: neither can be changed
        given().get("/api/alerts/pause?topic=" + (topic + 1) + "&exp=" + exp + "&sig=" + sig)
                .then()
                .statusCode(403);
        given().get("/api/alerts/pause?topic=" + topic + "&exp=" + (exp + 86_400) + "&sig=" + sig)
                .then()
                .statusCode(403);
        // the old form of the link (a signature of the bare id, no expiry) no longer works
        given().get("/api/alerts/pause?topic=" + topic + "&sig=" + sig).then().statusCode(403);
        assertThat(paused(topic)).isFalse();
        // opening the link shows a button and names no topic; a GET (or a mail scanner) pauses nothing
        given().get(pause.getPath() + "?" + pause.getRawQuery())
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(not(containsString("Pause me")))
                .body(containsString("<form method=\"post\""));
        assertThat(paused(topic)).isFalse();
        given().post(pause.getPath() + "?" + pause.getRawQuery())
                .then()
                .statusCode(200)
                .body(containsString("paused"))
                .body(not(containsString("Pause me")));
        assertThat(paused(topic)).isTrue();

        long other = topic("One click", AlertMode.INSTANT, "owner@example.org", "owner-1");
        URI oneClick = URI.create(links.pause(other));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post(oneClick.getPath() + "?" + oneClick.getRawQuery())
                .then()
                .statusCode(200);
        assertThat(paused(other)).isTrue();
        // a paused topic gets nothing
        match(other, article("While paused", "news", null), null, "news", Instant.now());
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).isEmpty();
    }

    @Test
    void aPauseLinkExpiresAfterItsTimeToLive() {
        long topic = topic("Old mail", AlertMode.INSTANT, "owner@example.org", "owner-1");
        URI pause = URI.create(links.pause(topic));
        clock.set(Instant.now().plus(Duration.ofDays(61)));
        given().get(pause.getPath() + "?" + pause.getRawQuery())
                .then()
                .statusCode(410)
                .body("detail", containsString("expired"));
        given().post(pause.getPath() + "?" + pause.getRawQuery()).then().statusCode(410);
        assertThat(paused(topic)).isFalse();
    }

    @Test
    void headerInjectionInTheTopicNameCreatesNoHeaderAndBadAddressesGetNothing() throws Exception {
        long topic = topic(
                "Evil\r\nBcc: victim@example.org\r\nX-Injected: yes",
                AlertMode.INSTANT,
                "owner@example.org",
                "owner-1");
        long badOwner = topic("Bad owner", AlertMode.INSTANT, "owner@example.org\r\nBcc: victim@example.org", "x");
        match(topic, article("Injected", "news about injection", null), null, "injection", Instant.now());
        match(badOwner, article("Bad owner article", "news about injection", null), null, "injection", Instant.now());

        MimeMessage mail = awaitMessages(1).get(0);
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getSubject())
                .isEqualTo("[newsmon] Evil Bcc: victim@example.org X-Injected: yes: 1 new article");
        await().atMost(WAIT)
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> AlertDelivery.count("topicId = ?1 and state = ?2", badOwner, AlertDelivery.FAILED)
                                == 1));
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery failed = AlertDelivery.find("topicId", badOwner).firstResult();
            assertThat(failed.lastError).contains("no recipient");
        });
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(1);
        assertThat(inbox("victim@example.org")).isEmpty();
    }

    @Test
    void unconfirmedRecipientsGetOnlyTheirConfirmationUntilTheyFollowIt() throws Exception {
        long topic = topic("Shared topic", AlertMode.INSTANT, "owner@example.org", "owner-1");
        String token = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            TopicRecipient r = new TopicRecipient();
            r.topicId = topic;
            r.email = "colleague@example.org";
            r.confirmToken = token;
            r.createdAt = Instant.now();
            r.persist();
        });
        MimeMessage confirmation = awaitMessages(1).get(0);
        assertThat(addresses(confirmation, Message.RecipientType.TO)).containsExactly("colleague@example.org");
        assertThat(confirmation.getSubject()).isEqualTo("[newsmon] Confirm alerts for Shared topic");
        String confirmUrl = links.confirm(token);
        assertThat(part(confirmation, "text/plain")).contains(confirmUrl);

        match(topic, article("Before confirming", "shared news", null), null, "shared", Instant.now());
        awaitMessages(2);
        settle();
        assertThat(inbox("colleague@example.org")).hasSize(1);
        assertThat(inbox("owner@example.org")).hasSize(1);

        given().get("/api/alerts/confirm?token=nonsense").then().statusCode(404);
        given().post("/api/alerts/confirm?token=nonsense").then().statusCode(404);
        URI confirm = URI.create(confirmUrl);
        // the link's page (what a mail scanner fetches) confirms nothing and names no topic
        given().get(confirm.getPath() + "?" + confirm.getRawQuery())
                .then()
                .statusCode(200)
                .body(not(containsString("Shared topic")))
                .body(containsString("<form method=\"post\""));
        assertThat(confirmed(token)).isFalse();
        given().post(confirm.getPath() + "?" + confirm.getRawQuery())
                .then()
                .statusCode(200)
                .body(containsString("Shared topic"));
        assertThat(confirmed(token)).isTrue();

        match(topic, article("After confirming", "shared news", null), null, "shared", Instant.now());
        await().atMost(WAIT).until(() -> inbox("colleague@example.org").size() == 2);
        MimeMessage alert = inbox("colleague@example.org").get(1);
        assertThat(alert.getSubject()).isEqualTo("[newsmon] Shared topic: 1 new article");
        // each address gets a message of its own: nobody sees another recipient's address
        assertThat(addresses(alert, Message.RecipientType.TO)).containsExactly("colleague@example.org");
        assertThat(alert.getHeader("Bcc")).isNull();
        await().atMost(WAIT).until(() -> inbox("owner@example.org").size() == 2);
        MimeMessage ownersCopy = inbox("owner@example.org").get(1);
        assertThat(addresses(ownersCopy, Message.RecipientType.TO)).containsExactly("owner@example.org");
        assertThat(addresses(ownersCopy, Message.RecipientType.CC)).isEmpty();
        assertThat(ownersCopy.getHeader("Bcc")).isNull();
        var raw = new java.io.ByteArrayOutputStream();
        ownersCopy.writeTo(raw);
        assertThat(raw.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("colleague@example.org");
    }

    @Test
    void confirmationEmailsAreLimitedPerAddressAndPerUserPerDay() throws Exception {
        // test profile: 2 per address, 4 per user in 24 h
        long a = topic("Limit one", AlertMode.OFF, "owner@example.org", "owner-1");
        long b = topic("Limit two", AlertMode.OFF, "owner@example.org", "owner-1");
        long c = topic("Limit three", AlertMode.OFF, "owner@example.org", "owner-1");
        for (long t : List.of(a, b, c)) {
            recipient(t, "target@example.org");
        }
        awaitMessages(2);
        settle();
        assertThat(inbox("target@example.org")).hasSize(2);
        // removing the waiting recipient and adding it again does not reset the count
        QuarkusTransaction.requiringNew().run(() -> TopicRecipient.delete("topicId = ?1", c));
        recipient(c, "target@example.org");
        for (String other : List.of("x1@example.org", "x2@example.org", "x3@example.org")) {
            recipient(a, other);
        }
        // the owner has 2 left of 4: two of the three new addresses get theirs, the third waits
        awaitMessages(4);
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(4);
        assertThat(inbox("target@example.org")).hasSize(2);
        // a day later the waiting ones go out
        clock.set(Instant.now().plus(Duration.ofHours(25)));
        awaitMessages(6);
        settle();
        assertThat(GreenMailResource.smtp().getReceivedMessages()).hasSize(6);
        assertThat(inbox("target@example.org")).hasSize(3);
    }

    // ---------------------------------------------------------------------------------------------

    static long topic(String name, AlertMode mode, String email, String ownerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Topic t = new Topic();
            t.ownerId = ownerId;
            t.ownerEmail = email;
            t.ownerName = "Owner";
            t.name = name;
            t.query = "news";
            t.alertMode = mode;
            t.feedToken = UUID.randomUUID().toString().replace("-", "");
            t.createdAt = Instant.now();
            t.updatedAt = t.createdAt;
            t.persist();
            return t.id;
        });
    }

    private long story(String headline) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            var em = Article.getEntityManager();
            em.createNativeQuery("INSERT INTO story (headline, first_seen, last_seen, article_count, source_count)"
                            + " VALUES (?1, ?2, ?2, 1, 1)")
                    .setParameter(1, headline)
                    .setParameter(2, Instant.now())
                    .executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM story WHERE headline = ?1")
                            .setParameter(1, headline)
                            .getSingleResult())
                    .longValue();
        });
        stories.add(id);
        return id;
    }

    private long article(String title, String body, Long story) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Article a = new Article();
            a.source = Source.findById(source.id);
            a.url = "https://alerts.test/" + UUID.randomUUID();
            a.title = title;
            a.body = body;
            a.state = PipelineState.ENRICHED;
            a.publishedAt = Instant.parse("2026-11-29T18:00:00Z");
            a.discoveredAt = Instant.now();
            a.storyId = story;
            a.persist();
            return a.id;
        });
        articles.add(id);
        return id;
    }

    static long match(long topic, long article, Long story, String terms, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TopicMatch m = new TopicMatch();
            m.topicId = topic;
            m.articleId = article;
            m.storyId = story;
            m.matchedTerms = terms;
            m.matchedAt = at;
            m.persist();
            return m.id;
        });
    }

    private static boolean confirmed(String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> TopicRecipient.<TopicRecipient>find("confirmToken", token)
                        .firstResult()
                        .confirmed());
    }

    static void recipient(long topic, String email) {
        QuarkusTransaction.requiringNew().run(() -> {
            TopicRecipient r = new TopicRecipient();
            r.topicId = topic;
            r.email = email;
            r.confirmToken = UUID.randomUUID().toString();
            r.createdAt = Instant.now();
            r.persist();
        });
    }

    private static boolean paused(long topic) {
        return QuarkusTransaction.requiringNew().call(() -> Topic.<Topic>findById(topic).paused);
    }

    static List<MimeMessage> awaitMessages(int count) {
        await().atMost(WAIT).until(() -> GreenMailResource.smtp().getReceivedMessages().length >= count);
        return Arrays.asList(GreenMailResource.smtp().getReceivedMessages());
    }

    /** The messages delivered to one address, Bcc included. */
    static List<MimeMessage> inbox(String email) {
        return GreenMailResource.smtp()
                .findReceivedMessages(u -> email.equals(u.getEmail()), m -> true)
                .toList();
    }

    /** Lets several scheduler rounds (200 ms each in tests) pass, for asserting that nothing more is sent. */
    static void settle() throws InterruptedException {
        Thread.sleep(1500);
    }

    static List<String> addresses(MimeMessage mail, Message.RecipientType type) throws Exception {
        var found = mail.getRecipients(type);
        return found == null
                ? List.of()
                : Arrays.stream(found).map(Object::toString).toList();
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** An analyst's token and its subject (the owner id of the topics it may see). */
    record Owner(String token, String subject) {}

    static Owner owner(String subject) {
        if (!System.getProperty("newsmon.it.keycloak.url", "").isBlank()) {
            String token = TestTokens.analyst();
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            Matcher sub = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
            return new Owner(token, sub.find() ? sub.group(1) : subject);
        }
        return new Owner(
                Jwt.subject(subject)
                        .preferredUserName("analyst")
                        .claim("realm_access", Map.of("roles", List.of("analyst")))
                        .issuer("https://server.example.com")
                        .audience("newsmon-api")
                        .sign(),
                subject);
    }
}
