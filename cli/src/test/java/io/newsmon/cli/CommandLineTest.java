package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: help for every verb, exit codes, and enrich reading the article only. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Newsmon.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyVerbAnswersHelpWithItsUsage() {
        List<String> verbs =
                new ArrayList<>(new CommandLine(new Newsmon()).getSubcommands().keySet());
        verbs.remove("help");
        assertThat(verbs)
                .contains(
                        "extract",
                        "extract-score",
                        "extract-bench",
                        "enrich",
                        "entities",
                        "entities-eval",
                        "enrich-bench",
                        "search",
                        "import",
                        "reindex",
                        "requeue",
                        "resend",
                        "crawl",
                        "crawl-bench");
        for (String verb : verbs) {
            assertThat(run(verb, "--help")).as(verb + " --help").isZero();
            assertThat(out()).as(verb + " --help").startsWith("Usage: newsmon " + verb);
        }
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("extract", "enrich-bench");
    }

    @Test
    void aWrongVerbOrAMissingFileIsAUsageErrorThatNamesIt() {
        assertThat(run("enrichh", "page.html")).isEqualTo(2);
        assertThat(err()).contains("Unmatched argument", "enrichh");
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("name a command");
        Path missing = dir.resolve("missing.html");
        assertThat(run("enrich", missing.toString())).isEqualTo(2);
        assertThat(err()).contains(missing + ": no such file");
        assertThat(run("extract")).isEqualTo(2);
        assertThat(err()).contains("give FILE, or --input DIR and --output OUT.json");
    }

    @Test
    void enrichExtractsAPageFirstSoTheTeasersAroundTheArticleAreNotRead() throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <!doctype html><html lang="en"><head><title>Dock strike in Rotterdam enters second week</title></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <main><article><h1>Dock strike in Rotterdam enters second week</h1>
                <p>Container ships queued outside Rotterdam on Monday as the strike by crane operators entered its
                second week. Union leaders said talks with the Port of Rotterdam Authority had stalled, and the
                Dutch economy ministry urged both sides to return to the table before exports suffer.</p>
                <p>Shipping lines have begun diverting vessels to Antwerp and Hamburg, according to the union,
                while farmers in the Netherlands warned that perishable cargo was already being lost.</p>
                <p>The strike began after the port authority proposed new shift patterns for its crane teams.</p>
                </article></main>
                <aside><h2>More in World</h2><ul>
                <li><a href="/a">Russian President Vladimir Putin accused Ukraine of attacks near Moscow</a></li>
                <li><a href="/b">Britain and Romania offered their support to Moldova</a></li>
                <li><a href="/c">Poland said on Thursday that new border checks would begin in Warsaw</a></li>
                </ul></aside></body></html>
                """, StandardCharsets.UTF_8);
        assertThat(run("enrich", page.toString())).as(err()).isZero();
        JsonNode json = ExtractCommand.JSON.readTree(out());
        assertThat(json.path("language").asText()).isEqualTo("en");
        List<String> countries = new ArrayList<>();
        json.path("countries").forEach(c -> countries.add(c.asText()));
        assertThat(countries).contains("NL").doesNotContain("RU", "UA", "GB", "RO", "MD", "PL");
        List<String> entities = new ArrayList<>();
        json.path("entities").forEach(e -> entities.add(e.path("text").asText()));
        assertThat(entities).contains("Rotterdam").doesNotContain("Vladimir Putin", "Moldova", "Warsaw");
    }

    @Test
    void theSeedPageGivesItsOwnCountriesNotTheTeasers() throws IOException {
        Path seed = Path.of("..", "..", "shared", "seeds", "000_fb85a5c55c639259.txt");
        assumeTrue(Files.isRegularFile(seed), "../shared/seeds is absent: the seed page check is skipped");
        assertThat(run("enrich", seed.toString())).as(err()).isZero();
        JsonNode json = ExtractCommand.JSON.readTree(out());
        List<String> countries = new ArrayList<>();
        json.path("countries").forEach(c -> countries.add(c.asText()));
        assertThat(countries).startsWith("PK", "IR").doesNotContain("RU", "UA", "PL", "RO", "MD", "GB");
        List<String> entities = new ArrayList<>();
        json.path("entities").forEach(e -> entities.add(e.path("canonical").asText()));
        assertThat(entities)
                .contains(
                        "Jalil Abbas Jilani",
                        "Hossein Amir Abdollahian",
                        "Ebrahim Raisi",
                        "Baloch Liberation Front",
                        "Jaish al Adl");
    }
}
