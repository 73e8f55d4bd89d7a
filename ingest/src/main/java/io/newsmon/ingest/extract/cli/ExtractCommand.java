package io.newsmon.ingest.extract.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsmon.ingest.extract.ArticleExtractor;
import io.newsmon.ingest.extract.ExtractedArticle;
import io.newsmon.ingest.extract.TextDumpExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * {@code ./newsmon extract}: the extractor on files, without the platform running.
 *
 * <pre>
 *   extract FILE                         one JSON object (.html, .htm, .html.gz or .txt)
 *   extract --input DIR --output OUT.json  every *.html / *.html.gz in DIR, keyed by file name
 * </pre>
 */
public final class ExtractCommand {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExtractCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && !args[0].startsWith("--")) {
                out.println(JSON.writeValueAsString(single(extractFile(Path.of(args[0])))));
                return 0;
            }
            if (args.length == 4 && args[0].equals("--input") && args[2].equals("--output")) {
                Path dir = Path.of(args[1]);
                if (!Files.isDirectory(dir)) {
                    err.println("extract: --input " + dir + " is not a directory");
                    return 2;
                }
                Map<String, Object> all = new TreeMap<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(ExtractCommand::isHtml).sorted().toList()) {
                        all.put(pageId(f), batchEntry(extractFile(f)));
                    }
                }
                JSON.writeValue(Path.of(args[3]).toFile(), all);
                err.println("extract: " + all.size() + " pages from " + dir + " written to " + args[3]);
                return 0;
            }
            err.println("usage: extract FILE | extract --input DIR --output OUT.json");
            return 2;
        } catch (IOException e) {
            err.println("extract: " + e.getMessage());
            return 1;
        }
    }

    static boolean isHtml(Path f) {
        String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz");
    }

    static String pageId(Path f) {
        return f.getFileName().toString().replaceFirst("(?i)\\.html?(\\.gz)?$", "");
    }

    static ExtractedArticle extractFile(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": no such file");
        }
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] bytes = read(f);
        if (name.endsWith(".txt")) {
            return new TextDumpExtractor().extract(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ArticleExtractor().extract(bytes, null, f.toUri().toString());
    }

    static byte[] read(Path f) throws IOException {
        if (!f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(f);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            // the same cap the extractor applies, so a gzip bomb cannot exhaust memory
            return in.readNBytes(64 * 1024 * 1024);
        }
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
