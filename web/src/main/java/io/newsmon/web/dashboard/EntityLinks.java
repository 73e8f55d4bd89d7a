package io.newsmon.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to an entity's page by type and name: the page looks the name up in the api. */
public final class EntityLinks {

    private EntityLinks() {}

    public static String href(String type, String name) {
        return "/entities/find?type=" + URLEncoder.encode(type == null ? "" : type, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name == null ? "" : name, StandardCharsets.UTF_8);
    }

    /** The query field an entity type searches. */
    static String field(String type) {
        if (type == null) {
            return "place";
        }
        return switch (type) {
            case "PERSON" -> "person";
            case "ORGANIZATION" -> "org";
            default -> "place";
        };
    }
}
