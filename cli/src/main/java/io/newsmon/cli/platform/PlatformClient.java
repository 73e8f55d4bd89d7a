package io.newsmon.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.cli.CommandFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The running platform's api as the command line calls it: a password-grant token from the platform's Keycloak
 * (client {@code newsmon-cli}, local development only), renewed before it expires, and requests that turn every
 * way of failing into one clear {@link CommandFailure}: 1 when the platform refused or did not answer, 2 when the
 * api refused what the user gave (HTTP 400).
 *
 * <p>Settings, from the environment: {@code NEWSMON_API_URL} (default {@value #DEFAULT_API_URL}), {@code
 * NEWSMON_OIDC_URL} (the realm, default {@value #DEFAULT_OIDC_URL}), {@code NEWSMON_USER} and {@code
 * NEWSMON_PASSWORD} (default: the demo user each verb names).
 */
public final class PlatformClient {

    public static final String DEFAULT_API_URL = "http://127.0.0.1:8081";
    public static final String DEFAULT_OIDC_URL = "http://127.0.0.1:8180/realms/newsmon";
    static final String CLIENT_ID = "newsmon-cli";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_DETAIL_CHARS = 500;

    private final String api;
    private final String oidc;
    private final String user;
    private final String password;
    private final String role;
    private final HttpClient http;
    private String token;
    private long renewAt;

    /** The answer of the api: its HTTP status and body. */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private PlatformClient(String api, String oidc, String user, String password, String role) {
        this.api = stripSlash(api);
        this.oidc = stripSlash(oidc);
        this.user = user;
        this.password = password;
        this.role = role;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * A client with the settings of {@code env}; it logs in as NEWSMON_USER / NEWSMON_PASSWORD, else as the verb's
     * demo user. {@code role} names what the verb needs, for the message when the api refuses the user.
     */
    public static PlatformClient from(Map<String, String> env, String defaultUser, String role) {
        return new PlatformClient(
                setting(env, "NEWSMON_API_URL", DEFAULT_API_URL),
                setting(env, "NEWSMON_OIDC_URL", DEFAULT_OIDC_URL),
                setting(env, "NEWSMON_USER", defaultUser),
                setting(env, "NEWSMON_PASSWORD", defaultUser),
                role);
    }

    private static String setting(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String apiUrl() {
        return api;
    }

    /**
     * A token for the user: the one in hand while it has more than a little life left, else a new login.
     * Keycloak's tokens live 5 minutes here, and an import may wait 15 for its articles.
     */
    public synchronized String token() {
        if (token != null && System.nanoTime() - renewAt < 0) {
            return token;
        }
        String form =
                form(Map.of("grant_type", "password", "client_id", CLIENT_ID, "username", user, "password", password));
        String url = oidc + "/protocol/openid-connect/token";
        HttpRequest request = HttpRequest.newBuilder(uri(url))
                .timeout(LOGIN_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure(
                    1, "Keycloak did not answer at " + oidc + " (is the platform up? ./newsmon status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(1, "interrupted while logging in", e);
        }
        JsonNode answer = parse(response.body());
        String access = answer == null ? null : answer.path("access_token").asText(null);
        if (access == null || access.isBlank()) {
            String why = answer == null
                    ? "HTTP " + response.statusCode() + ": " + shorten(response.body())
                    : answer.path("error_description")
                            .asText(answer.path("error").asText(shorten(response.body())));
            throw new CommandFailure(
                    1,
                    "login as '" + user + "' at " + oidc + " failed: " + why
                            + " (NEWSMON_USER and NEWSMON_PASSWORD name the user)");
        }
        long lifeNanos = Duration.ofSeconds(
                        Math.max(1, answer.path("expires_in").asLong(60)))
                .toNanos();
        long margin = Duration.ofSeconds(30).toNanos();
        // renewed 30 s before it ends, or at half its life when that is shorter than a minute
        token = access;
        renewAt = sent + (lifeNanos > 2 * margin ? lifeNanos - margin : lifeNanos / 2);
        return token;
    }

    /** GET {@code path} with {@code query}; an unreachable api is a failure, any HTTP answer is returned. */
    public Answer get(String path, Map<String, String> query, Duration timeout) {
        return send(HttpRequest.newBuilder(uri(api + path + queryString(query)))
                .timeout(timeout)
                .GET());
    }

    /** POST {@code body} (no body when null) to {@code path} with {@code query}; no timeout when null. */
    public Answer post(
            String path,
            Map<String, String> query,
            HttpRequest.BodyPublisher body,
            String contentType,
            Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(api + path + queryString(query)))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return send(b);
    }

    private Answer send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token()).header("Accept", "application/json");
        try {
            HttpResponse<String> r =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new CommandFailure(
                    1, "the api at " + api + " did not answer in time (is the platform up? ./newsmon status)", e);
        } catch (InterruptedIOException e) {
            throw new CommandFailure(1, "interrupted while waiting for the api", e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw unreachable(e);
            }
            throw new CommandFailure(
                    1,
                    "the api at " + api + " broke off the request (" + describe(e)
                            + "; is the platform up? ./newsmon status)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(1, "interrupted while waiting for the api", e);
        }
    }

    private CommandFailure unreachable(IOException e) {
        return new CommandFailure(1, "the api at " + api + " did not answer (is the platform up? ./newsmon status)", e);
    }

    /**
     * The answer's JSON when the api did {@code what}; otherwise the failure that says why not: the api's own
     * words for a refused input (exit 2), the user and the role needed for 401 and 403, the status and detail
     * for the rest (exit 1).
     */
    public JsonNode expect(Answer answer, String what) {
        if (answer.ok()) {
            JsonNode json = parse(answer.body());
            if (json == null) {
                throw new CommandFailure(
                        1, "the api at " + api + " answered " + what + " with no JSON: " + shorten(answer.body()));
            }
            return json;
        }
        throw refused(answer, what);
    }

    /** The failure for an answer that is not a success (see {@link #expect}). */
    public CommandFailure refused(Answer answer, String what) {
        String detail = detail(answer);
        return switch (answer.status()) {
            case 400 -> new CommandFailure(2, detail);
            case 401 ->
                new CommandFailure(
                        1,
                        "the api at " + api + " did not accept the login of '" + user + "' (HTTP 401: " + detail + ")");
            case 403 ->
                new CommandFailure(
                        1,
                        "the api refused " + what + " to '" + user + "' (HTTP 403): it needs the " + role
                                + " role; log in as another user with NEWSMON_USER and NEWSMON_PASSWORD");
            default -> new CommandFailure(1, "the api refused " + what + " (HTTP " + answer.status() + "): " + detail);
        };
    }

    /** The problem's {@code detail} (RFC 9457), else its title, else the body as it came. */
    public static String detail(Answer answer) {
        JsonNode json = parse(answer.body());
        if (json != null && json.isObject()) {
            String detail = json.path("detail").asText("");
            if (!detail.isBlank()) {
                return detail;
            }
            String title = json.path("title").asText("");
            if (!title.isBlank()) {
                return title;
            }
        }
        String body = answer.body() == null ? "" : answer.body().strip();
        return body.isEmpty() ? "no detail" : shorten(body);
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return "?" + form(query);
    }

    private static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> {
            if (v != null) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(2, "not a URL: " + url + " (NEWSMON_API_URL, NEWSMON_OIDC_URL)", e);
        }
    }

    private static String stripSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String shorten(String s) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() > MAX_DETAIL_CHARS ? t.substring(0, MAX_DETAIL_CHARS) + "…" : t;
    }
}
