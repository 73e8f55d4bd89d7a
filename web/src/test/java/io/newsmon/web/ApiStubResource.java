package io.newsmon.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The api at the dashboard's test boundary: canned JSON, and a record of the tokens it was sent. */
public class ApiStubResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/articles", this::articles);
        server.createContext("/api/search", this::search);
        server.createContext("/api/sources", this::sources);
        server.createContext("/api/stories", this::stories);
        server.createContext("/api/entities", this::entities);
        server.createContext("/api/topics", this::topics);
        server.createContext("/api/alerts/deliveries", exchange -> respond(exchange, 200, """
                [{"id":3,"subject":"[newsmon] Harbour strike: 2 new articles","itemCount":2,"state":"SENT",
                  "attempts":1,"lastError":null,"sentAt":"2026-11-29T09:01:00Z"}]"""));
        server.start();
        return Map.of(
                "newsmon.api.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void articles(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        AUTHORIZATIONS.add(auth == null ? "" : auth);
        if (auth == null || !auth.startsWith("Bearer ")) {
            respond(exchange, 401, "{\"status\":401}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/api/articles" -> respond(exchange, 200, """
                    {"items":[
                      {"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two",
                       "sourceId":1,"sourceName":"The Harbour Ledger","publishedAt":"2026-11-29T08:30:00Z",
                       "fetchedAt":"2026-11-29T09:00:00Z","language":"en","state":"ENRICHED"},
                      {"id":8,"url":"http://news.example/b","title":"Les dockers prolongent la grève",
                       "sourceId":1,"sourceName":"The Harbour Ledger","publishedAt":"2026-11-28T08:30:00Z",
                       "fetchedAt":"2026-11-28T09:00:00Z","language":"fr","state":"ENRICHED"},
                      {"id":9,"url":"http://news.example/c","title":null,"sourceId":null,"sourceName":null,
                       "publishedAt":null,"fetchedAt":null,"language":null,"state":"DISCOVERED"}],
                     "page":0,"size":25,"total":3}""");
            case "/api/articles/7" -> respond(exchange, 200, ARTICLE_7);
            case "/api/articles/7/classification" -> respond(exchange, 200, """
                    {"id":7,"countries":[{"code":"GB","mentions":3},{"code":"IE","mentions":1}],
                     "categories":["labour","economy"]}""");
            case "/api/articles/66" -> respond(exchange, 200, HOSTILE);
            case "/api/articles/500" -> respond(exchange, 500, "{\"status\":500}");
            case "/api/articles/9" -> respond(exchange, 200, """
                    {"id":9,"url":"http://news.example/c","title":null,"authors":[],"body":null,
                     "publishedAt":null,"language":null,"state":"DISCOVERED","attempts":0,"entities":[]}""");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    static final String ARTICLE_7 = """
            {"id": 7, "url": "http://news.example/a", "title": "Harbour cranes idle as strike enters week two", "authors": ["Mara Quinn"], "body": "Dock workers led by Mara Quinn walked out at Port Talbot.\\n\\nThe Harbour Board said talks resume Monday. Second paragraph <b>here</b>.", "sourceId": 1, "sourceName": "The Harbour Ledger", "publishedAt": "2026-11-29T08:30:00Z", "language": "en", "state": "ENRICHED", "attempts": 0, "entities": [{"type": "PERSON", "text": "Mara Quinn", "start": 20, "end": 30, "recognizer": "crf"}, {"type": "LOCATION", "text": "Port Talbot", "start": 45, "end": 56, "recognizer": "crf"}, {"type": "ORGANIZATION", "text": "Harbour Board", "start": 63, "end": 76, "recognizer": "crf"}], "tone": -0.42, "keyphrases": ["crane operators", "port strike"], "summary": "Crane operators at the port stay out for a second week.", "storyId": 11, "copies": [{"id": 8, "url": "http://wire.example/a", "title": "Harbour cranes idle", "sourceId": 2, "sourceName": "Quay Weekly", "publishedAt": "2026-11-29T10:00:00Z", "fetchedAt": "2026-11-29T10:05:00Z", "language": "en", "state": "DUPLICATE"}]}""";

    /** An article whose every field tries to inject markup or script. */
    static final String HOSTILE = """
            {"id": 66, "url": "javascript:alert(3)", "title": "<script>alert('title')</script>\\"><img src=x onerror=alert(1)>", "authors": ["\\"><img onerror=alert(4) src=x>"], "body": "Intro \\"><img src=x onerror=alert(2)> and <script>alert('body')</script> end.", "sourceId": 1, "sourceName": "<b onmouseover=alert(5)>Evil</b>", "publishedAt": "2026-11-29T08:30:00Z", "language": "en", "state": "ENRICHED", "attempts": 0, "entities": [{"type": "PERSON", "text": "<script>alert('body')</script>", "start": 41, "end": 71, "recognizer": "crf"}], "tone": null, "keyphrases": ["<img src=x onerror=alert(6)>"], "summary": "<script>alert('summary')</script>", "storyId": null, "copies": [{"id": 67, "url": "javascript:alert(5)", "title": null, "sourceId": 2, "sourceName": "<img src=x onerror=alert(6)>", "publishedAt": null, "state": "DUPLICATE"}]}""";

    /** What the dashboard sent to POST/PUT /api/topics, newest last. */
    static final List<String> TOPIC_WRITES = new CopyOnWriteArrayList<>();

    private static final String TOPIC = """
            {"id":5,"name":"Harbour strike","query":"harbour AND strike","filter":null,"alertMode":"DAILY",
             "digestTime":"07:30","digestWeekday":1,"timeZone":"Europe/Berlin","paused":false,"stem":false,
             "owner":"alice","ownerEmail":"alice@example.com",
             "recipients":[{"email":"desk@example.com","confirmed":false}],
             "feedUrl":"http://127.0.0.1:8081/api/topics/feed/secret-token-of-topic-five","matches":1,
             "lastMatchAt":"2026-11-29T09:00:00Z","createdAt":"2026-11-20T09:00:00Z","updatedAt":"2026-11-20T09:00:00Z"}""";

    /** Topics: one saved topic (5); a query containing "(broken" is refused at position 0. */
    private void topics(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (method.equals("POST") || method.equals("PUT")) {
            if (body.contains("(broken")) {
                respond(exchange, 400, """
                        {"status":400,"detail":"query: unbalanced parenthesis at 0: it is never closed",
                         "errors":[{"field":"query","reason":"unbalanced parenthesis at 0: it is never closed"}],
                         "position":0}""");
                return;
            }
            if (!path.endsWith("/backtest")) {
                TOPIC_WRITES.add(method + " " + path + " " + body);
            }
        }
        switch (method + " " + path) {
            case "GET /api/topics" -> respond(exchange, 200, "[" + TOPIC + "]");
            case "POST /api/topics" -> respond(exchange, 201, TOPIC);
            case "POST /api/topics/backtest" -> respond(exchange, 200, """
                    {"parsed":"(harbour AND strike)","matches":2,"articles":40,"days":7,
                     "sample":[{"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two",
                       "published":"2026-11-29T08:30:00Z","source":"The Harbour Ledger","language":"en","score":1.0}],
                     "warnings":["costly: 1 wildcard term(s) are expanded against the index for every article"]}""");
            case "GET /api/topics/5", "PUT /api/topics/5" -> respond(exchange, 200, TOPIC);
            case "DELETE /api/topics/5" -> {
                TOPIC_WRITES.add("DELETE " + path);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            case "GET /api/topics/5/matches" -> respond(exchange, 200, """
                    [{"articleId":7,"title":"Harbour cranes idle as strike enters week two","url":"http://news.example/a",
                      "source":"The Harbour Ledger","published":"2026-11-29T08:30:00Z","matchedAt":"2026-11-29T09:00:00Z",
                      "matchedTerms":"harbour strike","storyId":null,"deliveryState":"SENT",
                      "sentAt":"2026-11-29T09:01:00Z","summary":null}]""");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    /** Every search the dashboard asked for: its decoded query string, newest last. */
    static final List<String> SEARCHES = new CopyOnWriteArrayList<>();

    /** What the dashboard sent to POST/PATCH /api/sources (and the OPML it posted), newest last. */
    static final List<String> SOURCE_WRITES = new CopyOnWriteArrayList<>();

    private static final String SOURCE_OK = """
            {"id":1,"name":"The Harbour Ledger","url":"http://news.example/feed.xml","kind":"FEED","languageHint":"en",
             "enabled":true,"pollIntervalSeconds":900,"currentPollSeconds":600,"adaptivePoll":true,"includePattern":"/news/",
             "excludePattern":null,"maxArticlesPerPoll":null,"lastPolledAt":"2026-11-29T09:00:00Z",
             "lastSuccessAt":"2026-11-29T09:00:00Z","nextPollAt":"2026-11-29T09:10:00Z","consecutiveFailures":0,
             "lastError":null,"articleCount":120,"articlesPerDay":17.1,"lastArticleAt":"2026-11-29T08:30:00Z","silent":false}""";

    private static final String SOURCE_FAILING = """
            {"id":2,"name":"Quay Weekly","url":"http://quay.example/rss","kind":"FEED","languageHint":null,
             "enabled":true,"pollIntervalSeconds":900,"currentPollSeconds":900,"adaptivePoll":false,"includePattern":null,
             "excludePattern":null,"maxArticlesPerPoll":null,"lastPolledAt":"2026-11-29T09:00:00Z",
             "lastSuccessAt":"2026-11-20T09:00:00Z","nextPollAt":"2026-11-29T09:15:00Z","consecutiveFailures":4,
             "lastError":"HTTP 503 from quay.example","articleCount":9,"articlesPerDay":0.0,"lastArticleAt":null,"silent":false}""";

    /** A finished trial (42) of three URLs, one of which failed. */
    private static final String TRIAL_DONE = """
            {"id":42,"url":"http://news.example/feed.xml","maxArticles":10,"state":"DONE",
             "createdAt":"2026-11-29T09:00:00Z","finishedAt":"2026-11-29T09:00:04Z","error":null,"ok":2,
             "existingSourceId":null,"lines":[
              {"url":"http://news.example/a","status":"ok","title":"Harbour strike ends","published":"2026-11-29T08:00:00Z","bodyLength":2400,"error":null},
              {"url":"http://news.example/b","status":"ok","title":"Ferry timetable","published":null,"bodyLength":900,"error":null},
              {"url":"http://news.example/c","status":"error","title":null,"published":null,"bodyLength":0,"error":"HTTP 404 from news.example"}]}""";

    /** A trial (41) still running, whose one line so far has a hostile title. */
    private static final String TRIAL_RUNNING = """
            {"id":41,"url":"http://news.example/feed.xml","maxArticles":10,"state":"RUNNING",
             "createdAt":"2026-11-29T09:00:00Z","finishedAt":null,"error":null,"ok":1,"existingSourceId":1,"lines":[
              {"url":"http://news.example/x","status":"ok","title":"<script>alert(1)</script>","published":null,"bodyLength":700,"error":null}]}""";

    /** Sources: two (one failing); adding a URL containing "bad" is refused naming the url field. */
    private void sources(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (method + " " + path) {
            case "GET /api/sources" -> respond(exchange, 200, "[" + SOURCE_OK + "," + SOURCE_FAILING + "]");
            case "GET /api/sources/1" -> respond(exchange, 200, SOURCE_OK);
            case "GET /api/sources/opml" -> {
                byte[] opml =
                        "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline text=\"The Harbour Ledger\" xmlUrl=\"http://news.example/feed.xml\"/></body></opml>"
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/x-opml");
                exchange.sendResponseHeaders(200, opml.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(opml);
                }
            }
            case "POST /api/sources/opml" -> {
                SOURCE_WRITES.add("OPML " + body);
                respond(exchange, 200, """
                        {"added":1,"existing":1,"errors":[{"line":4,"xmlUrl":"ftp://x","reason":"not an http URL"}]}""");
            }
            case "POST /api/sources" -> {
                if (body.contains("bad")) {
                    respond(exchange, 400, """
                            {"status":400,"detail":"url: must be an absolute http or https URL",
                             "errors":[{"field":"url","reason":"must be an absolute http or https URL, got 'bad'"}]}""");
                } else {
                    SOURCE_WRITES.add("POST " + body);
                    respond(exchange, 201, SOURCE_OK);
                }
            }
            case "POST /api/sources/trials" -> {
                SOURCE_WRITES.add("TRIAL " + body);
                respond(exchange, 202, TRIAL_DONE);
            }
            case "GET /api/sources/trials/42" -> respond(exchange, 200, TRIAL_DONE);
            case "GET /api/sources/trials/41" -> respond(exchange, 200, TRIAL_RUNNING);
            case "PATCH /api/sources/1" -> {
                if (body.contains("\"pollIntervalSeconds\":5,")) {
                    respond(exchange, 400, """
                            {"status":400,"detail":"pollIntervalSeconds: must be between 60 and 86400",
                             "errors":[{"field":"pollIntervalSeconds","reason":"must be between 60 and 86400"}]}""");
                } else {
                    SOURCE_WRITES.add("PATCH " + body);
                    respond(exchange, 200, SOURCE_OK);
                }
            }
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    /** Stories: one multi-source story (11) of three articles. */
    private void stories(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String story = """
                {"id":11,"headline":"Harbour cranes idle as strike enters week two","firstSeen":"2026-11-28T07:00:00Z",
                 "lastSeen":"2026-11-29T08:30:00Z","articles":3,"sources":2}""";
        switch (path) {
            case "/api/stories" ->
                respond(exchange, 200, "{\"items\":[" + story + "],\"page\":0,\"size\":6,\"total\":1}");
            case "/api/stories/11" -> respond(exchange, 200, "{\"story\":" + story + """
                    ,"articles":[
                      {"id":8,"url":"http://quay.example/b","title":"Dockers walk out","sourceId":2,"sourceName":"Quay Weekly",
                       "publishedAt":"2026-11-28T07:00:00Z","fetchedAt":"2026-11-28T07:05:00Z","language":"en","state":"ENRICHED"},
                      {"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two","sourceId":1,
                       "sourceName":"The Harbour Ledger","publishedAt":"2026-11-29T08:30:00Z","fetchedAt":"2026-11-29T09:00:00Z",
                       "language":"en","state":"ENRICHED"},
                      {"id":12,"url":"http://quay.example/c","title":"Dockers walk out (update)","sourceId":2,"sourceName":"Quay Weekly",
                       "publishedAt":"2026-11-29T09:00:00Z","fetchedAt":"2026-11-29T09:05:00Z","language":"en","state":"ENRICHED"}],
                     "sources":["Quay Weekly","The Harbour Ledger"],
                     "entities":[{"id":21,"type":"PERSON","name":"Mara Quinn","articles":3}]}""");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    /** Entities: Mara Quinn (21) is found by name; other names are unknown. */
    private void entities(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String raw = exchange.getRequestURI().getRawQuery();
        String query = raw == null ? "" : java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        switch (path) {
            case "/api/entities" ->
                respond(
                        exchange,
                        200,
                        query.contains("Mara Quinn")
                                ? "{\"items\":[{\"id\":21,\"type\":\"PERSON\",\"name\":\"Mara Quinn\",\"articles\":3}],\"page\":0,\"size\":20,\"total\":1}"
                                : "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}");
            case "/api/entities/21" -> respond(exchange, 200, """
                    {"id":21,"type":"PERSON","name":"Mara Quinn","articles":3,"firstSeen":"2026-11-27T07:00:00Z",
                     "lastSeen":"2026-11-29T08:30:00Z","writtenAs":["Mara Quinn","M. Quinn"],
                     "timeline":[{"day":"2026-11-27","articles":1,"tone":0.5},{"day":"2026-11-28","articles":0,"tone":null},{"day":"2026-11-29","articles":2,"tone":-0.4}],
                     "cooccurring":[{"id":22,"type":"ORGANIZATION","name":"Harbour Board","articles":2}],
                     "latest":[{"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two",
                       "sourceId":1,"sourceName":"The Harbour Ledger","publishedAt":"2026-11-29T08:30:00Z",
                       "fetchedAt":"2026-11-29T09:00:00Z","language":"en","state":"ENRICHED"}]}""");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

    /**
     * Search: a valid query finds one article; "(broken" is refused at position 0; a query containing
     * "hostile" returns a highlight with a live tag in it; status and reindex answer for the admin page.
     */
    private void search(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/search/status")) {
            respond(exchange, 200, """
                    {"ready":true,"rebuilding":false,"indexedSeq":40,"databaseSeq":40,"documents":40,"pending":0}""");
            return;
        }
        if (path.equals("/api/search/reindex")) {
            SOURCE_WRITES.add("REINDEX");
            respond(exchange, 202, """
                    {"ready":false,"rebuilding":true,"indexedSeq":0,"databaseSeq":40,"documents":0,"pending":40}""");
            return;
        }
        String raw = exchange.getRequestURI().getRawQuery();
        String query = raw == null ? "" : java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (!path.endsWith("/validate")) {
            SEARCHES.add(query);
        }
        if (query.contains("hostile") && !path.endsWith("/validate")) {
            respond(exchange, 200, """
                    {"total":1,"page":0,"size":25,"parsed":"hostile","interval":"day","tookMs":1,
                     "hits":[{"id":66,"url":"http://news.example/h","title":"x",
                       "titleHighlighted":"<mark>hostile</mark><img src=x onerror=alert(7)>",
                       "snippet":"<script>alert(8)</script><mark>hostile</mark>",
                       "published":"2026-11-29T08:30:00Z","source":"Evil","language":"en","score":1.0}],
                     "facets":{},"histogram":[]}""");
            return;
        }
        if (exchange.getRequestURI().getPath().equals("/api/search/validate")) {
            respond(
                    exchange,
                    200,
                    query.contains("(broken")
                            ? "{\"valid\":false,\"error\":\"unbalanced parenthesis at 0: it is never closed\",\"position\":0}"
                            : "{\"valid\":true,\"parsed\":\"strike\"}");
            return;
        }
        respond(exchange, 200, """
                {"total":1,"page":0,"size":25,"parsed":"(strike AND harbour)","interval":"day","tookMs":3,
                 "hits":[{"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two",
                   "titleHighlighted":"<mark>Harbour</mark> cranes idle as <mark>strike</mark> enters week two",
                   "snippet":"Crane operators are on <mark>strike</mark> &lt;again&gt;.",
                   "published":"2026-11-29T08:30:00Z","source":"The Harbour Ledger","language":"en","score":1.5}],
                 "facets":{"sources":[{"value":"The Harbour Ledger","count":1}],"countries":[{"value":"GB","count":1}],
                   "persons":[{"value":"Mara Quinn","count":4}],"organizations":[{"value":"Harbour Board","count":1}],"places":[],"languages":[{"value":"en","count":1}],"categories":[]},
                 "histogram":[{"start":"2026-11-27T00:00:00Z","count":3},{"start":"2026-11-28T00:00:00Z","count":0},
                   {"start":"2026-11-29T00:00:00Z","count":1}]}""");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
