package io.newsmon.api.topic;

import io.newsmon.domain.dto.TopicMatchView;
import io.newsmon.domain.topic.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A topic's newest 50 matches as an Atom 1.0 feed (RFC 4287), for feed readers. */
@ApplicationScoped
public class AtomFeed {

    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final TopicService topics;
    private final String webUrl;

    public AtomFeed(
            TopicService topics,
            @ConfigProperty(name = "newsmon.web.url", defaultValue = "http://127.0.0.1:8080") String webUrl) {
        this.topics = topics;
        this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String of(Topic topic) {
        List<TopicMatchView> matches = topics.matchesOf(topic.id, 0, ENTRIES);
        Instant updated = matches.isEmpty() ? topic.updatedAt : matches.get(0).matchedAt();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "id", "urn:newsmon:topic:" + topic.id + ":" + topic.feedToken.substring(0, 8));
            element(w, "title", "newsmon: " + topic.name);
            element(w, "subtitle", topic.effectiveQuery());
            element(w, "updated", updated.toString());
            w.writeStartElement("author");
            element(w, "name", "newsmon");
            w.writeEndElement();
            for (TopicMatchView m : matches) {
                w.writeStartElement("entry");
                element(w, "id", "urn:newsmon:topic:" + topic.id + ":article:" + m.articleId());
                element(w, "title", m.title() == null ? m.url() : m.title());
                w.writeEmptyElement("link");
                w.writeAttribute("rel", "alternate");
                w.writeAttribute("href", m.url());
                w.writeEmptyElement("link");
                w.writeAttribute("rel", "related");
                w.writeAttribute("href", webUrl + "/articles/" + m.articleId());
                element(w, "updated", m.matchedAt().toString());
                if (m.published() != null) {
                    element(w, "published", m.published().toString());
                }
                if (m.source() != null) {
                    w.writeStartElement("author");
                    element(w, "name", m.source());
                    w.writeEndElement();
                }
                String summary = m.summary() == null ? "" : m.summary();
                if (m.matchedTerms() != null && !m.matchedTerms().isBlank()) {
                    summary = summary + (summary.isEmpty() ? "" : "\n") + "Matched: " + m.matchedTerms();
                }
                if (!summary.isEmpty()) {
                    element(w, "summary", summary);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Atom feed failed", e);
        }
        return out.toString();
    }

    /** Text content; characters XML 1.0 cannot carry (control characters in scraped text) are dropped. */
    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
        w.writeEndElement();
    }
}
