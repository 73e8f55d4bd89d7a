package io.newsmon.cli.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.extract.ArticleExtractor;
import io.newsmon.extract.ExtractedArticle;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A web archive as the JSON lines that {@code POST /api/imports} takes, one {@code
 * {"url","title","body","published","source","language"}} a line; {@code newsmon import FILE.warc[.gz]} streams
 * them to the api as they come. Every {@code response} record with HTTP status 200 and an HTML type (or none) and
 * every {@code resource} record with an HTML type is a page; its payload, chunking and gzip/deflate
 * Content-Encoding undone (not Brotli: jwarc needs an optional decoder for it), goes to {@link ArticleExtractor}
 * with the HTTP charset as the declared one. Other records (requests, metadata, revisits, images, redirects,
 * errors) are skipped silently. Problems go to standard error, one line each naming the record, and a summary
 * line ends the run. A damaged record is reported and the rest is read as far as the file allows: a file cut
 * short keeps what came before the cut.
 */
public final class WarcToJsonl {

    /** Pages with a larger payload are skipped: no article needs more, and the extractor reads no further. */
    static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

    private static final int MAX_MESSAGE_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Writer out;
    private final PrintWriter err;
    private int records;
    private int pages;
    private int articles;
    private int skipped;
    private int errors;

    private WarcToJsonl(Writer out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Converts {@code file}, writing the JSON lines (UTF-8) to {@code out} and the report to {@code err}.
     * Returns 0 when the file could be read as a WARC, 2 when it is missing, unreadable or not a WARC (a line on
     * {@code err} says which). Throws when {@code out} cannot be written, which ends the conversion.
     */
    public static int run(Path file, OutputStream out, PrintWriter err) throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) {
            err.println(name + ": no such file");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println(name + ": not a file");
            return 2;
        }
        WarcReader reader;
        try {
            // a stream, not the file's channel: over a seekable channel jwarc skips a record by seeking, which
            // goes past the end of a file cut short without noticing it
            reader = new WarcReader(new BufferedInputStream(Files.newInputStream(file)));
        } catch (FileSystemException e) {
            err.println(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return 2;
        } catch (IOException e) {
            err.println(name + ": not a WARC file (" + describe(e) + ")");
            return 2;
        }
        Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        boolean warc;
        try {
            warc = new WarcToJsonl(lines, err).convert(name, reader);
            lines.flush();
        } catch (OutputFailed e) {
            closeQuietly(reader);
            throw e.getCause();
        } catch (IOException e) {
            closeQuietly(reader);
            throw e;
        }
        try {
            reader.close();
        } catch (IOException e) {
            err.println(name + ": " + describe(e));
            return 2;
        }
        return warc ? 0 : 2;
    }

