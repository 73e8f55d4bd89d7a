package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Fragments.link;
import static io.newsmon.seeds.newsroom.Markup.escape;
import static java.util.stream.Collectors.joining;

/** The chrome every HTML page shares: head, cookie banner, masthead, navigation, ticker and footer. */
final class PageLayout {

    static final String SITE_NAME = "The Harbour Ledger";

    // Kept inline so that pages need no second request; extractors should ignore it like any site CSS.
    private static final String STYLE = """
        body{font-family:Georgia,serif;margin:0;color:#1b1b1b;background:#fafaf7}
        .site-header,.main-nav,.ticker,.site-footer{font-family:Helvetica,Arial,sans-serif}
        .site-header{padding:16px 24px;border-bottom:4px solid #0b3954}
        .logo{font-size:32px;font-weight:bold;color:#0b3954;text-decoration:none}
        .main-nav ul,.ticker ul,.site-footer ul{list-style:none;margin:0;padding:0;display:flex;gap:16px}
        .main-nav{padding:8px 24px;background:#0b3954}.main-nav a{color:#fff;text-decoration:none}
        .ticker{padding:6px 24px;background:#ffe8d6;font-size:14px;display:flex;gap:12px}
        .layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,1fr);gap:32px;padding:24px}
        .standfirst{font-size:20px;color:#444}.byline{font-size:14px;color:#555}
        figure{margin:0}figure img{max-width:100%;height:auto}figcaption{font-size:13px;color:#666}
        .newsletter-signup,.cookie-banner,.ad-slot{background:#eef3f7;padding:12px;border-radius:6px}
        .cookie-banner{position:fixed;bottom:0;left:0;right:0;z-index:10}
        .site-footer{padding:24px;background:#1b1b1b;color:#ddd}.site-footer a{color:#ddd}
        """;

    private static final String COOKIE_BANNER = """
        <div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
        <p>We use cookies to remember your preferences, measure our audience and show you relevant advertising. \
        You can change your choice at any time in our <a href="/privacy">privacy settings</a>.</p>
        <button type="button" class="cookie-accept">Accept all</button>
        <button type="button" class="cookie-reject">Reject non-essential</button>
        </div>
        """;

    private static final String FOOTER = """
        <footer class="site-footer">
        <nav aria-label="Footer">
        <ul>
        <li><a href="/about">About us</a></li>
        <li><a href="/contact">Contact</a></li>
        <li><a href="/privacy">Privacy</a></li>
        <li><a href="/terms">Terms of use</a></li>
        <li><a href="/sitemap.xml">Sitemap</a></li>
        <li><a href="/feed.xml">RSS feed</a></li>
        </ul>
        </nav>
        <p class="copyright">&copy; 2026 The Harbour Ledger. All rights reserved. A fictional newspaper; \
        every story, person and company in it is invented for software demonstrations.</p>
        </footer>
        """;

    private final NewsroomCatalog catalog;

    PageLayout(NewsroomCatalog catalog) {
        this.catalog = catalog;
    }

    /** What goes into {@code <head>}: the title without the site suffix, and any page-specific tags. */
    record Head(String lang, String title, String description, String canonical, String extra) {}

    String render(Head head, String bodyClass, String main) {
        return """
            <!DOCTYPE html>
            <html lang="%s">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s | %s</title>
            <meta name="description" content="%s">
            <link rel="canonical" href="%s">
            <link rel="alternate" type="application/rss+xml" title="%s" href="/feed.xml">
            <link rel="icon" href="/img/logo.svg" type="image/svg+xml">
            %s<style>
            %s</style>
            </head>
            <body class="%s">
            %s%s%s<main id="content" class="layout">
            %s</main>
            %s</body>
            </html>
            """.formatted(
                        escape(head.lang()),
                        escape(head.title()),
                        SITE_NAME,
                        escape(head.description()),
                        escape(head.canonical()),
                        SITE_NAME,
                        head.extra(),
                        STYLE,
                        escape(bodyClass),
                        COOKIE_BANNER,
                        masthead(),
                        ticker(),
                        main,
                        FOOTER);
    }

    private String masthead() {
        String sections = catalog.sections().stream()
                .map(section -> "<li>" + link(SiteUrls.section(section), Markup.label(section)) + "</li>\n")
                .collect(joining());
        return """
            <a class="skip-link" href="#content">Skip to content</a>
            <header class="site-header">
            <a class="logo" href="/" aria-label="%1$s home">%1$s</a>
            <p class="tagline">Independent reporting from every harbour since 1987</p>
            <div class="account"><a href="/about">Subscribe</a></div>
            </header>
            <nav class="main-nav" aria-label="Sections">
            <ul>
            <li><a href="/">Home</a></li>
            %2$s<li><a href="/feed.xml">RSS</a></li>
            </ul>
            </nav>
            """.formatted(SITE_NAME, sections);
    }

    private String ticker() {
        String latest = catalog.articles().stream()
                .limit(3)
                .map(article -> "<li>" + link(article.path(), article.title()) + "</li>\n")
                .collect(joining());
        return """
            <div class="ticker" aria-live="polite">
            <span class="ticker-label">Breaking</span>
            <ul>
            %s</ul>
            </div>
            """.formatted(latest);
    }
}
