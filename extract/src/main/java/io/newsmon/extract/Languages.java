package io.newsmon.extract;

import io.newsmon.language.LanguageDetector;

/** The language of extracted text when the page does not declare one; the model loads once, on first use. */
final class Languages {

    private Languages() {}

    private static final class Holder {
        static final LanguageDetector DETECTOR = new LanguageDetector();
    }

    static String declaredElseDetected(String declared, String title, String body) {
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        return Holder.DETECTOR
                .detect((title == null ? "" : title + "\n\n") + body)
                .orElse(null);
    }
}
