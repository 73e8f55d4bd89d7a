package io.newsmon.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.cli.CommandFailure;
import io.newsmon.cli.Newsmon;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon search QUERY [--json] [--size N] [--sort relevance|date] [--stem]}: the running platform's
 * search ({@code GET /api/search}), page after page until {@code --size} hits or all of them are read.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Searches the running platform with the analyst query language (README: \"Searching\"), e.g."
                    + " 'iran NEAR/5 border -storm'. The words of QUERY are joined with spaces.",
            "Shows the 10 best hits with their snippets; --json prints {\"total\", \"hits\": [{\"id\",\"url\","
                    + "\"title\",\"published\",\"source\"}]} with every hit (at most 10000) unless --size says"
                    + " otherwise.",
            "A refused query exits with 2 and points at the problem. Logs in as NEWSMON_USER / NEWSMON_PASSWORD"
                    + " (default analyst / analyst) at NEWSMON_OIDC_URL; the api is NEWSMON_API_URL"
                    + " (default " + PlatformClient.DEFAULT_API_URL + ")."
        })
public final class SearchCommand implements Callable<Integer> {

    /** The largest page the api gives. */
    static final int MAX_PAGE = 1000;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SNIPPET_CHARS = 300;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Newsmon root;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "the query")
    List<String> words;

    @Option(names = "--json", description = "print the hits as one JSON object")
    boolean json;

    @Option(
            names = "--size",
            paramLabel = "N",
            description = "how many hits (default: 10; with --json, every hit up to 10000)")
    Integer size;

    @Option(
            names = "--sort",
            paramLabel = "relevance|date",
            defaultValue = "relevance",
            description = "best match first (default) or newest first")
    String sort;

    @Option(names = "--stem", description = "match English word forms in title and body (economists: economist)")
    boolean stem;

    @Override
    public Integer call() {
        String q = String.join(" ", words);
        if (q.isBlank()) {
            throw new ParameterException(spec.commandLine(), "give a query (see --help)");
        }
        if (size != null && size < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--size must be a positive whole number, got '" + size + "'");
        }
        String order = sort.strip().toLowerCase(Locale.ROOT);
        if (!order.equals("relevance") && !order.equals("date")) {
            throw new ParameterException(spec.commandLine(), "--sort must be relevance or date, got '" + sort + "'");
        }
        int want = size != null ? size : json ? 10_000 : 10;
        int per = Math.min(want, MAX_PAGE);
        PlatformClient api = PlatformClient.from(root.env(), "analyst", "analyst or admin");

        List<JsonNode> hits = new ArrayList<>();
        JsonNode first = null;
        for (int page = 0; ; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("q", q);
            query.put("size", Integer.toString(per));
            query.put("page", Integer.toString(page));
            query.put("sort", order);
            query.put("stem", Boolean.toString(stem));
            PlatformClient.Answer answer = api.get("/api/search", query, TIMEOUT);
            if (answer.status() == 400) {
                throw queryError(q, answer);
            }
            JsonNode result = api.expect(answer, "the search");
            if (first == null) {
                first = result;
            }
            int n = 0;
            for (JsonNode hit : result.path("hits")) {
                if (hits.size() < want) {
                    hits.add(hit);
                }
                n++;
            }
            if (n < per
                    || hits.size() >= want
                    || hits.size() >= result.path("total").asLong()) {
                break;
            }
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = PlatformClient.JSON.createObjectNode();
            o.set("total", first.path("total"));
            ArrayNode list = o.putArray("hits");
            for (JsonNode hit : hits) {
                ObjectNode h = list.addObject();
                for (String field : List.of("id", "url", "title", "published", "source")) {
                    h.set(field, hit.hasNonNull(field) ? hit.get(field) : null);
                }
            }
            out.println(o.toString());
        } else {
            out.println(first.path("total").asLong() + " articles match   (read as: "
                    + first.path("parsed").asText("") + ")");
            for (JsonNode hit : hits) {
                out.println();
                out.println(when(hit) + "  " + text(hit, "source", "-") + "  " + text(hit, "title", "(untitled)"));
                out.println("    " + hit.path("url").asText(""));
                out.println("    " + snippet(hit.path("snippet").asText("")));
            }
        }
        out.flush();
        return 0;
    }

    /** A query the api refused: its words, and a caret under the position it named; exit 2. */
    static CommandFailure queryError(String q, PlatformClient.Answer answer) {
        String detail = PlatformClient.detail(answer);
        if (detail.startsWith("q: ")) {
            detail = detail.substring(3);
        }
        JsonNode problem = PlatformClient.parse(answer.body());
        JsonNode position = problem == null ? null : problem.get("position");
        if (position != null && position.canConvertToInt() && position.asInt() >= 0) {
            detail += "\n  " + q + "\n  " + " ".repeat(Math.min(position.asInt(), q.length())) + "^";
        }
        return new CommandFailure(2, detail);
    }

    /** {@code 2024-01-18 10:00}, or {@code undated}. */
    private static String when(JsonNode hit) {
        String published = text(hit, "published", "undated");
        return (published.length() > 16 ? published.substring(0, 16) : published).replaceFirst("T", " ");
    }

    private static String text(JsonNode hit, String field, String otherwise) {
        JsonNode v = hit.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }

    /** The highlighted snippet as plain text: matches between stars, HTML entities undone, on one line. */
    static String snippet(String html) {
        String s = html.replaceAll("</?mark>", "*")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ");
        return s.codePointCount(0, s.length()) > SNIPPET_CHARS
                ? s.substring(0, s.offsetByCodePoints(0, SNIPPET_CHARS))
                : s;
    }
}
