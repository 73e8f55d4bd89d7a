package io.newsmon.web.dashboard;

import io.newsmon.web.display.DisplayZone;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the dashboard shows times, languages and bodies. */
@TemplateExtension
public class DisplayExtensions {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z").withLocale(java.util.Locale.ENGLISH);

    /** An instant in the analyst's zone (see {@link DisplayZone}), with the zone's abbreviation. */
    static String display(Instant instant) {
        return instant == null ? "—" : when(instant, DisplayZone.current().zone());
    }

    public static String when(Instant instant, ZoneId zone) {
        return WHEN.withZone(zone).format(instant);
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String languageName(String code) {
        if (code == null || code.isBlank()) {
            return "unknown";
        }
        String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    private static final java.util.regex.Pattern NOT_MARK = java.util.regex.Pattern.compile("<(?!/?mark>)");

    /**
     * A highlighted title or snippet from the api (escaped text with {@code <mark>} around matches) made
     * safe to print raw: any other tag's {@code <} becomes {@code &lt;}, so nothing but a mark survives.
     */
    static io.quarkus.qute.RawString marksOnly(String highlighted) {
        return new io.quarkus.qute.RawString(
                highlighted == null ? "" : NOT_MARK.matcher(highlighted).replaceAll("&lt;"));
    }

    /** An article's tone score, signed with two decimals, and how it reads. */
    static String toneSigned(io.newsmon.domain.dto.ArticleDetail a) {
        return a.tone() == null ? "not scored" : String.format(java.util.Locale.ROOT, "%+.2f", a.tone());
    }

    static String toneWord(io.newsmon.domain.dto.ArticleDetail a) {
        return a.tone() == null ? "unknown" : toneWord(a.tone());
    }

    /** How a tone score reads: negative at -0.25 or below, positive at +0.25 or above, else neutral. */
    static String toneWord(double tone) {
        return tone <= -0.25 ? "negative" : tone >= 0.25 ? "positive" : "neutral";
    }

    /** An ISO 3166 country code's English name, or the code itself. */
    static String countryName(String code) {
        if (code == null || code.length() != 2) {
            return code == null ? "" : code;
        }
        String name = new java.util.Locale("", code.toUpperCase(java.util.Locale.ROOT))
                .getDisplayCountry(java.util.Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** A link target from scraped data: only http(s) URLs are links; anything else (javascript:, data:) is not. */
    static String safeUrl(String url) {
        if (url == null) {
            return "#";
        }
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? u : "#";
    }

    static String urlEncoded(String s) {
        return s == null
                ? ""
                : java.net.URLEncoder.encode('"' + s.replace("\"", "") + '"', java.nio.charset.StandardCharsets.UTF_8);
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }
}
