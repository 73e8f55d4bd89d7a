package io.newsmon.enrich.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a recogniser on CoNLL text (one {@code token TAG} a line, IO tags PER/ORG/LOC/MISC) the way
 * acceptance does: each sentence is its tokens joined by single spaces; an entity counts when its character
 * span and type both match; MISC is ignored; micro-averaged precision, recall and F1.
 */
public final class NerScore {

    /** One sentence and its gold entities as {@code TYPE:start:end}. */
    public record Sentence(String text, Set<String> gold) {}

    /** Counts for one type (or all). */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                    precision(),
                    recall(),
                    f1(),
                    truePositives,
                    falsePositives,
                    falseNegatives);
        }
    }

    private NerScore() {}

    public static List<Sentence> readConll(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    out.add(sentence(tokens, tags));
                    tokens.clear();
                    tags.clear();
                }
                continue;
            }
            int space = line.lastIndexOf(' ');
            tokens.add(line.substring(0, space));
            tags.add(line.substring(space + 1));
        }
        if (!tokens.isEmpty()) {
            out.add(sentence(tokens, tags));
        }
        return out;
    }

    private static Sentence sentence(List<String> tokens, List<String> tags) {
        StringBuilder b = new StringBuilder();
        Set<String> gold = new HashSet<>();
        String current = null;
        int start = 0;
        int end = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            int s = b.length();
            b.append(tokens.get(i));
            String type = type(tags.get(i));
            if (type != null && type.equals(current)) {
                end = b.length();
            } else {
                if (current != null && !current.equals("MISC")) {
                    gold.add(current + ":" + start + ":" + end);
                }
                current = type;
                start = s;
                end = b.length();
            }
        }
        if (current != null && !current.equals("MISC")) {
            gold.add(current + ":" + start + ":" + end);
        }
        return new Sentence(b.toString(), gold);
    }

    private static String type(String tag) {
        return switch (tag.replaceFirst("^[BI]-", "")) {
            case "PER" -> Entity.PERSON;
            case "ORG" -> Entity.ORGANIZATION;
            case "LOC" -> Entity.LOCATION;
            case "MISC" -> "MISC";
            default -> null;
        };
    }

    /** Counts per type and under "ALL". */
    public static Map<String, Counts> score(EntityRecognizer recognizer, List<Sentence> sentences) {
        Map<String, int[]> c = new TreeMap<>();
        for (String t : List.of(Entity.LOCATION, Entity.ORGANIZATION, Entity.PERSON, "ALL")) {
            c.put(t, new int[3]);
        }
        for (Sentence s : sentences) {
            Set<String> predicted = new HashSet<>();
            for (Entity e : recognizer.recognize(s.text())) {
                predicted.add(e.type() + ":" + e.start() + ":" + e.end());
            }
            for (String p : predicted) {
                int k = s.gold().contains(p) ? 0 : 1;
                c.get(p.substring(0, p.indexOf(':')))[k]++;
                c.get("ALL")[k]++;
            }
            for (String g : s.gold()) {
                if (!predicted.contains(g)) {
                    c.get(g.substring(0, g.indexOf(':')))[2]++;
                    c.get("ALL")[2]++;
                }
            }
        }
        Map<String, Counts> out = new TreeMap<>();
        c.forEach((k, v) -> out.put(k, new Counts(v[0], v[1], v[2])));
        return out;
    }
}
