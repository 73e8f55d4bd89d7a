package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.Enrichment;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.extract.PageFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon enrich FILE}: what the platform makes of one page, without the platform. A page (.html,
 * .htm, .html.gz, or .txt: its visible text) is extracted first, as ingest does, so the teasers and menus
 * around the article are not read; the JSON that {@code extract} prints is taken as it is. Then the one
 * {@link Enricher} the nlp service uses gives language, entities, countries, keyphrases, categories, tone and
 * summary.
 */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = {
            "Enriches one article as the platform does and prints JSON: language, entities (text, type, canonical,"
                    + " count, tone), countries (most mentioned first), keyphrases, categories, tone, summary.",
            "A page (.html, .htm, .html.gz, or .txt with its visible text) is extracted first; the JSON of"
                    + " 'extract' is read as it is."
        })
final class EnrichCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a page (.html, .htm, .html.gz, .txt) or the JSON of 'extract'")
    Path file;

    @Override
    public Integer call() throws IOException {
        Usage.existingFile(spec, file, "a page or the JSON of 'extract'");
        String title;
        String body;
        String language;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            JsonNode n = ExtractCommand.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            title = n.path("title").asText("");
            body = n.path("articleBody").asText(n.path("body").asText(""));
            language = n.path("language").isTextual() ? n.path("language").asText() : null;
        } else {
            ExtractedArticle a = PageFiles.extract(file);
            if (a.body() == null || a.body().isBlank()) {
                spec.commandLine()
                        .getErr()
                        .println("enrich: " + file + ": no article found in the page"
                                + (a.problem() == null ? "" : " (" + a.problem() + ")"));
                return 1;
            }
            title = a.title();
            body = a.body();
            language = a.language();
        }
        Enrichment e = Enricher.standard().enrich(title, body, language);
        spec.commandLine().getOut().println(ExtractCommand.JSON.writeValueAsString(json(e)));
        return 0;
    }

    /** The enrichment with mentions grouped by entity, most mentioned first. */
    static ObjectNode json(Enrichment e) {
        ObjectNode out = ExtractCommand.JSON.createObjectNode();
        out.put("language", e.language());
        Map<String, List<Enrichment.Mention>> byEntity = new LinkedHashMap<>();
        for (Enrichment.Mention m : e.mentions()) {
            byEntity.computeIfAbsent(m.type() + ":" + m.key(), k -> new ArrayList<>())
                    .add(m);
        }
        ArrayNode entities = out.putArray("entities");
        byEntity.values().stream().sorted((a, b) -> b.size() - a.size()).forEach(group -> {
            Enrichment.Mention first = group.get(0);
            ObjectNode o = entities.addObject();
            o.put(
                    "text",
                    group.stream()
                            .map(Enrichment.Mention::text)
                            .reduce((a, b) -> b.length() > a.length() ? b : a)
                            .orElse(first.text()));
            o.put("type", first.type());
            o.put("canonical", first.canonical());
            o.put("count", group.size());
            o.put("tone", first.tone());
        });
        ArrayNode countries = out.putArray("countries");
        e.countries().keySet().forEach(countries::add);
        ArrayNode keyphrases = out.putArray("keyphrases");
        e.keyphrases().forEach(keyphrases::add);
        ArrayNode categories = out.putArray("categories");
        e.categories().forEach(categories::add);
        out.put("tone", e.tone());
        out.put("summary", e.summary());
        return out;
    }
}
