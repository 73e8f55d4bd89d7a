package io.newsmon.sources.fetch;

import java.net.URI;

/** A successful response: where it ended up after redirects, its declared type and its bytes. */
public record FetchedPage(URI uri, int status, String contentType, byte[] body, String etag, String lastModified) {

    /** A 304: the validators sent still match, there is no body. */
    public boolean notModified() {
        return status == 304;
    }

    /** The charset named in the Content-Type header, or null when the header names none. */
    public String declaredCharset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }
}
