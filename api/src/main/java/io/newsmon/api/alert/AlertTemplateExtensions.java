package io.newsmon.api.alert;

import io.quarkus.qute.TemplateExtension;

/** Derived values the alert templates show. */
@TemplateExtension
public class AlertTemplateExtensions {

    private AlertTemplateExtensions() {}

    /** "+1 more source", "+3 more sources", or empty. */
    static String moreSourcesLabel(AlertEmail.Item item) {
        return switch (item.moreSources()) {
            case 0 -> "";
            case 1 -> "+1 more source";
            default -> "+" + item.moreSources() + " more sources";
        };
    }
}
