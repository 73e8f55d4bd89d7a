package io.newsmon.cli.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.cli.Newsmon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keycloak's token endpoint and the api's paths on one local HTTP server (the JDK's), for the verbs that call a
 * running platform: each test answers the paths it needs and reads back the requests that came.
 */
public final class FakePlatform implements AutoCloseable {

    /** A request as it came: method, path, decoded query, headers that matter, and its body. */
    public record Request(
            String method,
            String path,
            Map<String, String> query,
            String authorization,
            String contentType,
            String contentLength,
            String transferEncoding,
            byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What a path answers. */
    public interface Handler {
        Reply handle(Request request);
    }

    public record Reply(int status, String contentType, String body) {

        public static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        public static Reply problem(int status, String body) {
            return new Reply(status, "application/problem+json", body);
        }
    }

    public static final String OIDC_PATH = "/realms/newsmon/protocol/openid-connect/token";

    private final HttpServer server;
    private final Map<String, Handler> handlers = new HashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger logins = new AtomicInteger();
    /** The token's life in seconds, as Keycloak's {@code expires_in} says it. */
    public volatile int tokenLife = 300;

    public FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        on(OIDC_PATH, r -> {
            int n = logins.incrementAndGet();
            Map<String, String> form = decode(r.text());
            if (!form.get("password").equals(form.get("username"))) {
                return new Reply(
                        401,
                        "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
            }
            return Reply.json("{\"access_token\":\"token-" + form.get("username") + "-" + n + "\",\"expires_in\":"
                    + tokenLife + ",\"token_type\":\"Bearer\"}");
        });
    }

    public FakePlatform on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The environment that points the command line here (and logs in as the verb's default user). */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSMON_API_URL", url());
        env.put("NEWSMON_OIDC_URL", url() + "/realms/newsmon");
        return env;
    }

    /** The requests to {@code path}. */
    public List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    decode(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Length"),
                    exchange.getRequestHeaders().getFirst("Transfer-Encoding"),
                    body);
            requests.add(request);
            Handler handler = handlers.get(request.path());
            Reply reply = handler == null
                    ? Reply.problem(404, "{\"status\":404,\"detail\":\"no such path " + request.path() + "\"}")
                    : handler.handle(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The outcome of one run of the command line. */
    public record Run(int exit, String out, String err) {}

    /** Runs the command line with {@code env}. */
    public static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Newsmon.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line against this platform. */
    public Run run(String... args) {
        return run(env(), args);
    }
}
