package io.newsmon.api.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.domain.article.Article;
import io.newsmon.domain.pipeline.PipelineState;
import io.newsmon.domain.source.Source;
import io.newsmon.domain.source.SourceKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backfill: articles given as JSON lines ({@code url}, {@code title}, {@code body}, {@code published},
 * {@code source}, {@code language}) enter the pipeline as EXTRACTED, so nlp enriches them like any
 * fetched page. Known URLs are skipped; a bad line is reported with its number and never stops the rest.
 * Committed in chunks, so a large file neither holds one huge transaction nor loses what came before an
 * outage.
 */
@ApplicationScoped
public class ImportService {

    static final int CHUNK = 500;
    /** A chunk is also committed once its lines hold this many characters, so memory stays bounded. */
    static final long CHUNK_CHARS = 8_000_000;

    static final int MAX_REPORTED_ERRORS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an import did. */
    public record Report(int imported, int duplicates, int failed, List<LineError> errors) {}

    /** One line that could not be imported, and why. */
    public record LineError(long line, String reason) {}

    private record Row(
            long line, String url, String title, String body, Instant published, String source, String language) {}

    private final int maxLineLength;

    public ImportService(
            @ConfigProperty(name = "newsmon.imports.max-line-length", defaultValue = "4000000") int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /**
     * Reads {@code in} as it arrives (never the whole body at once): lines are parsed one by one and
     * committed every {@link #CHUNK} lines or {@link #CHUNK_CHARS} characters. A line longer than {@code
     * newsmon.imports.max-line-length} is skipped unread and reported.
     */
    public Report importJsonLines(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<LineError> errors = new ArrayList<>();
        int[] counts = new int[3]; // imported, duplicates, failed
        List<Row> chunk = new ArrayList<>();
        long chunkChars = 0;
        long lineNo = 0;
        StringBuilder buffer = new StringBuilder();
        while (true) {
            int read = readLine(reader, buffer);
            if (read == END) {
                break;
            }
            lineNo++;
            if (read == TOO_LONG) {
                fail(
                        counts,
                        errors,
                        lineNo,
                        "the line is longer than " + maxLineLength + " characters (newsmon.imports.max-line-length)");
                continue;
            }
            String line = buffer.toString();
            if (line.isBlank()) {
                continue;
            }
            try {
                chunk.add(parse(lineNo, line));
                chunkChars += line.length();
            } catch (IllegalArgumentException e) {
                fail(counts, errors, lineNo, e.getMessage());
            }
            if (chunk.size() >= CHUNK || chunkChars >= CHUNK_CHARS) {
                store(chunk, counts, errors);
                chunk.clear();
                chunkChars = 0;
            }
        }
        store(chunk, counts, errors);
        return new Report(counts[0], counts[1], counts[2], errors);
    }

    private static final int END = -1;
    private static final int TOO_LONG = -2;

    /**
     * The next line into {@code into} (without its end of line): its length, {@link #END} at the end of the
     * input, or {@link #TOO_LONG} when it passes the limit (the rest of it is read and dropped).
     */
    private int readLine(BufferedReader reader, StringBuilder into) throws IOException {
        into.setLength(0);
        boolean tooLong = false;
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (into.length() >= maxLineLength) {
                tooLong = true;
                into.setLength(0);
                continue;
            }
            into.append((char) c);
        }
        if (!any) {
            return END;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        if (into.length() > 0 && into.charAt(into.length() - 1) == '\r') {
            into.setLength(into.length() - 1);
        }
        return into.length();
    }

    private static Row parse(long lineNo, String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String url = text(n, "url");
        if (url == null) {
            throw new IllegalArgumentException("url is required");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + e.getReason());
        }
        if (url.length() > 2048) {
            throw new IllegalArgumentException("url is longer than 2048 characters");
        }
        String body = text(n, "body");
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        Instant published = null;
        String date = text(n, "published");
        if (date != null) {
            try {
                published = OffsetDateTime.parse(date).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    published = Instant.parse(date);
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException("published must be an ISO-8601 date-time, got '" + date + "'");
                }
            }
        }
        String language = text(n, "language");
        if (language != null && !language.toLowerCase(Locale.ROOT).matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("language must be an ISO 639 code such as 'en', got '" + language + "'");
        }
        return new Row(
                lineNo,
                url,
                text(n, "title"),
                body,
                published,
                text(n, "source"),
                language == null ? null : language.toLowerCase(Locale.ROOT));
    }

    private static void store(List<Row> rows, int[] counts, List<LineError> errors) {
        if (rows.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Source> sources = new HashMap<>();
            Instant now = Instant.now();
            for (Row row : rows) {
                if (Article.findByUrl(row.url()).isPresent()) {
                    counts[1]++;
                    continue;
                }
                Article a = new Article();
                a.url = row.url();
                a.title = row.title();
                a.body = row.body();
                a.publishedAt = row.published();
                a.language = row.language();
                a.discoveredAt = now;
                a.fetchedAt = now;
                a.state = PipelineState.EXTRACTED;
                a.source = row.source() == null ? null : sources.computeIfAbsent(row.source(), ImportService::source);
                a.persist();
                counts[0]++;
            }
        });
    }

    /** Imported sources are named, not polled: their URL is a marker and they stay disabled. */
    private static Source source(String name) {
        String marker = "import:" + name.strip().toLowerCase(Locale.ROOT);
        return Source.findByUrl(marker).orElseGet(() -> {
            Source s = new Source();
            s.url = marker.length() > 2048 ? marker.substring(0, 2048) : marker;
            s.name = name.length() > 300 ? name.substring(0, 300) : name;
            s.kind = SourceKind.IMPORT;
            s.enabled = false;
            s.createdAt = Instant.now();
            s.persist();
            return s;
        });
    }

    private static void fail(int[] counts, List<LineError> errors, long line, String reason) {
        counts[2]++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(new LineError(line, reason));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
