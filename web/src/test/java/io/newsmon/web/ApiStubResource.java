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
        server.createContext("/api/sources", exchange -> respond(exchange, 500, "{\"status\":500}"));
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
            case "/api/articles/7" -> respond(exchange, 200, """
                    {"id":7,"url":"http://news.example/a","title":"Harbour cranes idle as strike enters week two",
                     "authors":["Mara Quinn"],"body":"First paragraph of the story.\\n\\nSecond paragraph <b>here</b>.",
                     "sourceId":1,"sourceName":"The Harbour Ledger","publishedAt":"2026-11-29T08:30:00Z",
                     "language":"en","state":"ENRICHED","attempts":0,"entities":[]}""");
            case "/api/articles/9" -> respond(exchange, 200, """
                    {"id":9,"url":"http://news.example/c","title":null,"authors":[],"body":null,
                     "publishedAt":null,"language":null,"state":"DISCOVERED","attempts":0,"entities":[]}""");
            default -> respond(exchange, 404, "{\"status\":404}");
        }
    }

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

    /** Search: a valid query finds one article; "(broken" is refused at position 0. */
    private void search(HttpExchange exchange) throws IOException {
        String query = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
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
                   "persons":[],"organizations":[],"places":[],"languages":[{"value":"en","count":1}],"categories":[]},
                 "histogram":[{"start":"2026-11-29T00:00:00Z","count":1}]}""");
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
