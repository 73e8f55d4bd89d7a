package io.newsmon.sources.feed;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML sitemaps (sitemaps.org) as a source: {@code <urlset>} entries, with the Google News extension's
 * title and publication date when present, or a {@code <sitemapindex>}'s child sitemaps.
 */
final class SitemapReader {

    private SitemapReader() {}

    /** Reads from the root element, which the reader is positioned on. */
    static Feed read(XMLStreamReader r) throws XMLStreamException {
        boolean index = r.getLocalName().equals("sitemapindex");
        List<FeedEntry> entries = new ArrayList<>();
        List<String> children = new ArrayList<>();
        String loc = null;
        String lastmod = null;
        String title = null;
        String published = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "url", "sitemap" -> {
                        loc = null;
                        lastmod = null;
                        title = null;
                        published = null;
                    }
                    case "loc" -> loc = FeedParser.text(r).strip();
                    case "lastmod" -> lastmod = FeedParser.text(r).strip();
                    case "title" -> title = FeedParser.text(r).strip();
                    case "publication_date" -> published = FeedParser.text(r).strip();
                    default -> {
                        // images, videos, alternates: not needed to find articles
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("url") && loc != null && !loc.isEmpty()) {
                    entries.add(new FeedEntry(
                            loc, title, null, FeedDates.parse(published != null ? published : lastmod), null));
                } else if (name.equals("sitemap") && loc != null && !loc.isEmpty()) {
                    children.add(loc);
                }
            }
        }
        return new Feed(index ? "sitemapindex" : "sitemap", null, null, entries, children);
    }
}
