package io.newsmon.web.dashboard;

import io.newsmon.domain.dto.EntityMentionView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article body as paragraphs of text runs, the runs that are entity mentions linked to their entity
 * page. Everything is plain text for the template to escape: scraped HTML never reaches the page raw.
 */
public final class ArticleText {

    private ArticleText() {}

    /** A run of text; {@code type} and {@code href} are set when it is an entity mention. */
    public record Run(String text, String type, String href) {
        public boolean isMention() {
            return href != null;
        }
    }

    /** An entity named in the article: its type, name, how often, and its page. */
    public record Named(String type, String name, int mentions, String href) {}

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    public static List<List<Run>> paragraphs(String body, List<EntityMentionView> mentions) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        List<EntityMentionView> valid = new ArrayList<>();
        if (mentions != null) {
            for (EntityMentionView m : mentions) {
                EntityMentionView placed = place(body, m);
                if (placed != null) {
                    valid.add(placed);
                }
            }
        }
        valid.sort(Comparator.comparingInt(EntityMentionView::start)
                .thenComparing(Comparator.comparingInt(EntityMentionView::end).reversed()));
        List<List<Run>> out = new ArrayList<>();
        Matcher breaks = PARAGRAPH_BREAK.matcher(body);
        int from = 0;
        int next = 0;
        while (from <= body.length()) {
            int to;
            int after;
            if (breaks.find()) {
                to = breaks.start();
                after = breaks.end();
            } else {
                to = body.length();
                after = body.length() + 1;
            }
            List<Run> runs = new ArrayList<>();
            int at = from;
            while (next < valid.size() && valid.get(next).start() < to) {
                EntityMentionView m = valid.get(next++);
                if (m.start() < at || m.end() > to) {
                    continue; // overlaps the previous mention or crosses a paragraph break
                }
                if (m.start() > at) {
                    runs.add(new Run(body.substring(at, m.start()), null, null));
                }
                String text = body.substring(m.start(), m.end());
                runs.add(new Run(text, m.type(), EntityLinks.href(m.type(), m.text() == null ? text : m.text())));
                at = m.end();
            }
            if (at < to) {
                runs.add(new Run(body.substring(at, to), null, null));
            }
            trim(runs);
            if (!runs.isEmpty()) {
                out.add(runs);
            }
            from = after;
        }
        return out;
    }

    /**
     * The mention where its text really is: at its offsets when the body has its text there, else at the
     * occurrence of its text nearest to them (offsets counted on another form of the text drift); null
     * when the body does not contain it.
     */
    static EntityMentionView place(String body, EntityMentionView m) {
        if (m.text() == null || m.text().isBlank()) {
            return null;
        }
        String text = m.text();
        if (m.start() >= 0 && m.start() + text.length() <= body.length() && body.startsWith(text, m.start())) {
            return new EntityMentionView(m.type(), text, m.start(), m.start() + text.length(), m.recognizer());
        }
        int best = -1;
        for (int at = body.indexOf(text); at >= 0; at = body.indexOf(text, at + 1)) {
            if (best < 0 || Math.abs(at - m.start()) < Math.abs(best - m.start())) {
                best = at;
            }
        }
        return best < 0 ? null : new EntityMentionView(m.type(), text, best, best + text.length(), m.recognizer());
    }

    private static void trim(List<Run> runs) {
        if (!runs.isEmpty() && !runs.get(0).isMention()) {
            String t = runs.get(0).text().stripLeading();
            if (t.isEmpty()) {
                runs.remove(0);
            } else {
                runs.set(0, new Run(t, null, null));
            }
        }
        if (!runs.isEmpty() && !runs.get(runs.size() - 1).isMention()) {
            String t = runs.get(runs.size() - 1).text().stripTrailing();
            if (t.isEmpty()) {
                runs.remove(runs.size() - 1);
            } else {
                runs.set(runs.size() - 1, new Run(t, null, null));
            }
        }
    }

    /** The distinct entities, most mentioned first. */
    public static List<Named> named(List<EntityMentionView> mentions) {
        Map<String, Named> byKey = new LinkedHashMap<>();
        if (mentions != null) {
            for (EntityMentionView m : mentions) {
                if (m.text() == null || m.text().isBlank()) {
                    continue;
                }
                String key = m.type() + "\u0000" + m.text().strip();
                Named n = byKey.get(key);
                byKey.put(
                        key,
                        new Named(
                                m.type(),
                                m.text().strip(),
                                n == null ? 1 : n.mentions() + 1,
                                EntityLinks.href(m.type(), m.text().strip())));
            }
        }
        return byKey.values().stream()
                .sorted(Comparator.comparingInt(Named::mentions).reversed())
                .toList();
    }
}
