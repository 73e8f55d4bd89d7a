package io.newsmon.seeds.newsroom;

import static io.newsmon.seeds.newsroom.Markup.escape;

import java.util.Map;

/** Generates the small SVG placeholders used as lead images and as the site logo. */
final class LeadImages {

    /** The two gradient colours of a section's pictures. */
    private record Palette(String from, String to) {}

    private static final Map<String, Palette> PALETTES = Map.of(
            "world", new Palette("#0b3954", "#3a7ca5"),
            "business", new Palette("#6b3e1f", "#d08c3a"),
            "science", new Palette("#1f5641", "#52b788"));

    private static final String LOGO = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
        <title>The Harbour Ledger</title>
        <rect width="64" height="64" rx="10" fill="#0b3954"/>
        <text x="32" y="44" text-anchor="middle" font-family="Georgia, serif" font-size="34" fill="#ffffff">HL</text>
        </svg>
        """;

    private LeadImages() {}

    static String forArticle(NewsroomArticle article) {
        Palette palette = PALETTES.getOrDefault(article.section(), PALETTES.get("world"));
        int seed = Math.floorMod(article.slug().hashCode(), 1_000_000);
        // A few circles placed from the slug give each story its own recognisable picture.
        StringBuilder circles = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            circles.append("<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#ffffff\" fill-opacity=\"0.%d\"/>\n"
                    .formatted(
                            (seed / (i + 1) * 37 + i * 211) % 1200,
                            (seed / (i + 2) * 53 + i * 97) % 540,
                            40 + (seed / (i + 3)) % 160,
                            10 + i * 5));
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675" \
            role="img" aria-label="%s">
            <title>%s</title>
            <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">\
            <stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s"/></linearGradient></defs>
            <rect width="1200" height="675" fill="url(#bg)"/>
            %s<text x="60" y="620" font-family="Georgia, serif" font-size="44" fill="#ffffff">%s \u00b7 %s</text>
            </svg>
            """.formatted(
                        escape(article.caption()),
                        escape(article.title()),
                        palette.from(),
                        palette.to(),
                        circles,
                        PageLayout.SITE_NAME,
                        Markup.label(article.section()));
    }

    static String logo() {
        return LOGO;
    }
}
