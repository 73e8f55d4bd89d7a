package io.newsmon.api.source;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 2.0, the format feed readers exchange subscription lists in: every {@code <outline>} with an
 * {@code xmlUrl} is a feed, however deeply folders nest them. Read with DTDs and external entities off.
 */
final class Opml {

    /** One feed of an OPML file, with the line it was on for error messages. */
    record Outline(int line, String title, String xmlUrl, String language) {}

    /** The file is not OPML; the message names the line. */
    static final class OpmlException extends Exception {
        OpmlException(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory IN = newInput();

    private Opml() {}

    private static XMLInputFactory newInput() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    static List<Outline> read(InputStream in) throws OpmlException {
        List<Outline> outlines = new ArrayList<>();
        try {
            XMLStreamReader r = IN.createXMLStreamReader(in);
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // the prolog
                }
                if (!r.isStartElement() || !"opml".equals(r.getLocalName())) {
                    throw new OpmlException("not OPML: the root element is "
                            + (r.isStartElement() ? "<" + r.getLocalName() + ">" : "missing") + ", expected <opml>");
                }
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && "outline".equals(r.getLocalName())) {
                        String xmlUrl = attribute(r, "xmlUrl");
                        if (xmlUrl != null) {
                            String title = attribute(r, "title");
                            outlines.add(new Outline(
                                    r.getLocation().getLineNumber(),
                                    title != null ? title : attribute(r, "text"),
                                    xmlUrl,
                                    attribute(r, "language")));
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new OpmlException("malformed OPML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        return outlines;
    }

    private static String attribute(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static String write(String title, List<Outline> feeds) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            w.writeStartElement("title");
            w.writeCharacters(title);
            w.writeEndElement();
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            for (Outline o : feeds) {
                w.writeCharacters("\n    ");
                w.writeEmptyElement("outline");
                w.writeAttribute("type", "rss");
                w.writeAttribute("text", o.title() == null ? o.xmlUrl() : o.title());
                w.writeAttribute("title", o.title() == null ? o.xmlUrl() : o.title());
                w.writeAttribute("xmlUrl", o.xmlUrl());
                if (o.language() != null) {
                    w.writeAttribute("language", o.language());
                }
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing OPML failed", e);
        }
        return text.toString();
    }
}
