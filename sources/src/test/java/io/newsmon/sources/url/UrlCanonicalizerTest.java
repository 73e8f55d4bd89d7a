package io.newsmon.sources.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void spellingsOfTheSameArticleBecomeOne() {
        String canonical = "https://news.example/world/story-1?id=7&page=2";
        assertThat(UrlCanonicalizer.canonical("HTTPS://News.Example:443/world/story-1?page=2&id=7#comments"))
                .contains(canonical);
        assertThat(UrlCanonicalizer.canonical(
                        "https://news.example/world/story-1?utm_source=rss&id=7&fbclid=abc&page=2&utm_medium=feed"))
                .contains(canonical);
        assertThat(UrlCanonicalizer.canonical("http://news.example:80")).contains("http://news.example/");
        assertThat(UrlCanonicalizer.canonical("http://news.example:8190/a")).contains("http://news.example:8190/a");
    }

    @Test
    void whatIsNotAnHttpUrlHasNoCanonicalForm() {
        assertThat(UrlCanonicalizer.canonical("mailto:desk@news.example")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("/relative/path")).isEmpty();
        assertThat(UrlCanonicalizer.canonical("http://bad host/")).isEmpty();
        assertThat(UrlCanonicalizer.canonical(null)).isEmpty();
    }
}
