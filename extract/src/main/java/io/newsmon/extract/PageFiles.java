package io.newsmon.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Saved pages on disk, as the command line and the benchmarks read them: .html, .htm, .html.gz or .txt. */
public final class PageFiles {

    /** The most a gzipped page is inflated to, so a gzip bomb cannot exhaust memory. */
    public static final int MAX_INFLATED_BYTES = 64 * 1024 * 1024;

    private PageFiles() {}

    /** Whether the file is an HTML page by its name (.html, .htm, .html.gz). */
    public static boolean isHtml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".html.gz");
    }

    /** The page's id: its file name without .html, .htm or .html.gz. */
    public static String pageId(Path f) {
        return f.getFileName().toString().replaceFirst("(?i)\\.html?(\\.gz)?$", "");
    }

    /** The file's bytes, inflated when it ends in .gz (at most {@link #MAX_INFLATED_BYTES}). */
    public static byte[] read(Path f) throws IOException {
        if (!f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(f);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readNBytes(MAX_INFLATED_BYTES);
        }
    }

    /** The article of a page file: a .txt file is a page's visible text, anything else its HTML. */
    public static ExtractedArticle extract(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": no such file");
        }
        byte[] bytes = read(f);
        if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
            return new TextDumpExtractor().extract(new String(bytes, StandardCharsets.UTF_8));
        }
        return new ArticleExtractor().extract(bytes, null, f.toUri().toString());
    }
}
