package io.newsmon.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the article a page describes in its schema.org JSON-LD ({@code NewsArticle}, {@code BlogPosting}, …). */
final class StructuredData {

    /** Lenient: JSON-LD in the wild carries raw newlines in strings, trailing commas and comments. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private static final int MAX_NODES = 10_000;

    private StructuredData() {}

    /** The {@code articleBody} of the page's article object as plain text, or null. */
    static String articleBody(Document doc) {
        JsonNode article = article(doc);
        if (article == null || !article.path("articleBody").isTextual()) {
            return null;
        }
        String body = article.path("articleBody").asText();
        // some sites put HTML in it, or escaped entities
        if (body.contains("<") || body.contains("&")) {
            body = ExtractionBudget.parse(body, "").body().wholeText();
        }
        body = body.replace('\u00A0', ' ').strip();
        return body.isEmpty() ? null : body;
    }

    private static JsonNode article(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            ExtractionBudget.check();
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception malformed) {
                continue; // broken JSON-LD is common; the page still has its DOM
            }
            JsonNode found = findArticle(root);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Breadth-first over objects, arrays and {@code @graph}, bounded so a hostile document stays cheap. */
    private static JsonNode findArticle(JsonNode root) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        int seen = 0;
        while (!queue.isEmpty() && seen++ < MAX_NODES) {
            ExtractionBudget.check();
            JsonNode node = queue.poll();
            if (node == null) {
                continue;
            }
            if (node.isObject() && isArticleType(node.path("@type")) && node.has("articleBody")) {
                return node;
            }
            if (node.isContainerNode()) {
                node.forEach(queue::add);
            }
        }
        return null;
    }

    private static boolean isArticleType(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText("").toLowerCase(Locale.ROOT);
        return t.endsWith("article") || t.equals("blogposting") || t.equals("report") || t.equals("webpage");
    }
}
