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
