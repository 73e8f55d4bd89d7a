package io.newsmon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsmon.extract.ExtractedArticle;
import io.newsmon.extract.PageFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon extract}: the extractor on files, without the platform running.
 *
 * <pre>
 *   extract FILE                         one JSON object (.html, .htm, .html.gz or .txt)
 *   extract --input DIR --output OUT.json  every *.html / *.html.gz in DIR, keyed by file name
 * </pre>
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extracts the article from a page and prints it as JSON: title, dates, section, authors, articleBody,"
                    + " language, image, canonical URL, credit.",
            "A .txt file is the visible text of a page (as a browser's 'save as text' gives it).",
            "With --input and --output: every *.html / *.html.gz page of a folder into one JSON file keyed by page id"
                    + " (the format extract-score reads)."
        })
final class ExtractCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a page: .html, .htm, .html.gz or .txt")
    Path file;

    @Option(names = "--input", paramLabel = "DIR", description = "a folder of pages (with --output)")
    Path input;

    @Option(names = "--output", paramLabel = "OUT.json", description = "where the folder's extractions go")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (file != null && input == null && output == null) {
            out.println(JSON.writeValueAsString(single(PageFiles.extract(Usage.existingFile(spec, file, "a page")))));
            return 0;
        }
        if (file != null || input == null || output == null) {
            throw new ParameterException(spec.commandLine(), "give FILE, or --input DIR and --output OUT.json");
        }
        if (!Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a directory");
        }
        Map<String, Object> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.filter(PageFiles::isHtml).sorted().toList()) {
                all.put(PageFiles.pageId(f), batchEntry(PageFiles.extract(f)));
            }
        }
        JSON.writeValue(output.toFile(), all);
        spec.commandLine()
                .getErr()
                .println("extract: " + all.size() + " pages from " + input + " written to " + output);
        return 0;
    }

    static Map<String, Object> single(ExtractedArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", a.title());
        m.put("published", iso(a.published()));
        m.put("modified", iso(a.modified()));
        m.put("section", a.section());
        m.put("authors", a.authors());
        m.put("articleBody", a.body());
        m.put("language", a.language());
        m.put("image", a.image());
        m.put("canonicalUrl", a.canonicalUrl());
        m.put("imageCaption", a.imageCaption());
        m.put("credit", a.credit());
        m.put("siteName", a.siteName());
        m.put("description", a.description());
        if (a.problem() != null) {
            m.put("problem", a.problem());
        }
        return m;
    }

    static Map<String, Object> batchEntry(ExtractedArticle a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articleBody", a.body() == null ? "" : a.body());
        m.put("title", a.title());
        m.put("published", iso(a.published()));
        m.put("authors", a.authors() == null ? List.of() : a.authors());
        m.put("language", a.language());
        return m;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
