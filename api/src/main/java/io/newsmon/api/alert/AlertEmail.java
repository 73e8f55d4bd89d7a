package io.newsmon.api.alert;

import java.util.List;

/** What one alert e-mail shows; the data of the {@code AlertMailer/alert} templates. */
public record AlertEmail(
        String topicName,
        String subject,
        String period,
        List<Item> items,
        int hiddenItems,
        String pauseUrl,
        String dashboardUrl) {

    /** One story (or one article without a story) in the e-mail. */
    public record Item(
            String headline, String source, String time, List<Snippet.Part> snippet, String link, int moreSources) {}
}
