package io.newsmon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ./newsmon import} then {@code ./newsmon search --json} against the running platform: exact sets. */
class SearchE2ETest {

    private static final Path LAUNCHER = Path.of("..", "newsmon").toAbsolutePath();

    private record Run(int exit, String output) {}

    private static Run newsmon(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out + err);
    }

    @Test
    void importedArticlesAreFoundExactlyByTheQueryLanguage() throws Exception {
        // a made-up word only this run's articles contain
        String tag = "zx"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        Path file = Files.createTempFile("newsmon-search", ".jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        line(
                                tag,
                                1,
                                "Border talks",
                                "Officials of Pakistan and Iran, led by Jalil Abbas Jilani, discussed the border crossing "
                                        + tag + " on Monday.",
                                "2024-01-18T10:00:00Z"),
                        line(
                                tag,
                                2,
                                "Storm on the coast",
                                "A storm closed the " + tag + " crossing; the border stayed shut for two days.",
                                "2024-01-31T23:30:00Z"),
                        line(
                                tag,
                                3,
                                "Trade figures",
                                "Exports through " + tag + " grew in February, the ministry said.",
                                "2024-02-02T09:00:00Z")),
                StandardCharsets.UTF_8);
        Run imported = newsmon("import", file.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("\"imported\":3").contains("searchable");

        assertThat(urls(tag)).containsExactlyInAnyOrder(url(tag, 1), url(tag, 2), url(tag, 3));
        assertThat(urls(tag + " border -storm")).containsExactly(url(tag, 1));
        assertThat(urls(tag + " AND (storm OR exports)")).containsExactlyInAnyOrder(url(tag, 2), url(tag, 3));
        assertThat(urls("border NEAR/1 " + tag)).containsExactly(url(tag, 1));
        assertThat(urls("border NEAR/2 " + tag)).containsExactlyInAnyOrder(url(tag, 1), url(tag, 2));
        assertThat(urls(tag + " published:[2024-01-01 TO 2024-01-31]"))
                .containsExactlyInAnyOrder(url(tag, 1), url(tag, 2));
        assertThat(urls(tag + " source:\"e2e search\"")).hasSize(3);
        // entities and countries come from nlp's enrichment
        assertThat(urls(tag + " person:jilani")).containsExactly(url(tag, 1));
        assertThat(urls(tag + " country:PK")).containsExactly(url(tag, 1));
        assertThat(urls(tag + " -country:pakistan")).containsExactlyInAnyOrder(url(tag, 2), url(tag, 3));

        Run bad = newsmon("search", "--json", tag + " AND (storm OR");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.output()).contains("needs a term after it");
    }

    private static List<String> urls(String query) throws Exception {
        Run r = newsmon("search", "--json", query);
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode result = new ObjectMapper().readTree(r.output());
        List<String> urls = new ArrayList<>();
        result.path("hits").forEach(h -> urls.add(h.path("url").asText()));
        assertThat(result.path("total").asInt()).as(query).isEqualTo(urls.size());
        return urls;
    }

    private static String url(String tag, int n) {
        return "https://search.example/" + tag + "/" + n;
    }

    private static String line(String tag, int n, String title, String body, String published) {
        return "{\"url\":\"" + url(tag, n) + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"published\":\""
                + published + "\",\"source\":\"E2E search\",\"language\":\"en\"}";
    }
}
