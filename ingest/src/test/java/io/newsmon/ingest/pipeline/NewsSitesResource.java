package io.newsmon.ingest.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.seeds.newsroom.DemoNewsroom;
import io.newsmon.seeds.newsroom.NewsroomArticle;
import io.newsmon.seeds.newsroom.NewsroomCatalog;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web as ingest sees it in tests, all on loopback: the demo newsroom, plus a misbehaving site
 * whose "feed" is an HTML page or a server error.
 */
public class NewsSitesResource implements QuarkusTestResourceLifecycleManager {

    static final String MALFORMED_FEED_URL = "http://bad host/feed.xml";
    static final java.util.concurrent.atomic.AtomicInteger NOT_MODIFIED =
            new java.util.concurrent.atomic.AtomicInteger();

    private DemoNewsroom newsroom;
    private HttpServer broken;

    @Override
    public Map<String, String> start() {
        newsroom = DemoNewsroom.start("127.0.0.1", 0);
        try {
            broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        broken.createContext(
                "/html",
                exchange -> respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Front page</title></head><body><h1>News</h1></body></html>"));
        broken.createContext("/error", exchange -> respond(exchange, 500, "text/plain", "upstream exploded"));
        // a feed of 300 items that all link the same page: a trial lists a bounded number of duplicates
        broken.createContext(
                "/dup-feed.xml",
                exchange -> respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Echo</title>"
                                + ("<item><title>Same</title><link>" + brokenBaseOf(exchange) + "/html</link></item>")
                                        .repeat(300)
                                + "</channel></rss>"));
        NewsroomArticle original = new NewsroomCatalog().articles().get(0);
        String originalUrl = newsroom.baseUri()
                .resolve(original.path().replaceFirst("^/", ""))
                .toString();
        broken.createContext(
                "/syndicated/feed.xml",
                exchange -> respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Syndicator</title>"
                                + "<item><title>Copy</title><link>" + brokenBaseOf(exchange)
                                + "/syndicated/copy.html</link></item>"
                                + "<item><title>Pointer</title><link>" + brokenBaseOf(exchange)
                                + "/syndicated/canonical.html</link></item></channel></rss>"));
        broken.createContext(
                "/syndicated/copy.html",
                exchange -> respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<html><head><title>Wire copy</title></head><body><article><h1>Wire copy of a Ledger story</h1>"
                                + "<p>By Wire Staff</p>"
                                + String.join(
                                        "",
                                        original.paragraphs().stream()
                                                .map(p -> "<p>" + p + "</p>")
                                                .toList())
                                + "<p>This article first appeared in The Harbour Ledger.</p></article></body></html>"));
        broken.createContext(
                "/syndicated/canonical.html",
                exchange -> respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<html><head><link rel=\"canonical\" href=\"" + originalUrl + "\"></head><body><article>"
                                + "<p>" + original.paragraphs().get(0) + "</p><p>"
                                + original.paragraphs().get(1) + "</p>"
                                + "</article></body></html>"));
        broken.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            respond(exchange, 429, "text/plain", "slow down");
        });
        broken.createContext("/etag-feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                NOT_MODIFIED.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            respond(
                    exchange,
                    200,
                    "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>Quiet Wire</title>"
                            + "<item><title>Nothing new</title><link>http://127.0.0.1:1/quiet</link></item></channel></rss>");
        });
        broken.createContext(
                "/filtered/feed.xml",
                exchange -> respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Filtered Wire</title>"
                                + item(exchange, "/filtered/world/first-world-story")
                                + item(exchange, "/filtered/sport/a-sport-story")
                                + item(exchange, "/filtered/world/live/a-live-blog")
                                + item(exchange, "/filtered/world/second-world-story")
                                + item(exchange, "/filtered/world/third-world-story")
                                + "</channel></rss>"));
        broken.createContext(
                "/section",
                exchange -> respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Harbour section</title></head><body>"
                                + "<nav><a href=\"/news/about-the-harbour-ledger-team-page\">About us</a></nav>"
                                + "<main><h2><a href=\"/news/harbour-board-approves-the-winter-schedule\">"
                                + "Harbour board approves the winter schedule</a></h2>"
                                + "<h2><a href=\"/news/pilots-warn-of-shifting-sandbanks-in-the-channel\">"
                                + "Pilots warn of shifting sandbanks in the channel</a></h2>"
                                + "<h2><a href=\"/news/fish-market-moves-to-the-old-customs-house\">"
                                + "Fish market moves to the old customs house</a></h2></main></body></html>"));
        // a front page that names its feed and also has article links of its own: it is polled through the feed
        broken.createContext(
                "/with-feed/feed.xml",
                exchange -> respond(
                        exchange,
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>Discovered Wire</title>"
                                + item(exchange, "/wire/first-story-from-the-discovered-feed")
                                + item(exchange, "/wire/second-story-from-the-discovered-feed")
                                + "</channel></rss>"));
        broken.createContext(
                "/with-feed",
                exchange -> respond(
                        exchange,
                        200,
                        "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>Front page with a feed</title>"
                                + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\""
                                + " href=\"/with-feed/feed.xml\"></head><body><main>"
                                + "<h2><a href=\"/with-feed/harbour-board-approves-the-winter-schedule\">"
                                + "Harbour board approves the winter schedule</a></h2>"
                                + "<h2><a href=\"/with-feed/pilots-warn-of-shifting-sandbanks-in-the-channel\">"
                                + "Pilots warn of shifting sandbanks in the channel</a></h2>"
                                + "<h2><a href=\"/with-feed/fish-market-moves-to-the-old-customs-house\">"
                                + "Fish market moves to the old customs house</a></h2></main></body></html>"));
        broken.start();
        String base = "http://127.0.0.1:" + broken.getAddress().getPort();
        return Map.of(
                "newsmon.ingest.bootstrap-feeds",
                String.join(
                        ",",
                        newsroom.feedUri().toString(),
                        base + "/html",
                        base + "/error",
                        base + "/busy",
                        base + "/etag-feed",
                        base + "/syndicated/feed.xml",
                        base + "/section",
                        base + "/with-feed",
                        MALFORMED_FEED_URL),
                "newsroom.article-count",
                String.valueOf(newsroom.articleCount()),
                "broken.base",
                base,
                "newsroom.original-url",
                originalUrl,
                "newsroom.feed-url",
                newsroom.feedUri().toString());
    }

    private static String item(com.sun.net.httpserver.HttpExchange exchange, String path) {
        return "<item><title>" + path + "</title><link>" + brokenBaseOf(exchange) + path + "</link></item>";
    }

    private static String brokenBaseOf(com.sun.net.httpserver.HttpExchange exchange) {
        return "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (newsroom != null) {
            newsroom.close();
        }
        if (broken != null) {
            broken.stop(0);
        }
    }
}
