package io.newsmon.nlp.entities.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.nlp.entities.Entity;
import io.newsmon.nlp.entities.EntityRecognizer;
import io.newsmon.nlp.entities.Recognizers;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./newsmon entities --input IN.jsonl --output OUT.jsonl}: lines {@code {"id","text"[,"language"]}}
 * become {@code {"id","entities":[{"start","end","type","text"}]}}, offsets into {@code text}, end exclusive.
 * English unless a line says otherwise. A bad line gets {@code {"id", "error"}} and the rest go on.
 */
public final class EntitiesCommand {

    /** Longest text recognised; the rest of a longer one is not read (a clear error says so). */
    static final int MAX_TEXT = 1_000_000;

    public static void main(String[] args) throws IOException {
        String input = null;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = i + 1 < args.length ? args[++i] : null;
                case "--output" -> output = i + 1 < args.length ? args[++i] : null;
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (input == null) {
            usage("--input is required");
        }
        if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) {
            usage(input + ": no such file");
        }
        EntityRecognizer english = Recognizers.english();
        EntityRecognizer fallback = Recognizers.fallback();
        try (Reader r = input.equals("-")
                        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
                Writer w = output == null || output.equals("-")
                        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                        : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            run(new BufferedReader(r), w, english, fallback);
        }
    }

    static void run(BufferedReader in, Writer out, EntityRecognizer english, EntityRecognizer fallback)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        String line;
        long n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = json.createObjectNode();
            try {
                JsonNode node = json.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("line " + n + " is not a JSON object");
                }
                result.set("id", node.get("id"));
                JsonNode text = node.get("text");
                if (text == null || !text.isTextual()) {
                    throw new IllegalArgumentException("line " + n + " has no \"text\" string");
                }
                if (text.asText().length() > MAX_TEXT) {
                    throw new IllegalArgumentException(
                            "line " + n + ": text is longer than " + MAX_TEXT + " characters");
                }
                String language = node.path("language").asText("en").toLowerCase(Locale.ROOT);
                EntityRecognizer recognizer = language.equals("en") ? english : fallback;
                ArrayNode entities = result.putArray("entities");
                for (Entity e : recognizer.recognize(text.asText())) {
                    ObjectNode o = entities.addObject();
                    o.put("start", e.start());
                    o.put("end", e.end());
                    o.put("type", e.type());
                    o.put("text", e.text());
                }
            } catch (IOException | IllegalArgumentException e) {
                result.remove("entities");
                result.put("error", e instanceof IOException ? "line " + n + " is not valid JSON" : e.getMessage());
            } catch (RuntimeException e) {
                result.remove("entities");
                result.put("error", "line " + n + ": the recogniser failed: " + e);
            }
            out.write(json.writeValueAsString(result));
            out.write('\n');
        }
        out.flush();
    }

    private static void usage(String problem) {
        System.err.println("newsmon entities: " + problem);
        System.err.println("usage: ./newsmon entities --input IN.jsonl [--output OUT.jsonl]");
        System.exit(2);
    }
}
