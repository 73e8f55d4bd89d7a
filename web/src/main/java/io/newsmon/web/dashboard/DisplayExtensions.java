package io.newsmon.web.dashboard;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** How the dashboard shows times, languages and bodies. */
@TemplateExtension
public class DisplayExtensions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withLocale(java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    static String display(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
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

    /** The body's paragraphs, as extraction separated them by blank lines. */
    static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
