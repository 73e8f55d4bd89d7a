package io.newsmon.enrich.entities;

import io.newsmon.domain.article.Countries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A base recogniser (the CRF) with what surrounds it for news text: fixes for its known confusions and
 * consistency inside one text. Each rule is general (about English writing), never about one site:
 *
 * <ol>
 *   <li>a span starting lower case is not a name;
 *   <li>hyphenated names are one name ({@code Amir-Abdollahian}), and {@code Jr.}, {@code Sr.}, {@code II}
 *       belong to the person;
 *   <li>a span ending in an organisation word (Party, Army, Front, Ministry, Bank, University …) is an
 *       organisation;
 *   <li>a country name is a place, also where the model missed it or took it for an organisation;
 *   <li>an acronym defined in brackets after a name ({@code Jaish al Adl (JAA)}) is that name's type;
 *   <li>inside one text, a person's surname alone is that person, and a string keeps one type.
 * </ol>
 */
public final class NewsEntityRecognizer implements EntityRecognizer {

    static final Set<String> ORG_WORDS = Set.of(
            "Party",
            "Army",
            "Front",
            "Council",
            "Ministry",
            "Bank",
            "Corporation",
            "Corp",
            "Corp.",
            "Inc",
            "Inc.",
            "Ltd",
            "Ltd.",
            "LLC",
            "Company",
            "Co.",
            "University",
            "College",
            "Institute",
            "Association",
            "Committee",
            "Commission",
            "Agency",
            "Authority",
            "Hospital",
            "Records",
            "Club",
            "Group",
            "Foundation",
            "Federation",
            "League",
            "Organization",
            "Organisation",
            "Parliament",
            "Assembly",
            "Police",
            "Forces",
            "Navy",
            "Airlines",
            "Airways",
            "Network",
            "Bureau",
            "Department",
            "Office",
            "Movement",
            "Brigade",
            "Brigades",
            "Coalition",
            "Alliance",
            "Court",
            "Senate",
            "Congress",
            "Service",
            "Services",
            "Times");

