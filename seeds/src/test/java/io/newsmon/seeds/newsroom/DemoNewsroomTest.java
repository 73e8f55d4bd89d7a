package io.newsmon.seeds.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DemoNewsroomTest {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern HTML_LANG = Pattern.compile("<html lang=\"([^\"]+)\">");

    private static DemoNewsroom newsroom;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        newsroom = DemoNewsroom.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        newsroom.close();
    }

    @Test
    void listensOnTheBoundEphemeralPort() {
        URI base = newsroom.baseUri();
        assertEquals("http", base.getScheme());
        assertEquals("127.0.0.1", base.getHost());
        assertNotEquals(0, base.getPort());
        assertEquals("/", base.getPath());
        assertEquals(base.resolve("feed.xml"), newsroom.feedUri());
    }

    @Test
    void feedItemsLinkToArticlePagesShowingTheirHeadline() throws Exception {
        HttpResponse<String> response = get(newsroom.feedUri());
        assertEquals(200, response.statusCode());
        assertContentType("application/rss+xml", response);

        Document feed = parseXml(response.body());
        Element rss = feed.getDocumentElement();
        assertEquals("rss", rss.getTagName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertEquals("The Harbour Ledger", childText(channel, "title"));
        assertEquals(newsroom.baseUri().toString(), childText(channel, "link"));
        assertEquals("en", childText(channel, "language"));
        assertFalse(childText(channel, "lastBuildDate").isBlank());

        NodeList items = feed.getElementsByTagName("item");
        assertTrue(items.getLength() >= 21, "expected at least 21 items, got " + items.getLength());
        assertEquals(newsroom.articleCount(), items.getLength());
        Set<String> links = new HashSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String title = childText(item, "title");
            String link = childText(item, "link");
            Element guid = (Element) item.getElementsByTagName("guid").item(0);
            assertEquals(link, guid.getTextContent());
            assertEquals("true", guid.getAttribute("isPermaLink"));
            assertTrue(link.startsWith(newsroom.baseUri().toString()), link);
            assertTrue(links.add(link), "duplicate link " + link);
            ZonedDateTime.parse(childText(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
            assertFalse(childText(item, "description").isBlank());
            assertTrue(List.of("World", "Business", "Science").contains(childText(item, "category")));
            assertFalse(item.getElementsByTagNameNS(DC, "creator")
                    .item(0)
                    .getTextContent()
                    .isBlank());

            HttpResponse<String> page = get(URI.create(link));
            assertEquals(200, page.statusCode(), link);
            assertContentType("text/html", page);
            Matcher h1 = H1.matcher(page.body());
            assertTrue(h1.find(), "no <h1> on " + link);
            assertEquals(title, unescape(h1.group(1)));
            assertTrue(page.body().contains("<link rel=\"canonical\" href=\"" + link + "\">"), link);
            assertTrue(page.body().contains("<meta property=\"og:url\" content=\"" + link + "\">"), link);
            assertFalse(page.body().contains("articleBody"), "JSON-LD must not carry the body: " + link);
        }
    }

    @Test
    void articlePagesWrapTheFullBodyInMetadataAndBoilerplate() throws Exception {
        for (NewsroomArticle article : newsroom.catalog().articles()) {
            String html =
                    get(newsroom.baseUri().resolve(article.path().substring(1))).body();
            String published = NewsDates.iso(article.published());
            assertTrue(html.contains("<title>" + Markup.escape(article.title()) + " | The Harbour Ledger</title>"));
            assertTrue(html.contains("<meta property=\"og:type\" content=\"article\">"));
            assertTrue(html.contains("<meta property=\"article:published_time\" content=\"" + published + "\">"));
            assertTrue(html.contains("<time datetime=\"" + published + "\">"));
            assertTrue(html.contains("\"@type\":\"NewsArticle\""));
            assertTrue(html.contains("class=\"cookie-banner\""));

            int bodyStart = html.indexOf("<div class=\"article-body\">");
            int bodyEnd = html.indexOf("<div class=\"share-bar\"");
            assertTrue(bodyStart > 0 && bodyEnd > bodyStart, article.slug());
            String body = html.substring(bodyStart, bodyEnd);
            for (String paragraph : article.paragraphs()) {
                assertTrue(body.contains("<p>" + Markup.escape(paragraph) + "</p>"), article.slug());
            }
            assertTrue(body.contains("Read more:"), "inline read-more link missing in " + article.slug());
            assertTrue(body.contains("class=\"newsletter-signup\""), "newsletter box missing in " + article.slug());

            int comments = html.split("<li class=\"comment\"", -1).length - 1;
            assertTrue(comments >= 3 && comments <= 5, article.slug() + " has " + comments + " comments");
        }
    }

    @Test
    void everySectionHasAPageAndAFeedWithItsOwnStories() throws Exception {
        assertEquals(List.of("world", "business", "science"), newsroom.catalog().sections());
        for (String section : newsroom.catalog().sections()) {
            List<NewsroomArticle> stories = newsroom.catalog().inSection(section);
            assertTrue(stories.size() >= 6, section + " has only " + stories.size() + " stories");

            HttpResponse<String> page = get(newsroom.baseUri().resolve("section/" + section));
            assertEquals(200, page.statusCode());
            assertContentType("text/html", page);
            for (NewsroomArticle story : stories) {
                assertTrue(page.body().contains("href=\"" + story.path() + "\""), story.path());
            }

            HttpResponse<String> feed = get(newsroom.baseUri().resolve("section/" + section + "/feed.xml"));
            assertEquals(200, feed.statusCode());
            NodeList items = parseXml(feed.body()).getElementsByTagName("item");
            assertEquals(stories.size(), items.getLength());
            for (int i = 0; i < items.getLength(); i++) {
                String category = childText((Element) items.item(i), "category");
                assertEquals(section, category.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void unknownPathsAnswer404() throws Exception {
        NewsroomArticle article = newsroom.catalog().articles().get(0);
        String wrongDate = article.path().replace("/2026/11/", "/2025/11/");
        for (String path : List.of("no/such/page", "section/sport", wrongDate.substring(1), "img/unknown.svg")) {
            HttpResponse<String> response = get(newsroom.baseUri().resolve(path));
            assertEquals(404, response.statusCode(), path);
            assertContentType("text/html", response);
            assertTrue(response.body().contains("Page not found"), path);
        }
    }

    @Test
    void catalogIncludesNonEnglishArticlesServedWithTheirLanguage() throws Exception {
        List<NewsroomArticle> foreign = newsroom.catalog().articles().stream()
                .filter(article -> !article.language().equals("en"))
                .toList();
        assertTrue(foreign.size() >= 2, "expected at least two non-English articles");
        assertEquals(
                Set.of("es", "fr"),
                foreign.stream().map(NewsroomArticle::language).collect(Collectors.toSet()));
        for (NewsroomArticle article : foreign) {
            HttpResponse<String> page =
                    get(newsroom.baseUri().resolve(article.path().substring(1)));
            Matcher lang = HTML_LANG.matcher(page.body());
            assertTrue(lang.find());
            assertEquals(article.language(), lang.group(1));
        }
    }

    @Test
    void articlesAreNewestFirstAndShapedLikeNewsCopy() {
        List<NewsroomArticle> articles = newsroom.catalog().articles();
        assertTrue(articles.size() >= 21);
        for (int i = 1; i < articles.size(); i++) {
            assertFalse(articles.get(i).published().isAfter(articles.get(i - 1).published()));
        }
        for (NewsroomArticle article : articles) {
            int words = article.text().split("\\s+").length;
            assertTrue(words >= 250 && words <= 450, article.slug() + " has " + words + " words");
            int paragraphs = article.paragraphs().size();
            assertTrue(paragraphs >= 4 && paragraphs <= 8, article.slug() + " has " + paragraphs + " paragraphs");
            OffsetDateTime published = article.published();
            assertEquals(2026, published.getYear());
            assertEquals(11, published.getMonthValue());
            assertTrue(newsroom.catalog().find(article.slug()).isPresent());
        }
    }

    @Test
    void sitemapAndRobotsPointAtTheRunningServer() throws Exception {
        HttpResponse<String> robots = get(newsroom.baseUri().resolve("robots.txt"));
        assertEquals(200, robots.statusCode());
        assertContentType("text/plain", robots);
        assertTrue(robots.body().contains("Sitemap: " + newsroom.baseUri() + "sitemap.xml"));

        HttpResponse<String> sitemap = get(newsroom.baseUri().resolve("sitemap.xml"));
        assertEquals(200, sitemap.statusCode());
        NodeList locations = parseXml(sitemap.body()).getElementsByTagName("loc");
        assertEquals(newsroom.articleCount(), locations.getLength());
        for (int i = 0; i < locations.getLength(); i++) {
            assertTrue(locations
                    .item(i)
                    .getTextContent()
                    .startsWith(newsroom.baseUri().toString()));
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertContentType(String expected, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(expected), contentType);
        assertTrue(contentType.contains("charset=utf-8"), contentType);
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        assertTrue(children.getLength() > 0, "missing <" + name + ">");
        return children.item(0).getTextContent();
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
