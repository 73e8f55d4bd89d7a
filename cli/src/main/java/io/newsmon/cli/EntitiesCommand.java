package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.enrich.entities.Entity;
import io.newsmon.enrich.entities.EntityRecognizer;
import io.newsmon.enrich.entities.Recognizers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon entities --input IN.jsonl --output OUT.jsonl}: lines {@code {"id","text"[,"language"]}}
 * become {@code {"id","entities":[{"start","end","type","text"}]}}, offsets into {@code text}, end exclusive.
 * English unless a line says otherwise. A bad line gets {@code {"id", "error"}} and the rest go on.
 */
@Command(
        name = "entities",
        mixinStandardHelpOptions = true,
        description = {
            "People, organisations and places in texts, one JSON line each: {\"id\",\"text\"[,\"language\"]} becomes"
                    + " {\"id\",\"entities\":[{\"start\",\"end\",\"type\",\"text\"}]}, offsets into text, end exclusive.",
            "English unless a line says otherwise. A bad line gets {\"id\",\"error\"} and the rest go on."
        })
final class EntitiesCommand implements Callable<Integer> {

    /** Longest text recognised; the rest of a longer one is not read (a clear error says so). */
    static final int MAX_TEXT = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN.jsonl", description = "the texts; - for stdin")
    String input;

    @Option(names = "--output", paramLabel = "OUT.jsonl", description = "where the results go (default: stdout)")
    String output;

    @Override
    public Integer call() throws IOException {
        if (!input.equals("-")) {
            Usage.existingFile(spec, Path.of(input), "JSON lines of {\"id\",\"text\"}");
        }
        EntityRecognizer english = Recognizers.english();
        EntityRecognizer fallback = Recognizers.fallback();
        try (Reader r = input.equals("-")
                        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
                Writer w = output == null || output.equals("-")
                        ? spec.commandLine().getOut()
                        : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            run(new BufferedReader(r), w, english, fallback);
        }
        return 0;
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
}
