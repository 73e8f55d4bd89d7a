package io.newsmon.web.sources;

import io.newsmon.domain.dto.NewSource;
import io.newsmon.domain.dto.NewSourceTrial;
import io.newsmon.domain.dto.SourceView;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A source's settings as the form posts and shows them; {@code error}/{@code errorField} say what was
 * refused, beside the field.
 */
public class SourceForm {

    @FormParam("url")
    public String url;

    @FormParam("name")
    public String name;

    @FormParam("languageHint")
    public String languageHint;

    @FormParam("pollIntervalSeconds")
    public String pollIntervalSeconds;

    @FormParam("includePattern")
    public String includePattern;

    @FormParam("excludePattern")
    public String excludePattern;

    @FormParam("maxArticlesPerPoll")
    public String maxArticlesPerPoll;

    @FormParam("adaptivePoll")
    public String adaptivePoll;

    @FormParam("enabled")
    public String enabled;

    public String error;
    public String errorField;

    public static SourceForm blank() {
        SourceForm f = new SourceForm();
        f.url = "";
        f.name = "";
        f.languageHint = "";
        f.pollIntervalSeconds = "900";
        f.includePattern = "";
        f.excludePattern = "";
        f.maxArticlesPerPoll = "";
        f.adaptivePoll = "true";
        f.enabled = "true";
        return f;
    }

    public static SourceForm of(SourceView s) {
        SourceForm f = new SourceForm();
        f.url = s.url();
        f.name = s.name();
        f.languageHint = s.languageHint() == null ? "" : s.languageHint();
        f.pollIntervalSeconds = String.valueOf(s.pollIntervalSeconds());
        f.includePattern = s.includePattern() == null ? "" : s.includePattern();
        f.excludePattern = s.excludePattern() == null ? "" : s.excludePattern();
        f.maxArticlesPerPoll = s.maxArticlesPerPoll() == null ? "" : String.valueOf(s.maxArticlesPerPoll());
        f.adaptivePoll = s.adaptivePoll() ? "true" : null;
        f.enabled = s.enabled() ? "true" : null;
        return f;
    }

    /** The fields as they were posted, keyed by their form names; unchecked boxes are left out. */
    private Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("name", name);
        m.put("languageHint", languageHint);
        m.put("pollIntervalSeconds", pollIntervalSeconds);
        m.put("includePattern", includePattern);
        m.put("excludePattern", excludePattern);
        m.put("maxArticlesPerPoll", maxArticlesPerPoll);
        m.put("adaptivePoll", adaptivePoll);
        m.put("enabled", enabled);
        return m;
    }

    /** The fields as a URL query, to carry what the admin entered across a redirect. */
    String query() {
        StringJoiner q = new StringJoiner("&");
        fields().forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** A form filled from a query made by {@link #query()}; absent text fields are empty. */
    static SourceForm fromQuery(MultivaluedMap<String, String> q) {
        SourceForm f = new SourceForm();
        f.url = q.getFirst("url") == null ? "" : q.getFirst("url");
        f.name = orEmpty(q.getFirst("name"));
        f.languageHint = orEmpty(q.getFirst("languageHint"));
        f.pollIntervalSeconds = orEmpty(q.getFirst("pollIntervalSeconds"));
        f.includePattern = orEmpty(q.getFirst("includePattern"));
        f.excludePattern = orEmpty(q.getFirst("excludePattern"));
        f.maxArticlesPerPoll = orEmpty(q.getFirst("maxArticlesPerPoll"));
        f.adaptivePoll = q.getFirst("adaptivePoll");
        f.enabled = q.getFirst("enabled");
        return f;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public boolean hasError(String field) {
        return field.equals(errorField);
    }

    public boolean isAdaptive() {
        return adaptivePoll != null;
    }

    public boolean isEnabled() {
        return enabled != null;
    }

    SourceForm refused(String field, String message) {
        this.errorField = field;
        this.error = message;
        return this;
    }

    /** A trial of this form's URL with the patterns the source would get. */
    NewSourceTrial trialRequest() {
        return new NewSourceTrial(
                url.strip(),
                null,
                blank(includePattern) ? null : includePattern.strip(),
                blank(excludePattern) ? null : excludePattern.strip());
    }

    /** The api request; a number that is not one is refused here, naming its field. */
    NewSource request(boolean adding) {
        Integer interval = number("pollIntervalSeconds", pollIntervalSeconds, "a number of seconds such as 900");
        Integer max = number("maxArticlesPerPoll", maxArticlesPerPoll, "a whole number, or empty for no limit");
        return new NewSource(
                blank(name) ? null : name.strip(),
                adding ? (url == null ? null : url.strip()) : null,
                languageHint == null ? "" : languageHint.strip(),
                interval,
                includePattern == null ? "" : includePattern.strip(),
                excludePattern == null ? "" : excludePattern.strip(),
                max,
                adaptivePoll != null,
                enabled != null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer number(String field, String value, String expected) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadField(field, "'" + value.strip() + "' is not " + expected);
        }
    }

    /** A field the form itself refuses before asking the api. */
    static class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
