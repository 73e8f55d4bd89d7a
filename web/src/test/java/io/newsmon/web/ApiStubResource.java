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
