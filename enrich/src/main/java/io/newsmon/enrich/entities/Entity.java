package io.newsmon.enrich.entities;

/**
 * A named entity in a text: {@code text.substring(start, end)} is {@code text}.
 *
 * @param type PERSON, ORGANIZATION or LOCATION
 */
public record Entity(int start, int end, String type, String text) {

    public static final String PERSON = "PERSON";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String LOCATION = "LOCATION";

    static Entity of(String source, int start, int end, String type) {
        return new Entity(start, end, type, source.substring(start, end));
    }

    boolean overlaps(int s, int e) {
        return start < e && s < end;
    }
}
