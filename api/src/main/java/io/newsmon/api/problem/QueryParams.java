package io.newsmon.api.problem;

/** Parses query parameters so that a bad value gets a 400 naming the parameter, not a 404. */
public final class QueryParams {

    private QueryParams() {}

    public static int intIn(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw ProblemException.badField(name, "must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    public static long requiredId(String name, String value) {
        Long id = optionalId(name, value);
        if (id == null) {
            throw ProblemException.badField(name, "is required");
        }
        return id;
    }

    public static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be a numeric id, got '" + value + "'");
        }
    }

    /** An ISO 639 language code, lower-cased, or null when absent. */
    public static String languageCode(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lang = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}")) {
            throw ProblemException.badField(field, "must be an ISO 639 code such as 'en', got '" + value + "'");
        }
        return lang;
    }
}
