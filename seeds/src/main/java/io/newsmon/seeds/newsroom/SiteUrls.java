package io.newsmon.seeds.newsroom;

import java.net.URI;

/** The URL layout of the demo site, as site-relative paths and as absolute URLs under the running base URI. */
record SiteUrls(URI base) {

    SiteUrls {
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException("base URI must end with a slash: " + base);
        }
    }

    /** Resolves a site-relative path ("/feed.xml") against the base URI the server actually listens on. */
    String absolute(String path) {
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }

    static String section(String section) {
        return "/section/" + section;
    }

    static String sectionFeed(String section) {
        return "/section/" + section + "/feed.xml";
    }

    static String author(String name) {
        return "/author/" + Markup.slug(name);
    }

    static String tag(String tag) {
        return "/tag/" + Markup.slug(tag);
    }

    static String image(NewsroomArticle article) {
        return "/img/" + article.slug() + ".svg";
    }
}
