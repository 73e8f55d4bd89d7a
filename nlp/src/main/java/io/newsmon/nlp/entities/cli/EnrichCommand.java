package io.newsmon.nlp.entities.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.language.LanguageDetector;
import io.newsmon.nlp.entities.Entity;
import io.newsmon.nlp.entities.EntityRecognizer;
import io.newsmon.nlp.entities.EntityResolver;
import io.newsmon.nlp.entities.Geotagger;
import io.newsmon.nlp.entities.Recognizers;
import io.newsmon.nlp.text.Categorizer;
import io.newsmon.nlp.text.Keyphrases;
import io.newsmon.nlp.text.Summarizer;
import io.newsmon.nlp.tone.ToneScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./newsmon enrich FILE}: one article (plain text, or the JSON {@code ./newsmon extract} prints, which
 * the launcher makes from an HTML page first) → one JSON object: language, entities (text, type, canonical,
 * count, tone), countries (most mentioned first), keyphrases, categories, tone and a three-sentence summary.
 */
public final class EnrichCommand {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            fail("usage: ./newsmon enrich FILE (.html, .txt, or the JSON of ./newsmon extract)");
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            fail(args[0] + ": no such file");
        }
        String title = "";
        String body;
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        if (raw.stripLeading().startsWith("{")) {
            JsonNode n = new ObjectMapper().readTree(raw);
            title = n.path("title").asText("");
            body = n.path("articleBody").asText(n.path("body").asText(""));
        } else {
            body = raw;
        }
        System.out.println(new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(enrich(
                        title,
                        body,
                        new LanguageDetector(),
                        Recognizers.english(),
                        Recognizers.fallback(),
                        ToneScorer.load())));
    }

    static ObjectNode enrich(
            String title,
            String body,
            LanguageDetector languages,
            EntityRecognizer english,
            EntityRecognizer fallback,
            ToneScorer tone) {
        String text = title.isBlank() ? body : title + "\n\n" + body;
        String language = languages.detect(text).orElse(null);
        boolean en = "en".equals(language);
        List<Entity> found = (en ? english : fallback).recognize(text);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("language", language);

        Map<String, List<EntityResolver.Resolved>> byEntity = new LinkedHashMap<>();
        for (EntityResolver.Resolved r : EntityResolver.resolve(found)) {
            byEntity.computeIfAbsent(r.mention().type() + ":" + r.key(), k -> new ArrayList<>())
                    .add(r);
        }
        ArrayNode entities = out.putArray("entities");
        byEntity.values().stream().sorted((a, b) -> b.size() - a.size()).forEach(group -> {
            EntityResolver.Resolved first = group.get(0);
            ObjectNode e = entities.addObject();
            e.put(
                    "text",
                    group.stream()
                            .map(r -> r.mention().text())
                            .reduce((a, b) -> b.length() > a.length() ? b : a)
                            .orElse(first.mention().text()));
            e.put("type", first.mention().type());
            e.put("canonical", first.canonical());
            e.put("count", group.size());
            List<int[]> spans = group.stream()
                    .map(r -> new int[] {r.mention().start(), r.mention().end()})
                    .toList();
            Double t = en ? tone.around(text, spans) : null;
            if (t == null) {
                e.putNull("tone");
            } else {
                e.put("tone", t);
            }
        });
        ArrayNode countries = out.putArray("countries");
        Geotagger.countries(found, text).keySet().forEach(countries::add);
        ArrayNode keyphrases = out.putArray("keyphrases");
        Keyphrases.of(title, body, 10, language).forEach(keyphrases::add);
        ArrayNode categories = out.putArray("categories");
        if (en) {
            Categorizer.standard().categorize(title, body).forEach(categories::add);
        }
        if (en) {
            out.put("tone", tone.text(text));
        } else {
            out.putNull("tone");
        }
        out.put("summary", String.join(" ", Summarizer.summary(body, 3, language)));
        return out;
    }

    private static void fail(String message) {
        System.err.println("newsmon enrich: " + message);
        System.exit(2);
    }
}
