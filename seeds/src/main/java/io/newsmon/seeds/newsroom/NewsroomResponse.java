package io.newsmon.seeds.newsroom;

import java.nio.charset.StandardCharsets;

/** A rendered HTTP response of the demo newsroom: status, content type and UTF-8 text body. */
public record NewsroomResponse(int status, String contentType, String body) {

    static final String HTML = "text/html; charset=utf-8";
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";
    static final String SVG = "image/svg+xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    static NewsroomResponse ok(String contentType, String body) {
        return new NewsroomResponse(200, contentType, body);
    }

    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