    private static final Pattern SUFFIX = Pattern.compile("^,? (Jr\\.|Sr\\.|Jr|Sr|II|III|IV)(?![\\p{L}\\p{N}])");
    private static final Pattern HYPHEN_AFTER = Pattern.compile("^-\\p{Lu}[\\p{L}\\p{M}]*");
    private static final Pattern HYPHEN_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]*-$");
    private static final Pattern ACRONYM = Pattern.compile("^ \\((\\p{Lu}[\\p{Lu}0-9&-]{1,9})\\)");

    private final EntityRecognizer base;

    public NewsEntityRecognizer(EntityRecognizer base) {
        this.base = base;
    }

    @Override
    public List<Entity> recognize(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Entity> found = new ArrayList<>();
        for (Entity raw : base.recognize(text)) {
            for (Entity e : splitLines(text, raw)) {
                e = trimLowerTail(text, e);
                if (e != null && !Character.isLowerCase(e.text().codePointAt(0)) && !coined(text, e)) {
                    found.add(extend(text, e));
                }
            }
        }
        found = retype(text, found);
        found = addCountries(text, found);
        found = addAcronyms(text, found);
        found = consistent(text, found);
        found.sort(Comparator.comparingInt(Entity::start));
        return dropOverlaps(found);
    }

    /** Hyphenated parts and generational suffixes join the name. */
    private static Entity extend(String text, Entity e) {
        int start = e.start();
        int end = e.end();
        Matcher before = HYPHEN_BEFORE.matcher(text.substring(Math.max(0, start - 40), start));
        if (before.find()) {
            start -= before.group().length();
        }
        Matcher after = HYPHEN_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40)));
        if (after.find()) {
            end += after.group().length();
        }
        if (e.type().equals(Entity.PERSON)) {
            Matcher suffix = SUFFIX.matcher(text.substring(end, Math.min(text.length(), end + 6)));
            if (suffix.find()) {
                end += suffix.group().length();
            }
        }
        return start == e.start() && end == e.end() ? e : Entity.of(text, start, end, e.type());
    }

    /** A name never runs across a line break (a caption line, a dateline). */
    private static List<Entity> splitLines(String text, Entity e) {
        if (e.text().indexOf('\n') < 0) {
            return List.of(e);
        }
        List<Entity> parts = new ArrayList<>();
        int start = e.start();
        for (int i = e.start(); i <= e.end(); i++) {
            if (i == e.end() || text.charAt(i) == '\n') {
                int s = start;
                int end = i;
                while (s < end && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (end > s && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > s) {
                    parts.add(Entity.of(text, s, end, e.type()));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** Names end in a capitalised word: "Sistan-Baluchestan province" is "Sistan-Baluchestan". */
    private static Entity trimLowerTail(String text, Entity e) {
        String t = e.text();
        int end = t.length();
        while (true) {
            int space = t.lastIndexOf(' ', end - 1);
            if (space <= 0 || !Character.isLowerCase(t.charAt(space + 1))) {
                break;
            }
            end = space;
        }
        return end == t.length() ? e : Entity.of(text, e.start(), e.start() + end, e.type());
    }

    private static final Pattern COINED_BEFORE =
            Pattern.compile("(?:dubbed|called|named|nicknamed|codenamed|code-named) [\"“'‘]$");

    /** A single quoted word just named ("a missile system dubbed "Hazel"") is a thing, not a person or place. */
    private static boolean coined(String text, Entity e) {
        return e.text().indexOf(' ') < 0
                && COINED_BEFORE
                        .matcher(text.substring(Math.max(0, e.start() - 14), e.start()))
                        .find();
    }

    private static final Pattern ORG_NOUN_AFTER = Pattern.compile(
            "^(?: \\([^)]{1,12}\\))? (?:militant |rebel |armed |terrorist |separatist )?(?:group|groups|movement|"
                    + "militia|party|organisation|organization|faction|network|outfit|company|firm|agency|"
                    + "alliance|coalition|brigade|union|conglomerate|bank|broadcaster|newspaper)\\b");
    private static final Pattern ORG_NOUN_BEFORE =
            Pattern.compile("\\b(?:group|movement|militia|organisation|organization|faction|outfit|company|firm|agency|"
                    + "broadcaster|newspaper|conglomerate|carrier|airline|lender|insurer|retailer) $");

    private static List<Entity> retype(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            String type = e.type();
            String after = text.substring(e.end(), Math.min(text.length(), e.end() + 50));
            String before = text.substring(Math.max(0, e.start() - 20), e.start());
            if (Countries.code(e.text()) != null) {
                type = Entity.LOCATION;
            } else {
                String[] words = e.text().split("\\s+");
                if (words.length > 1 && ORG_WORDS.contains(words[words.length - 1])
                        || ORG_NOUN_AFTER.matcher(after).find()
                        || ORG_NOUN_BEFORE.matcher(before).find()
                        || type.equals(Entity.PERSON) && ACRONYM.matcher(after).find()) {
                    type = Entity.ORGANIZATION;
                }
            }
            out.add(type.equals(e.type()) ? e : new Entity(e.start(), e.end(), type, e.text()));
        }
        return out;
    }

    /** Every unambiguous country name, longest first, as one pattern: one pass over the text. */
    private static final Pattern COUNTRY_NAMES = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:"
            + Countries.names(false).stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining("|"))
            + ")(?![\\p{L}\\p{N}-])");

    /** Country names the model missed, wherever they stand alone (not inside another name). */
    private static List<Entity> addCountries(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found);
        Matcher m = COUNTRY_NAMES.matcher(text);
        while (m.find()) {
            int at = m.start();
            int end = m.end();
            if (!overlapsAny(out, at, end) && !insideCapitalisedRun(text, at, end)) {
                out.add(Entity.of(text, at, end, Entity.LOCATION));
            }
        }
        return out;
    }

    /** "Bank of America", "New Mexico": a country name with a capitalised word joined to it is part of a name. */
    private static boolean insideCapitalisedRun(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 30), start);
        String after = text.substring(end, Math.min(text.length(), end + 30));
        return before.matches("(?s).*\\p{Lu}[\\p{L}.]*( of( the)?)? $") && !before.matches("(?s).*[.!?:;\"“] $")
                || after.matches("(?s)^ (\\p{Lu}\\p{Ll}|of \\p{Lu}).*");
    }

    /** {@code Name (ABC)}: ABC is Name's type here and everywhere in the text. */
    private static List<Entity> addAcronyms(String text, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found);
        Map<String, String> acronyms = new HashMap<>();
        for (Entity e : found) {
            Matcher m = ACRONYM.matcher(text.substring(e.end(), Math.min(text.length(), e.end() + 16)));
            if (m.find()) {
                acronyms.put(m.group(1), e.type());
            }
        }
        for (Map.Entry<String, String> a : acronyms.entrySet()) {
            markAll(text, a.getKey(), a.getValue(), out);
        }
        return out;
    }

    /**
     * One text, one reading: a person's last name alone is that person; an unlabelled repeat of a
     * multi-word name gets its type; a string labelled twice with different types takes the more frequent.
     */
    private static List<Entity> consistent(String text, List<Entity> found) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Entity e : found) {
            votes.computeIfAbsent(e.text(), k -> new HashMap<>()).merge(e.type(), 1, Integer::sum);
        }
        List<Entity> out = new ArrayList<>(found.size());
        for (Entity e : found) {
            String best = votes.get(e.text()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(x -> x.getKey().equals(e.type())))
                    .get()
                    .getKey();
            out.add(best.equals(e.type()) ? e : new Entity(e.start(), e.end(), best, e.text()));
        }
        Map<String, String> surnames = new HashMap<>();
        List<Entity> multiword = new ArrayList<>();
        for (Entity e : out) {
            String[] words = e.text().split("[\\s]+");
            if (words.length > 1) {
                multiword.add(e);
                if (e.type().equals(Entity.PERSON)) {
                    String last = words[words.length - 1];
                    if (last.length() > 2 && Character.isUpperCase(last.charAt(0))) {
                        surnames.put(last, Entity.PERSON);
                        // the last part of a hyphenated surname stands for it too (Abdollahian)
                        int hyphen = last.lastIndexOf('-');
                        if (hyphen > 0 && hyphen < last.length() - 3) {
                            surnames.put(last.substring(hyphen + 1), Entity.PERSON);
                        }
                    }
                }
            }
        }
        List<Entity> result = new ArrayList<>(out);
        for (Entity e : multiword) {
            markAll(text, e.text(), e.type(), result);
        }
        for (Map.Entry<String, String> s : surnames.entrySet()) {
            // a surname the model tagged as something else alone is still the person
            result.replaceAll(
                    e -> e.text().equals(s.getKey()) ? new Entity(e.start(), e.end(), s.getValue(), e.text()) : e);
            markAll(text, s.getKey(), s.getValue(), result);
        }
        return result;
    }

    private static void markAll(String text, String name, String type, List<Entity> into) {
        int from = 0;
        for (int at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, from)) {
            int end = at + name.length();
            from = end;
            if (wordBoundary(text, at, end) && !overlapsAny(into, at, end)) {
                into.add(Entity.of(text, at, end, type));
            }
        }
    }

    private static boolean wordBoundary(String text, int start, int end) {
        boolean left =
                start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) && text.charAt(start - 1) != '-';
        boolean right = end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '-';
        return left && right;
    }

    private static boolean overlapsAny(List<Entity> entities, int start, int end) {
        for (Entity e : entities) {
            if (e.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the earlier, then the longer, of overlapping spans. */
    private static List<Entity> dropOverlaps(List<Entity> sorted) {
        List<Entity> out = new ArrayList<>(sorted.size());
        for (Entity e : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).overlaps(e.start(), e.end())) {
                Entity last = out.get(out.size() - 1);
                if (e.end() - e.start() > last.end() - last.start()) {
                    out.set(out.size() - 1, e);
                }
                continue;
            }
            out.add(e);
        }
        return out;
    }
}