    private static void closeQuietly(WarcReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // the conversion's own failure is the one to report
        }
    }

    /** Writing a line failed: the reader of the lines has gone, so the conversion stops. */
    private static final class OutputFailed extends RuntimeException {
        OutputFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Reads every record; false when the file cannot be read as a WARC at all. */
    private boolean convert(String name, WarcReader reader) {
        // accepts the deviations seen in the wild: bare LF line ends, the WARC/0.18 version line
        reader.setLenient(true);
        reader.onWarning(message -> err.println("warning after record " + records + ": " + shorten(message)));
        long offset = -1;
        while (true) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                if (records == 0) {
                    err.println(name + ": not a WARC file (" + describe(e) + ")");
                    return false;
                }
                errors++;
                String problem = e instanceof EOFException
                        ? "the file ends inside this record (" + describe(e) + ")"
                        : describe(e);
                if (reader.position() != offset) {
                    err.println("record " + (records + 1) + " at byte offset " + reader.position() + ": " + problem
                            + "; stopped reading");
                } else {
                    err.println("record " + records + " at byte offset " + offset + ": bad end of record: " + problem
                            + "; stopped reading");
                }
                break;
            }
            if (next.isEmpty()) {
                if (records == 0) {
                    err.println(name + ": not a WARC file (it holds no records)");
                    return false;
                }
                break;
            }
            records++;
            offset = reader.position();
            if (!convert(next.get(), records, offset)) {
                break;
            }
        }
        err.println(
                pages + " pages, " + articles + " articles written, " + skipped + " skipped, " + errors + " errors");
        return true;
    }

    /** Handles one record; false when the file ends inside it and reading must stop. */
    private boolean convert(WarcRecord record, int n, long offset) {
        String url = null;
        try {
            if (record instanceof WarcResponse response) {
                url = response.target();
                response(response, n, url);
            } else if (record instanceof WarcResource resource && isHtml(resource.contentType())) {
                url = resource.target();
                page(n, url, resource.body(), charset(resource.contentType()));
            } else {
                skip(record);
            }
            // read to its end here, so that a record the file cuts short is reported as this record
            record.body().consume();
            return true;
        } catch (OutputFailed e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            errors++;
            if (fileEndsInside(record)) {
                err.println(where(n, url, offset) + ": the file ends inside this record (" + describe(e)
                        + "); stopped reading");
                return false;
            }
            String kind = e instanceof ParsingException ? "malformed record: " : "";
            err.println(where(n, url, offset) + ": " + kind + describe(e));
            return true;
        }
    }

    /**
     * Whether the record's block runs past the end of the file. A payload can fail on its own (a broken
     * HTTP header, a damaged gzip body the server sent) while the record around it is whole: then the next
     * record is still there to read.
     */
    private static boolean fileEndsInside(WarcRecord record) {
        try {
            record.body().consume();
            return false;
        } catch (EOFException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // reading on fails too, and says why
        }
    }

    private void response(WarcResponse response, int n, String url) throws IOException {
        MediaType type = response.contentType();
        if (!"application".equals(type.type()) || !"http".equals(type.subtype())) {
            skip(response); // dns:, gemini: and other non-HTTP captures
            return;
        }
        HttpResponse http = response.http();
        Optional<String> contentType = http.headers().first("Content-Type");
        MediaType payloadType = contentType.map(MediaType::parseLeniently).orElse(null);
        if (http.status() != 200 || payloadType != null && !isHtml(payloadType)) {
            skip(response);
            return;
        }
        page(n, url, http.bodyDecoded(), payloadType == null ? null : charset(payloadType));
    }

    /** Not a page: read past it (so that a record cut short is an error, not a skip) and count it. */
    private void skip(WarcRecord record) throws IOException {
        record.body().consume();
        skipped++;
    }

    private void page(int n, String url, MessageBody payload, String charset) throws IOException {
        if (url == null || url.isBlank()) {
            throw new IOException("a page without WARC-Target-URI");
        }
        byte[] body = payload.stream().readNBytes(MAX_PAYLOAD_BYTES + 1);
        pages++;
        if (body.length > MAX_PAYLOAD_BYTES) {
            skipped++;
            err.println("record " + n + " (" + url + "): payload larger than 8 MiB, skipped");
            return;
        }
        ExtractedArticle a = extractor.extract(body, charset, url);
        if (!a.hasBody()) {
            skipped++;
            err.println("record " + n + " (" + url + "): no article text found");
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("url", url);
        line.put("title", a.title());
        line.put("body", a.body());
        if (a.published() != null) {
            line.put("published", a.published().toString());
        }
        String source = a.siteName() != null && !a.siteName().isBlank() ? a.siteName() : host(url);
        if (source != null) {
            line.put("source", source);
        }
        if (a.language() != null) {
            line.put("language", a.language());
        }
        String json = JSON.writeValueAsString(line);
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new OutputFailed(e);
        }
        articles++;
    }

    /** text/html, application/xhtml+xml (and its WAP variant). */
    static boolean isHtml(MediaType type) {
        String subtype = type.subtype() == null ? "" : type.subtype();
        return "text".equals(type.type()) && "html".equals(subtype)
                || "application".equals(type.type()) && subtype.endsWith("xhtml+xml");
    }

    private static String charset(MediaType type) {
        String charset = type.parameters().get("charset");
        return charset == null || charset.isBlank()
                ? null
                : charset.replace("\"", "").strip();
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String where(int n, String url, long offset) {
        return "record " + n + (url == null ? "" : " (" + url + ")") + " at byte offset " + offset;
    }

    private static String describe(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return e instanceof EOFException
                    ? "unexpected end of file"
                    : e.getClass().getSimpleName();
        }
        return shorten(e.getMessage().replaceAll("\\s+", " ").strip());
    }

    private static String shorten(String message) {
        return message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "…" : message;
    }
}
