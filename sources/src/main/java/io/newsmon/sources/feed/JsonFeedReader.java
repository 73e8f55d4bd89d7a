package io.newsmon.sources.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org); other JSON is refused with a message saying so. */
final class JsonFeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedReader() {}

    static Feed read(byte[] body) throws FeedParseException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new FeedParseException("not a feed: the URL serves malformed JSON");
        }
        if (root == null || !root.path("version").asText("").contains("jsonfeed.org")) {
            throw new FeedParseException("not a feed: the URL serves JSON that is not a JSON Feed");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String link = text(item, "url");
            if (link == null) {
                link = text(item, "external_url");
            }
            String summary = text(item, "summary");
            if (summary == null) {
                summary = text(item, "content_text");
            }
            String author = item.path("authors").path(0).path("name").asText(null);
            if (author == null) {
                author = item.path("author").path("name").asText(null);
            }
            entries.add(new FeedEntry(
                    link, text(item, "title"), summary, FeedDates.parse(text(item, "date_published")), author));
        }
        return new Feed("jsonfeed", text(root, "title"), text(root, "home_page_url"), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
