package io.newsmon.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word 4-gram sets, for asking how much of one text another contains. */
final class Shingles {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private Shingles() {}

    static Set<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        Set<String> out = new HashSet<>();
        if (words.size() < 4) {
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
            return out;
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2) + " " + words.get(i + 3));
        }
        return out;
    }

    /** The share of {@code part}'s shingles found in {@code whole}; 0 when {@code part} has none. */
    static double coverage(Set<String> part, Set<String> whole) {
        if (part.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String s : part) {
            if (whole.contains(s)) {
                found++;
            }
        }
        return (double) found / part.size();
    }
}
