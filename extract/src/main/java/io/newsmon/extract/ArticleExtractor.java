package io.newsmon.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts a news article from its HTML page: metadata from the head (Open Graph, meta tags, JSON-LD),
 * the body by cleaning away page chrome ({@link PageCleaner}), scoring candidate containers
 * ({@link ContentScorer}) and rendering the winner as paragraphs ({@link BodyText}). A general method:
 * there are no per-site rules. Usable as a plain library; thread-safe.
 */
public class ArticleExtractor {

    /** Pages are cut here: no news article needs more, and parse time and memory grow with the input. */
    static final int MAX_INPUT_BYTES = 8 * 1024 * 1024;

    /** The time one page may take when none is given: ordinary pages take milliseconds. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    /** The problem of a page on which no article text was found. */
    public static final String NO_TEXT = "no article text found on the page";

    private final Duration budget;

    /** An extractor that gives each page {@link #DEFAULT_BUDGET}. */
    public ArticleExtractor() {
        this(DEFAULT_BUDGET);
    }

    /**
     * An extractor that gives up on a page after {@code budget}: the result is then empty, with a
     * {@link ExtractedArticle#problem()} that says so.
     */
    public ArticleExtractor(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the extraction budget must be positive, not " + budget);
        }
        this.budget = budget;
    }

    /**
     * Extracts from raw bytes, honouring a declared charset, else the page's BOM or {@code <meta>}, else
     * the charset its bytes look like ({@link CharsetSniffer}).
     * Never throws: an empty, binary, huge or broken input gives an empty or partial result whose
     * {@link ExtractedArticle#problem()} says why.
     */
    public ExtractedArticle extract(byte[] html, String declaredCharset, String baseUri) {
        if (html == null || html.length == 0) {
            return ExtractedArticle.failed("empty input");
        }
        if (looksBinary(html)) {
            return ExtractedArticle.failed("not an HTML page: the input is binary");
        }
        boolean cut = html.length > MAX_INPUT_BYTES;
        byte[] input = cut ? Arrays.copyOf(html, MAX_INPUT_BYTES) : html;
        ExtractedArticle result = guarded(() -> {
            try {
                String charset = CharsetSniffer.known(declaredCharset);
                if (charset == null) {
                    charset = CharsetSniffer.undeclaredCharset(input);
                }
                return extract(
                        Jsoup.parse(ExtractionBudget.checked(new ByteArrayInputStream(input)), charset, baseUri));
            } catch (IOException e) {
                // reading from a byte array only fails on an undecodable charset: fall back to UTF-8
                return extract(ExtractionBudget.parse(new String(input, StandardCharsets.UTF_8), baseUri));
            }
        });
        if (!cut) {
            return result;
        }
        if (!result.hasBody() && NO_TEXT.equals(result.problem())) {
            return result.withProblem("no article text in the first " + MAX_INPUT_BYTES
                    + " bytes, all that is read of a page (this one is " + html.length + " bytes)");
        }
        return result.problem() == null
                ? result.withProblem("input longer than " + MAX_INPUT_BYTES + " bytes: only its start was read")
                : result;
    }

    /** Extracts from a page already decoded to text. Never throws (see {@link #extract(byte[], String, String)}). */
    public ExtractedArticle extract(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return ExtractedArticle.failed("empty input");
        }
        String input = html.length() > MAX_INPUT_BYTES ? html.substring(0, MAX_INPUT_BYTES) : html;
        return guarded(() -> extract(ExtractionBudget.parse(input, baseUri == null ? "" : baseUri)));
    }

    private ExtractedArticle guarded(Supplier<ExtractedArticle> work) {
        try {
            return ExtractionBudget.within(budget, work);
        } catch (ExtractionBudget.Exceeded e) {
            return ExtractedArticle.failed(budgetSpent(budget));
        } catch (StackOverflowError e) {
            return ExtractedArticle.failed("the page is nested too deeply to read");
        } catch (RuntimeException e) {
            return ExtractedArticle.failed("extraction failed: " + e.getClass().getSimpleName());
        }
    }

    /** The problem of a page whose extraction ran out of time. */
    public static String budgetSpent(Duration budget) {
        return "extraction gave up: the page took longer than the " + budget.toMillis()
                + " ms budget for one page (newsmon.ingest.extract-budget)";
    }

    /**
     * NUL bytes or mostly control characters in the first kilobytes: an image, a PDF, an archive. Public for the
     * source reader (module sources), which refuses such a body before trying to read it as a feed or a page.
     */
    public static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return !isUtf16(bytes);
            }
            if (b < 0x09 || b > 0x0D && b < 0x20) {
                control++;
            }
        }
        return control > n / 10;
    }

    private static boolean isUtf16(byte[] b) {
        return b.length >= 2
                && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    private ExtractedArticle extract(Document doc) {
        // metadata first: cleaning removes headers, bylines and figures that it reads
        String title = PageMetadata.title(doc);
        List<String> authors = PageMetadata.authors(doc);
        Instant published = PageMetadata.published(doc);
        String caption = PageMetadata.imageCaption(doc);
        Element body = doc.body();
        String structured = StructuredData.articleBody(doc);
        Set<String> visible = structured == null ? Set.of() : Shingles.of(body.text());
        String noscript = noscriptHtml(body); // read before cleaning drops it; parsed only if the body is weak
        Element gallery = body.selectFirst(":has(> figure + figure + figure)") == null ? null : body.clone();
        String text = bodyText(body, title);
        text = preferStructured(text, structured, visible);
        // the fallback chain, for a page whose visible text is weak: its captions, its noscript, its JSON-LD
        if (isWeak(text) && gallery != null && PageCleaner.keepGalleryCaptions(gallery)) {
            text = stronger(text, bodyText(gallery, title));
        }
        if (isWeak(text)) {
            Element fallback = noscriptContent(noscript, doc.baseUri());
            text = stronger(text, fallback == null ? null : bodyText(fallback, title));
            text = stronger(text, structured);
        }
        boolean empty = text == null || text.isBlank();
        return new ExtractedArticle(
                title,
                empty ? null : text,
                authors,
                published,
                PageMetadata.modified(doc),
                PageMetadata.section(doc),
                Languages.declaredElseDetected(PageMetadata.language(doc), title, empty ? null : text),
                PageMetadata.canonical(doc),
                PageMetadata.description(doc),
                PageMetadata.image(doc),
                caption,
                PageMetadata.siteName(doc),
                null,
                empty ? NO_TEXT : null);
    }

    /** The article text found in {@code body} by cleaning, scoring and rendering; null when none stands out. */
    private static String bodyText(Element body, String title) {
        PageCleaner.clean(body);
        List<Element> content = ContentScorer.articleElements(body);
        return content.isEmpty() ? null : BodyText.render(content, title);
    }

    /**
     * What the page shows readers without scripts, parsed as a page of its own: lazy-loading sites put the
     * article there and leave the visible container empty until a script fills it. Null when the noscript
     * blocks hold little text (the usual tracking pixel or "enable JavaScript" line).
     */
    private static Element noscriptContent(String html, String baseUri) {
        if (html.length() < FALLBACK_TEXT) {
            return null;
        }
        Element parsed = ExtractionBudget.parse(html, baseUri).body();
        return PageText.textLength(parsed, FALLBACK_TEXT) < FALLBACK_TEXT ? null : parsed;
    }

    /** The markup of every {@code <noscript>} block of the page, in order. */
    private static String noscriptHtml(Element body) {
        StringBuilder html = new StringBuilder();
        for (Element ns : body.select("noscript")) {
            ExtractionBudget.check();
            html.append(ns.html()).append('\n');
        }
        return html.toString();
    }

    /** Shorter than this, a body found in the page is weak: the fallbacks are asked whether they have more. */
    static final int WEAK_TEXT = 250;

    /** The least text a fallback must offer to replace a weak body: two sentences. */
    static final int FALLBACK_TEXT = 120;

    private static boolean isWeak(String text) {
        return text == null || text.strip().length() < WEAK_TEXT;
    }

    /**
     * The fallback when it holds clearly more than the weak body found first (twice as long and at
     * least {@link #FALLBACK_TEXT} characters); else what was found.
     */
    static String stronger(String found, String fallback) {
        if (fallback == null || fallback.isBlank()) {
            return found;
        }
        int have = found == null ? 0 : found.strip().length();
        int offered = fallback.strip().length();
        return offered >= FALLBACK_TEXT && offered >= 2 * have ? fallback : found;
    }

    /**
     * The JSON-LD body wins when it agrees with the visible page (most of it is shown there) and the
     * DOM extraction missed a good part of it; otherwise the DOM's paragraphs are kept.
     */
    static String preferStructured(String dom, String structured, Set<String> visible) {
        if (structured == null || structured.length() < 200) {
            return dom;
        }
        Set<String> ld = Shingles.of(structured);
        if (Shingles.coverage(ld, visible) < 0.8) {
            return dom; // a teaser, or text the reader never sees
        }
        if (dom == null || Shingles.coverage(ld, Shingles.of(dom)) < 0.8) {
            return structured;
        }
        return dom;
    }
}
