package io.newsmon.sources.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A local news site that misbehaves in every way the crawler must survive, next to a few well-behaved
 * articles. Counts the requests each path received, so tests can tell what was never asked for.
 */
public final class HostileSite implements AutoCloseable {

    /** "Compressed with brotli, decoded by newsmon." × 40 in a titled page, brotli-encoded (Node's zlib). */
    static final String BROTLI_PAGE =
            "GycHwETdluroxxANmtr5g+A/UUHUyQHr9/2UWJ4E9IUAgW4svpTvSdAigj5C44oQstvmnQNs7A1kIDSrdsbXdUqBFphnPm4a9CP9nWAWODlxHa0a";

    public static final String CYRILLIC_TITLE = "Порт Северный расширяет причалы";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final String base;

    private HostileSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::route);
        server.start();
    }

    public static HostileSite start() throws IOException {
        return new HostileSite();
    }

    public String url(String path) {
        return base + path;
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            switch (path) {
                case "/robots.txt" -> send(ex, 200, "text/plain", ascii("User-agent: *\nDisallow: /private/\n"));
                case "/feed.xml" -> send(ex, 200, "application/rss+xml", utf8(feed()));
                case "/articles/harbour-cranes-arrive-at-the-new-quay" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(article("Harbour cranes arrive at the new quay")));
                case "/articles/ferry-timetable-changes-for-winter" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(article("Ferry timetable changes for winter")));
                case "/articles/cp1251-meta" -> {
                    String page = article(CYRILLIC_TITLE, "<meta charset=\"windows-1251\">", cyrillicParagraphs());
                    send(ex, 200, "text/html", page.getBytes(Charset.forName("windows-1251")));
                }
                case "/articles/cp1251-undeclared" -> {
                    String page = article(CYRILLIC_TITLE + " (без объявления)", "", cyrillicParagraphs());
                    send(ex, 200, "text/html", page.getBytes(Charset.forName("windows-1251")));
                }
                case "/articles/gzip" -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(ex, 200, "text/html; charset=utf-8", gzip(utf8(article("A gzip-encoded story"))));
                }
                case "/articles/brotli" -> {
                    ex.getResponseHeaders().set("Content-Encoding", "br");
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            Base64.getDecoder().decode(BROTLI_PAGE));
                }
                case "/articles/bomb" -> {
                    ex.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(ex, 200, "text/html", gzip(new byte[16 * 1024 * 1024]));
                }
                case "/articles/drip" -> drip(ex);
                case "/articles/endless" -> endless(ex);
                case "/articles/loop-a" -> redirect(ex, "/articles/loop-b");
                case "/articles/loop-b" -> redirect(ex, "/articles/loop-a");
                case "/articles/to-metadata" -> redirect(ex, "http://169.254.169.254/latest/meta-data/iam/");
                case "/articles/to-private" -> redirect(ex, "http://10.1.2.3/internal");
                case "/articles/to-file" -> redirect(ex, "file:///etc/passwd");
                case "/articles/rate-limited" -> {
                    ex.getResponseHeaders().set("Retry-After", "120");
                    send(ex, 429, "text/plain", ascii("slow down"));
                }
                case "/articles/gone" -> send(ex, 410, "text/plain", ascii("gone"));
                case "/articles/binary" -> send(ex, 200, "text/html", binary());
                case "/articles/tracked-story-about-the-lighthouse" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(article("The lighthouse gets a new lamp")));
                case "/private/secret-page" -> send(ex, 200, "text/html", utf8(article("Never to be fetched")));
                case "/feeds/malformed.xml" ->
                    send(ex, 200, "application/rss+xml", utf8("<rss><channel><item><title>broken</item></rss>"));
                case "/feeds/xxe.xml" -> send(ex, 200, "application/rss+xml", utf8(xxe()));
                case "/feeds/huge.xml" -> send(ex, 200, "application/rss+xml", utf8(hugeFeed(10_000)));
                case "/feeds/html-instead" -> send(ex, 200, "text/html; charset=utf-8", utf8(sectionPage()));
                case "/feeds/heavy.xml" -> send(ex, 200, "application/rss+xml", utf8(heavyFeed()));
                case "/heavy/spaced-title" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.spacedTitle(32_000)));
                case "/heavy/huge-title" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.spacedTitle(4 * 1024 * 1024)));
                case "/heavy/huge-attributes" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.hugeAttributes()));
                case "/heavy/one-text-node" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.oneTextNode()));
                case "/heavy/nested-tables" ->
                    send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.nestedTables()));
                case "/heavy/class-names" -> send(ex, 200, "text/html; charset=utf-8", utf8(HeavyPages.classNames()));
                default -> send(ex, 404, "text/plain", ascii("not found"));
            }
        } catch (IOException clientWentAway) {
            // the crawler hung up (a limit was reached): expected for the endless and dripping bodies
        }
    }

    private String feed() {
        StringBuilder items = new StringBuilder();
        String[] paths = {
            "/articles/harbour-cranes-arrive-at-the-new-quay",
            "/articles/cp1251-meta",
            "/articles/cp1251-undeclared",
            "/articles/gzip",
            "/articles/brotli",
            "/articles/bomb",
            "/articles/drip",
            "/articles/endless",
            "/articles/loop-a",
            "/articles/to-metadata",
            "/articles/to-private",
            "/articles/to-file",
            "/articles/rate-limited",
            "/articles/gone",
            "/articles/binary",
            "/private/secret-page",
            "/articles/tracked-story-about-the-lighthouse?utm_source=newsletter&utm_medium=email",
            "/articles/tracked-story-about-the-lighthouse?fbclid=IwAR0abc",
            "/articles/tracked-story-about-the-lighthouse?gclid=Cj0KCQ",
            "/articles/tracked-story-about-the-lighthouse#comments",
            "/articles/tracked-story-about-the-lighthouse?utm_campaign=winter&utm_content=top",
        };
        for (String p : paths) {
            items.append("<item><title>item</title><link>")
                    .append(base)
                    .append(p.replace("&", "&amp;"))
                    .append("</link></item>");
        }
        items.append("<item><title>local file</title><link>file:///etc/passwd</link></item>");
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Hostile Harbour News</title>" + items
                + "</channel></rss>";
    }

    /** The pages that are heavy to read rather than to fetch, all within the heavy crawl's body limit. */
    static final List<String> HEAVY = List.of(
            "/heavy/spaced-title",
            "/heavy/huge-title",
            "/heavy/huge-attributes",
            "/heavy/one-text-node",
            "/heavy/nested-tables",
            "/heavy/class-names");

    private String heavyFeed() {
        StringBuilder items = new StringBuilder();
        for (String p : HEAVY) {
            items.append("<item><title>heavy</title><link>")
                    .append(base)
                    .append(p)
                    .append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Heavy pages</title>" + items
                + "</channel></rss>";
    }

    private String hugeFeed(int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < n; i++) {
            items.append("<item><title>Story ")
                    .append(i)
                    .append("</title><link>")
                    .append(base)
                    .append("/articles/story-")
                    .append(i)
                    .append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>" + items + "</channel></rss>";
    }

    private static String xxe() {
        return "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title>"
                + "<link>http://example.com/a</link></item></channel></rss>";
    }

    private String sectionPage() {
        return "<html><head><title>Harbour section</title></head><body>"
                + "<nav><a href=\"/about\">About us</a> <a href=\"/tags/harbour\">Harbour</a>"
                + "<a href=\"/articles/navigation-link-that-looks-like-a-story\">Nav story link</a></nav>"
                + "<main><h2><a href=\"/articles/harbour-cranes-arrive-at-the-new-quay\">Harbour cranes arrive"
                + " at the new quay</a></h2>"
                + "<h2><a href=\"/articles/ferry-timetable-changes-for-winter\">Ferry timetable changes for"
                + " winter</a></h2>"
                + "<h2><a href=\"/articles/tracked-story-about-the-lighthouse?utm_source=front\">The lighthouse"
                + " gets a new lamp</a></h2>"
                + "<a href=\"https://elsewhere.example/news/some-other-site-s-long-story-slug\">Elsewhere</a>"
                + "</main><footer><a href=\"/privacy\">Privacy</a></footer></body></html>";
    }

    static String article(String title) {
        return article(title, "<meta charset=\"utf-8\">", englishParagraphs(title));
    }

    private static String article(String title, String meta, String paragraphs) {
        return "<!DOCTYPE html><html><head>" + meta + "<title>" + title + "</title></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>" + paragraphs
                + "</article><footer>Hostile Harbour News</footer></body></html>";
    }

    static String englishParagraphs(String title) {
        StringBuilder p = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            p.append("<p>")
                    .append(title)
                    .append(": paragraph ")
                    .append(i)
                    .append(" tells how the harbour board met on Tuesday, how the pilots described the"
                            + " tides of the northern channel, and what the fishermen said about the new"
                            + " schedule for the winter months ahead.</p>");
        }
        return p.toString();
    }

    private static String cyrillicParagraphs() {
        StringBuilder p = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            p.append("<p>Абзац ")
                    .append(i)
                    .append(": портовое управление сообщило во вторник, что новые"
                            + " причалы примут первые суда весной, а рыбаки обсуждают расписание зимних"
                            + " работ и состояние северного канала.</p>");
        }
        return p.toString();
    }

    private static byte[] binary() {
        byte[] b = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(b);
        b[0] = (byte) 0x89;
        b[1] = 'P';
        b[2] = 'N';
        b[3] = 'G';
        return b;
    }

    private static void drip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < 600; i++) {
            out.write('<');
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void endless(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        byte[] chunk = "<p>and more and more and more</p>\n".repeat(256).getBytes(StandardCharsets.US_ASCII);
        while (!Thread.currentThread().isInterrupted()) {
            out.write(chunk);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        send(ex, 302, "text/plain", ascii("moved"));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
