package io.newsmon.sources.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0, XML sitemaps (with Google News extensions) and sitemap
 * indexes with the JDK's StAX parser, DTDs and external entities off, and JSON Feed 1.x. Anything else
 * (an HTML page, other JSON, an empty body) is refused with a message that says what the document looked
 * like, so a source's error tells its owner what to fix.
 */
public class FeedParser {

    private static final XMLInputFactory XML = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    public Feed parse(byte[] body) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("not a feed: the response body is empty");
        }
        String head = sniff(body);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            throw new FeedParseException("not a feed: the URL serves an HTML page (look for its RSS or Atom link)");
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            return JsonFeedReader.read(body);
        }
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog
                }
                if (!r.isStartElement()) {
                    throw new FeedParseException("not a feed: the document has no root element");
                }
                return switch (r.getLocalName()) {
                    case "rss", "RDF" -> readRss(r);
                    case "feed" -> readAtom(r);
                    case "urlset", "sitemapindex" -> SitemapReader.read(r);
                    case "html" ->
                        throw new FeedParseException(
                                "not a feed: the URL serves an HTML page (look for its RSS or Atom link)");
                    default ->
                        throw new FeedParseException("not a feed: the root element is <" + r.getLocalName()
                                + ">, expected <rss>, <feed>, <urlset> or <sitemapindex>");
                };
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FeedParseException("malformed feed XML: " + e.getMessage().replaceAll("\\s+", " "), e);
        }
    }

    private static String sniff(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 512), java.nio.charset.StandardCharsets.UTF_8);
        return start.replace("\uFEFF", "").stripLeading().toLowerCase(java.util.Locale.ROOT);
    }

    private Feed readRss(XMLStreamReader r) throws XMLStreamException {
        String format = "rss".equals(r.getLocalName()) ? "rss" : "rss-1.0";
        String title = null;
        String link = null;
        List<FeedEntry> entries = new ArrayList<>();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("item".equals(name)) {
                    entries.add(readRssItem(r));
                } else if ("title".equals(name) && title == null) {
                    title = text(r);
                } else if ("link".equals(name) && link == null && noNamespace(r)) {
                    link = text(r);
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Feed(format, title, link, entries);
    }

    private FeedEntry readRssItem(XMLStreamReader r) throws XMLStreamException {
        String link = null;
        String guid = null;
        String title = null;
        String summary = null;
        String date = null;
        String author = null;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "link" -> link = text(r);
                    case "guid" -> {
                        String permalink = r.getAttributeValue(null, "isPermaLink");
                        String value = text(r);
                        if (!"false".equalsIgnoreCase(permalink)) {
                            guid = value;
                        }
                    }
                    case "title" -> title = text(r);
                    case "description" -> summary = text(r);
                    case "pubDate", "date" -> date = date == null ? text(r) : skip(r, date);
                    case "creator", "author" -> author = text(r);
                    default -> depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        String target = link != null && !link.isBlank() ? link : guid;
        return new FeedEntry(clean(target), clean(title), clean(summary), FeedDates.parse(date), clean(author));
    }

    private Feed readAtom(XMLStreamReader r) throws XMLStreamException {
        String title = null;
        String link = null;
        List<FeedEntry> entries = new ArrayList<>();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if ("entry".equals(name)) {
                    entries.add(readAtomEntry(r));
                } else if ("title".equals(name) && title == null) {
                    title = text(r);
                } else if ("link".equals(name)) {
                    String rel = r.getAttributeValue(null, "rel");
                    if (link == null && (rel == null || "alternate".equals(rel))) {
                        link = r.getAttributeValue(null, "href");
                    }
                    depth++;
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Feed("atom", clean(title), link, entries);
    }

    private FeedEntry readAtomEntry(XMLStreamReader r) throws XMLStreamException {
        String link = null;
        String title = null;
        String summary = null;
        String published = null;
        String updated = null;
        String author = null;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "link" -> {
                        String rel = r.getAttributeValue(null, "rel");
                        if (rel == null || "alternate".equals(rel)) {
                            link = r.getAttributeValue(null, "href");
                        }
                        depth++;
                    }
                    case "title" -> title = text(r);
                    case "summary" -> summary = text(r);
                    case "published" -> published = text(r);
                    case "updated" -> updated = text(r);
                    case "name" -> author = author == null ? text(r) : skip(r, author);
                    default -> depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new FeedEntry(
                clean(link),
                clean(title),
                clean(summary),
                FeedDates.parse(published != null ? published : updated),
                clean(author));
    }

    /** Reads an element's text, including the text of any child markup, and consumes its end tag. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                sb.append(r.getText());
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return sb.toString();
    }

    /** RSS channels often carry an {@code atom:link rel=self}; only the plain RSS link counts. */
    private static boolean noNamespace(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty();
    }

    private static String skip(XMLStreamReader r, String keep) throws XMLStreamException {
        text(r);
        return keep;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
