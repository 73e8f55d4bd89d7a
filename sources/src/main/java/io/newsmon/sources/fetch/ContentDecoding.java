package io.newsmon.sources.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes a response's {@code Content-Encoding} (gzip, deflate, br, or a chain of them) with a limit on
 * the decoded size, so that a few kilobytes of decompression bomb cost at most {@code limit} bytes.
 */
final class ContentDecoding {

    private ContentDecoding() {}

    /** The encodings this fetcher asks for; anything else the server sends is refused by name. */
    static final String ACCEPTED = "gzip, deflate, br";

    static byte[] decode(byte[] body, String contentEncoding, long limit, String url) throws FetchException {
        if (contentEncoding == null || contentEncoding.isBlank() || body.length == 0) {
            return body;
        }
        List<String> codings = new ArrayList<>();
        for (String c : contentEncoding.split(",")) {
            String coding = c.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        // applied in the order listed, so undone in reverse
        Collections.reverse(codings);
        byte[] data = body;
        for (String coding : codings) {
            data = decodeOne(data, coding, limit, url);
        }
        return data;
    }

    private static byte[] decodeOne(byte[] data, String coding, long limit, String url) throws FetchException {
        try (InputStream in = open(data, coding, url)) {
            return readLimited(in, limit, coding, url);
        } catch (IOException e) {
            throw new FetchException("body could not be decoded as " + coding + " (" + reason(e) + "): " + url);
        }
    }

    private static InputStream open(byte[] data, String coding, String url) throws IOException, FetchException {
        ByteArrayInputStream raw = new ByteArrayInputStream(data);
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the header tells
            case "deflate" -> new InflaterInputStream(raw, new Inflater(!hasZlibHeader(data)));
            case "br" -> new BrotliInputStream(raw);
            default -> throw new FetchException("unsupported Content-Encoding '" + coding + "' from " + url);
        };
    }

    private static boolean hasZlibHeader(byte[] data) {
        return data.length >= 2 && (data[0] & 0x0f) == 8 && ((data[0] & 0xff) << 8 | (data[1] & 0xff)) % 31 == 0;
    }

    private static byte[] readLimited(InputStream in, long limit, String coding, String url)
            throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new FetchException("body larger than the " + limit + "-byte limit once decompressed (" + coding
                        + "); refusing a possible decompression bomb: " + url);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
